"""Split raw text into paragraphs and sentences, keeping character offsets into the raw text.

Sentences come from syntok, fed one paragraph at a time: it handles "U.S.", "Dr", "Sept. 10"
and quotes, and it is far faster per paragraph than on a whole document. Boundaries syntok
always splits at are cut without it (`fast_split`), so it sees only the parts that need it;
tests/sources/test_segment_fast.py holds the output to syntok's, test_segment_gold.py to a
hand-written gold set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syntok import segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

from briefing.sources.span import Span
from briefing.sources.titles import join_titles

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0\ufeff]*\n")
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣∙*+-]|\d{1,2}[.)])\s")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’)\]]*\s*$")
_WHITESPACE = " \t\r\n\f\v\u00a0\ufeff\u200b"
_TOKENIZER = Tokenizer()


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _WHITESPACE:
        start += 1
    while end > start and text[end - 1] in _WHITESPACE:
        end -= 1
    return Span(start, end) if end > start else None


def paragraphs(text: str) -> Iterator[Span]:
    """Paragraph spans: blocks between blank lines, split again at bullets and short lines.

    A line joins the previous one only when the previous looks hard-wrapped (long, with no
    sentence end) or the line continues in lower case; web captures put one paragraph per line.
    """
    block_start = 0
    for match in [*_BLANK_LINES.finditer(text), None]:
        block_end = match.start() if match else len(text)
        yield from _split_block(text, block_start, block_end)
        if match:
            block_start = match.end()


def _split_block(text: str, start: int, end: int) -> Iterator[Span]:
    para_start = start
    prev_line = ""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        line = text[pos:line_end]
        if pos > para_start and _starts_new_paragraph(prev_line, line):
            span = _trim(text, para_start, pos)
            if span:
                yield span
            para_start = pos
        if line.strip():
            prev_line = line
        pos = line_end + 1
    span = _trim(text, para_start, end)
    if span:
        yield span


def _starts_new_paragraph(prev: str, line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _BULLET.match(line):
        return True
    if stripped[0].islower():
        return False
    wrapped = len(prev.rstrip()) >= 60 and not _ENDS_SENTENCE.search(prev)
    return not wrapped


# An unambiguous sentence end: a plain lower-case word (not an abbreviation), end punctuation,
# space, then a capital. Every segmenter splits here, so syntok need not be asked.
_CLEAR_END = re.compile(r"\b([a-z]{3,})[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z])")
_ABBREVIATIONS = frozenset("etc approx incl est ibid viz resp dept univ govt corp misc".split())
# Anything syntok might split after: end punctuation, an ellipsis, or a closing bracket.
_POSSIBLE_END = re.compile(r"[.!?…)\]][\"”’)\]]*\s")


def sentences(text: str, para: Span) -> list[Span]:
    """Sentence spans inside one paragraph, in raw-text offsets.

    A paragraph whose every possible boundary is unambiguous is split directly (`fast_split`);
    otherwise clear boundaries are taken directly and syntok decides every piece that still
    holds a possible boundary ("U.S. President", "Sept. 10", quotes), which keeps its judgement
    where it matters at a fraction of its cost.
    """
    fast = fast_split(text, para)
    if fast is not None:
        return join_titles(text, fast)
    return join_titles(text, _pieces(text, para))


def _pieces(text: str, para: Span) -> list[Span]:
    """Sentences cut at clear lower-case ends, each piece between them split by `_segment`."""
    spans: list[Span] = []
    start = para.start
    for match in _CLEAR_END.finditer(text, para.start, para.end):
        if match.group(1) in _ABBREVIATIONS:
            continue
        spans += _segment(text, start, match.end())
        start = match.end()
    spans += _segment(text, start, para.end)
    return spans


# Every character syntok may end a sentence at or skip bracketed text from: its terminals and
# brackets, and the ellipsis.
_BRACKETS = State.opening_brackets | State.closing_brackets
_MARK_CHARS = {c for t in State.terminals for c in t} | _BRACKETS | {"…"}
_MARKS = re.compile("[" + re.escape("".join(sorted(_MARK_CHARS))) + "]")
# An end syntok always splits at: a plain word (two or more lower-case letters, one capital at
# most), an acronym or a number of two or more digits, after a space, maybe a closing quote, one
# mark, maybe one closing quote (syntok takes one into the sentence: ".” The"), then spaces and a
# capital, maybe after an opening curly quote (". “Four"). Which words and next words: see
# `_fast_end`.
_FAST_END = re.compile(
    r"(?<![^ \t\r\n])([A-Z]?[a-z]{2,}|[A-Z]{2,}|[0-9]{2,})[’”\"']?([.!?])[’”\"']?"
    r"[ \t\r\n]+[“‘]?([A-Z][A-Za-z]*)"
)
# A mark syntok never splits at: one before a lower-case word or a digit ("etc. and", "3.5",
# "example.com"), a dot between capitals with no space ("U.S"), one straight before a comma or
# a colon ("the U.S., now", "Why?, he asked"), a possessive or a hyphen ("the U.S.'s",
# "U.S.-Vietnam"), or a semicolon before a lower-case word ("rare earths; expanded").
_HARMLESS = re.compile(
    r"[.!?](?:[a-z0-9,:]|[ \t\r\n]+[a-z])|\.[A-Z](?![a-z])|\.['’]s\b|\.-[A-Za-z]"
    r"|;[ \t\r\n]+[a-z]"
)
# The paragraph's last mark needs no rule when only closing quotes follow it: nothing is left.
_FINAL = re.compile(r"[.!?]+[\"”’']*")
# Words after which syntok may keep going: its abbreviations and months, and "no" ("No. 5").
_NOT_FAST = (
    State.abbreviations
    | State.months
    | State.roman_numerals
    | {w.lower() for w in State.abbreviations | State.months}
    | {"no", "No", "NO"}
)


def fast_split(text: str, para: Span) -> list[Span] | None:
    """syntok's sentences without syntok, when every possible boundary is unambiguous, else None.

    Unambiguous: every mark (see _MARKS) is a plain word's end before a capital (`_fast_end`),
    harmless (_HARMLESS), a dotted token's full stop syntok goes on past (`_dotted_goes_on`),
    the paragraph's last, or inside or around a short bracket syntok skips
    whole (`_skipped_bracket`); no other brackets, no ellipses, no semicolon before a capital.
    """
    spans: list[Span] = []
    start = skip = para.start
    for mark in _MARKS.finditer(text, para.start, para.end):
        at = mark.start()
        if at < skip:
            continue
        cut = _fast_end(text, at, start, para.end)
        if cut is not None:
            spans += [s for s in [_strip_bullet(text, start, cut[0])] if s]
            start = skip = cut[1]
            continue
        if mark.group() in _OPENING:
            close = _skipped_bracket(text, at, start, para.end)
            if close is None:
                return None
            skip = close + 1
            continue
        if _HARMLESS.match(text, at, para.end):
            continue
        if _dotted_goes_on(text, at, start, para.end):
            continue
        final = _FINAL.match(text, at, para.end)
        if final is not None and final.end() == para.end:
            break
        return None
    return spans + [s for s in [_strip_bullet(text, start, para.end)] if s]


def _fast_end(text: str, at: int, floor: int, limit: int) -> tuple[int, int] | None:
    """Where the sentence ends and the next starts, if the mark at `at` is an end syntok always
    splits at."""
    word_end = at - 1 if at > floor and text[at - 1] in "’”\"'" else at
    end = _FAST_END.match(text, _word_start(text, word_end, floor), limit)
    if end is None or end.start(2) != at or end.group(1) in _NOT_FAST:
        return None
    if end.group(3) in State.months:
        return None
    after = at + 1 if text[at + 1] in _WHITESPACE else at + 2  # the closing quote, if any
    # the next sentence starts at its opening quote, if it has one
    return after, end.start(3) - (text[end.start(3) - 1] in "“‘")


# A full stop after a dotted token ("U.S", "p.m"): syntok keeps such a token whole and goes on
# past it unless a sentence starter ("The", "It") follows; the next word must be plain letters
# followed by a space or a mark, so that it is the token syntok reads.
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_DOTTED_NEXT = re.compile(r"[ \t\r\n\u00a0]+([A-Z][A-Za-z]*)(?=[ \t\r\n\u00a0,;:.!?]|$)")


def _dotted_goes_on(text: str, at: int, floor: int, limit: int) -> bool:
    """Whether the mark at `at` is a full stop after a dotted token ("the U.S. President")
    that syntok does not split at: the next word is capitalised but starts no sentence."""
    if text[at] != ".":
        return False
    begin = at
    while begin > floor and (
        text[begin - 1] == "." or (text[begin - 1].isascii() and text[begin - 1].isalpha())
    ):
        begin -= 1
    if begin > floor and text[begin - 1] not in " \t\r\n\u00a0":  # a space syntok splits at
        return False
    after = _DOTTED_NEXT.match(text, at + 1, limit)
    return (
        after is not None
        and after.group(1) not in State.starters
        and _DOTTED.fullmatch(text, begin, at) is not None
    )


_OPENING = State.opening_brackets
_SKIPPED_CHARS = 50  # syntok looks no further than 50 tokens for the closing bracket
# A sentence's first two tokens before the bracket: no mark, at least two runs of non-space.
_TWO_TOKENS = re.compile(r"\S+\s+\S")


def _skipped_bracket(text: str, at: int, start: int, limit: int) -> int | None:
    """Where the bracket opened at `at` closes, if syntok skips it whole and goes on as if it
    were not there; else None.

    syntok skips a bracket that follows a word inside a sentence (past its first two tokens:
    a bracket there can end the sentence), closes within 50 tokens and holds no sentence. Held
    here to: no mark inside (so no nesting and no sentence), at most 50 characters, no mark in
    the sentence before it but other skipped brackets (a harmless dot keeps syntok on the
    sentence's first token), and a word, not a mark, after it.
    """
    if not _TWO_TOKENS.search(text, start, at):
        return None
    for earlier in _MARKS.finditer(text, start, at):
        if earlier.group() not in _BRACKETS:
            return None
    inside = _MARKS.search(text, at + 1, min(limit, at + _SKIPPED_CHARS))
    if inside is None or inside.group() not in State.closing_brackets:
        return None
    close = inside.start()
    if not (text[at + 1].isalnum() and text[close - 1].isalnum()):
        return None  # both brackets are tokens of their own, not "(“" or "...)" (see _counted)
    nxt = close + 1
    while nxt < limit and text[nxt] in _WHITESPACE:
        nxt += 1
    if nxt >= limit or _MARKS.match(text, nxt):
        return None
    return close


def _cut_and_split(text: str, piece: Span) -> list[Span]:
    """syntok's sentences for a piece, cut first at its unambiguous ends outside brackets.

    syntok always splits there and starts afresh after a split, so each part is split alone:
    without syntok when `fast_split` can, by syntok on that part only otherwise. An end inside a
    bracket is not cut: syntok may skip bracketed text past a boundary. Brackets are counted as
    syntok counts them (any closing bracket closes the last opened), so an end after every
    bracket opened since the last cut has closed is outside them all (a closing bracket syntok
    does not see as one closes nothing).
    """
    spans: list[Span] = []
    start = piece.start
    depth = 0
    for mark in _MARKS.finditer(text, piece.start, piece.end):
        char = mark.group()
        if char in _OPENING:
            depth += 1
            continue
        if char in _BRACKETS:
            if _counted(text, mark.start(), piece):
                depth = max(0, depth - 1)
            continue
        cut = None if depth else _fast_end(text, mark.start(), start, piece.end)
        if cut is not None:
            spans += _split_part(text, Span(start, cut[0]))
            start = cut[1]
    return spans + _split_part(text, Span(start, piece.end))


def _counted(text: str, at: int, piece: Span) -> bool:
    """Whether syntok sees the bracket at `at` as a token of its own: its tokenizer keeps a run
    of non-space characters with no letter or digit whole ("...)" is one token)."""
    start, end = at, at + 1
    while start > piece.start and not _CHUNK_END.match(text, start - 1):
        start -= 1
    while end < piece.end and not _CHUNK_END.match(text, end):
        end += 1
    return any(c.isalnum() for c in text[start:end])


_CHUNK_END = re.compile(r"[\s\u200b]")  # where syntok's tokenizer splits runs of characters


def _split_part(text: str, part: Span) -> list[Span]:
    """One part's sentences: `fast_split`'s if it claims the part, else syntok's."""
    fast = fast_split(text, part)
    return fast if fast is not None else syntok_sentences(text, part)


def _word_start(text: str, at: int, floor: int) -> int:
    """Where the run of ASCII letters and digits ending at `at` starts (not before `floor`)."""
    i = at
    while i > floor and text[i - 1].isascii() and text[i - 1].isalnum():
        i -= 1
    return i


def _segment(text: str, start: int, end: int) -> list[Span]:
    piece = _trim(text, start, end)
    if piece is None:
        return []
    if not _POSSIBLE_END.search(text, piece.start, piece.end):
        return [s for s in [_strip_bullet(text, piece.start, piece.end)] if s]
    return _cut_and_split(text, piece)


def syntok_sentences(text: str, para: Span) -> list[Span]:
    """syntok's sentences for a span of text, in raw-text offsets."""
    chunk = text[para.start : para.end]
    spans = []
    for sentence in segmenter.split(_TOKENIZER.tokenize(chunk)):
        if not sentence:
            continue
        first, last = sentence[0], sentence[-1]
        span = _strip_bullet(
            text, para.start + first.offset, para.start + last.offset + len(last.value)
        )
        if span:
            spans.append(span)
    return spans


def _strip_bullet(text: str, start: int, end: int) -> Span | None:
    bullet = _BULLET.match(text, start, end)
    return _trim(text, bullet.end() if bullet else start, end)
