"""Who is speaking in an excerpt: reported speech in and around it.

A news page quotes people ("X said", "said X", "X told Reuters", "according to X"), reports
joint statements, and interviews run as Q and A. A deck must credit the words to whoever said
them, "quoted in" the source that reports them, not to the reporter. Everything here is a
conservative reading of the text: when no speaker is clear, the answer is None and the excerpt
is credited to its source as before.
"""

from __future__ import annotations

import re

_TITLES = (
    r"(?:(?:Sen|Rep|Gov|Gen|Lt|Col|Adm|Amb|Prof|Mr|Mrs|Ms|Dr|St|Sgt|Capt|Maj|Cmdr|Pres|Sec)\.?"
    r"|President|Prime Minister|General Secretary|Secretary|Minister|Ambassador|Senator"
    r"|Governor|Deputy|Chairman|Chairwoman|Professor)"
)
_CAP = r"[A-Z][\w'’.-]*"
# A proper name or a named body: "Tran Nam Tien", "Amb. Marc Knapper", "The United States",
# "Vietnam's Ministry of Planning and Investment".
_NAME = rf"(?:{_TITLES}\s+)*{_CAP}(?:\s+(?:(?:of|and|for|the|de|van|von|bin)\s+)?{_CAP}){{0,6}}"
_VERBS = (
    r"(?:said|says|told|tells|added|adds|argued|argues|noted|notes|warned|warns|stressed"
    r"|wrote|writes|explained|insisted|acknowledged|announced|declared|recalled|urged|asked"
    r"|stated|pledged|promised|vowed|committed)"
)
# A descriptive speaker: "a Western diplomat involved in the talks", "the two leaders".
_ROLES = (
    r"(?:diplomat|official|officials|spokesperson|spokesman|spokeswoman|analyst|analysts"
    r"|expert|experts|minister|ambassador|lecturer|researcher|economist|leaders?|source|sources"
    r"|executive|adviser|advisor|engineer|farmer|resident|villager|worker|veteran|officer"
    r"|ministry|government|statement|observers?|critics)"
)
_APPOSITIVE = r"(?:,\s*[^,;:\"“”]{1,140},)?"
_SUBJECT_VERB = re.compile(rf"(?<![\w’'])(?P<name>{_NAME}){_APPOSITIVE}\s+(?:has\s+)?{_VERBS}\b")
_ROLE_VERB = re.compile(
    rf"\b(?P<name>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w’'-]+\s+){{0,3}}{_ROLES}"
    rf"(?:\s+(?:at|of|in|for|with|from|involved|close|familiar)\s+(?:[\w’'-]+\s+){{0,6}}?)?)"
    rf"{_APPOSITIVE}\s*(?:has\s+)?{_VERBS}\b"
)
_VERB_NAME = re.compile(rf"[,”\"]\s*{_VERBS}\s+(?P<name>{_NAME})")
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?P<name>{_NAME}|(?:an?|the)\s+[^,.;]{{3,80}}?)(?=[,.;])"
)
_PRONOUN_VERB = re.compile(
    rf"(?:^|[,”\"]\s*)(?:he|she|He|She)\s+{_VERBS}\b|{_VERBS}\s+(?:he|she)\b"
)
_DOCUMENT = re.compile(r"\b(joint statement|joint declaration|communiqu[ée])\b", re.I)
_OPENING_QUOTE = re.compile(r"^\s*[\"“‘]")
_INTERVIEW_ANSWER = re.compile(r"^\s*(?:\*\*)?A[:.](?:\*\*)?\s")
_INTERVIEWEE = re.compile(
    rf"\b(?:spoke|speaking|talked|talking) (?:with|to) (?P<name>{_NAME})"
    rf"|\binterview with (?P<name2>{_NAME})"
)
# Not speakers: sentence-initial words that happen to be capitalised before a verb.
_NOT_NAMES = frozenset(
    """It He She They We I You This That These Those There Here In On At As But And Yet
    So Also When While After Before If Although Though Because Since Asked""".split()
)


def _clean(name: str) -> str | None:
    name = " ".join(name.split()).strip(" ,")
    first = name.split()[0] if name else ""
    if not name or name in _NOT_NAMES or first in _NOT_NAMES:
        return None
    return name


def _with_document(name: str, clause: str) -> str:
    """ "The United States" said "in its joint statement": credit the statement too."""
    doc = _DOCUMENT.search(clause)
    if doc and doc.group(1).lower() not in name.lower():
        return f"{name} ({doc.group(1).lower()})"
    return name


# "if Vietnam says no", "unless Hanoi said so": a hypothetical, not reported speech.
_HYPOTHETICAL = re.compile(r"\b(?:if|when|unless|whether|until|once|should)\s+$", re.I)
_NOT_SPEECH = re.compile(r"\s+(?:no|yes|so|goodbye)\b")


def named_in(text: str) -> str | None:
    """The speaker named in a stretch of text, or None: the first clear attribution."""
    found: list[tuple[int, str, int]] = []
    for pattern in (_SUBJECT_VERB, _ROLE_VERB, _VERB_NAME, _ACCORDING):
        for match in pattern.finditer(text):
            if _HYPOTHETICAL.search(text, max(0, match.start() - 10), match.start()):
                continue
            if _NOT_SPEECH.match(text, match.end()):
                continue
            name = _clean(match.group("name"))
            if name:
                found.append((match.start(), name, match.end()))
                break
    if not found:
        return None
    start, name, end = min(found)
    before = text[max(0, start - 40) : end + 60]
    return _with_document(name, before)


def _last_named(text: str) -> str | None:
    """The last person named as a speaker in `text` (for "he said" after it)."""
    last = None
    for pattern in (_SUBJECT_VERB, _VERB_NAME):
        for match in pattern.finditer(text):
            name = _clean(match.group("name"))
            if name and (last is None or match.start() > last[0]):
                last = (match.start(), name)
    return last[1] if last else None


def speaker(text: str, start: int, end: int, para_start: int, para_end: int) -> str | None:
    """Who speaks in `text[start:end]` (a whole document's text, the excerpt's span and its
    paragraph's), or None when the excerpt is the source's own voice or nobody is clear."""
    excerpt = text[start:end]
    before = text[max(0, start - 3000) : start]
    if _PRONOUN_VERB.search(excerpt) and not named_in(excerpt):
        return _last_named(before)
    name = named_in(excerpt)
    if name:
        return name
    paragraph = text[para_start:para_end]
    if _INTERVIEW_ANSWER.match(paragraph):
        intro = _INTERVIEWEE.search(text[: min(len(text), 5000)])
        if intro:
            return _clean(intro.group("name") or intro.group("name2"))
        return None
    if not _OPENING_QUOTE.match(excerpt):
        return None
    # A quotation with no attribution of its own: the rest of its paragraph, then before it.
    after = text[end:para_end]
    if _PRONOUN_VERB.search(after[:80]):
        return _last_named(before)
    name = named_in(after[:200])
    if name:
        return name
    return _last_named(before[-1500:])
