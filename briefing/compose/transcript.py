"""Transcripts of hearings and briefings: whose turn a paragraph is, from the capitalised
speaker labels that open each turn ("REP. JANE ROE (D-Md.), CHAIR:", "DR. ROE:")."""

from __future__ import annotations

import re

from briefing.compose.names import TITLES

# A turn's label: an optional title (and "(RET.)"), one to four upper-case name words, an
# optional party or state in brackets and an optional ", ROLE", then a colon. Upper case is
# what tells a transcript's label from a heading or dateline in running prose.
_UPPER = r"[A-Z][A-Z'’-]+"
_LABEL = re.compile(
    rf"(?m)^[ \t]*(?P<title>(?i:{TITLES})\.?)?\s*(?:\((?i:ret|retd|ret\.)\.?\)\s*)?"
    rf"(?P<name>{_UPPER}(?:\s+(?:[A-Z]\.\s+)?{_UPPER}){{0,3}})"
    r"(?:\s*\([^()\n]{1,40}\))?(?:,[^:\n]{1,120})?:[ \t]+(?=\S)",  # the turn goes on the line
)
# Labels that head a paragraph without being anyone's voice.
_NOT_NAMES = frozenset(
    """Q A QUESTION ANSWER NOTE NOTES PHOTO SOURCE SOURCES UPDATE CORRECTION EDITOR SUMMARY
    BACKGROUND CONTEXT TRANSCRIPT HEARING DATE LOCATION WITNESS WITNESSES SUBJECT KEY POINTS
    WHAT NEXT WHY IT MATTERS TAGS SHARE READ MORE""".split()
)
_REACH = 50_000  # characters before a paragraph searched for its turn's label
_STAGE = re.compile(r"(?m)^[ \t]*[\[(]")  # "[Whereupon, the subcommittee was adjourned.]"


def _label(match: re.Match[str]) -> tuple[str, str] | None:
    """(title, name) of a turn label, or None when it is a heading or dateline."""
    words = match.group("name").split()
    title = (match.group("title") or "").rstrip(".")
    if any(w.rstrip(".") in _NOT_NAMES for w in words):
        return None
    if not title and len(words) < 2:
        return None  # "BEIJING: ..." is a dateline, "LI QIANG: ..." a speaker
    return title, " ".join(words)


def _display(title: str, name: str) -> str:
    """ "REP.", "MARGARET HOLLOWAY" -> "Rep. Margaret Holloway"."""
    words = " ".join(w if len(w) <= 2 and w.endswith(".") else w.title() for w in name.split())
    if not title:
        return words
    return f"{title.title()}{'.' if len(title) <= 4 else ''} {words}"  # "Amb.", "Senator"


def turn_speaker(text: str, para_start: int) -> str | None:
    """The speaker whose turn the paragraph at `para_start` is, when the document is a
    transcript (three or more labelled turns by two or more speakers, one of them speaking
    twice: a report's capitalised headings ("POLICY OPTIONS:") never repeat), else None. A paragraph
    without a label (each label opens a line) continues the turn before it; a bracketed stage
    note ends it. A short label ("DR. ROE") is named in full from the speaker's longest label."""
    # The turns before the paragraph and a little after: a long report need not be read whole
    # for each of its excerpts (a turn label 50,000 characters back is no one's turn now).
    begin, end = max(0, para_start - _REACH), min(len(text), para_start + _REACH // 10)
    turns: list[tuple[int, tuple[str, str] | None]] = [
        (m.start(), label) for m in _LABEL.finditer(text, begin, end) if (label := _label(m))
    ]
    if len(turns) < 3:
        return None
    turns += [(m.start(), None) for m in _STAGE.finditer(text, begin, end)]
    turns.sort(key=lambda t: t[0])
    labelled = [t for _, t in turns if t]
    surnames = [name.split()[-1] for _, name in labelled]
    if len(set(surnames)) < 2 or len(set(surnames)) == len(surnames):
        return None  # a transcript has two voices or more, and someone speaks twice
    current = None
    for start, label in turns:
        if start > para_start:
            break
        current = label
    if current is None:
        return None
    title, name = current
    surname = name.split()[-1]
    fuller = [n for _, n in labelled if n.split()[-1] == surname and len(n) > len(name)]
    return _display(title, max(fuller, key=len) if fuller else name)
