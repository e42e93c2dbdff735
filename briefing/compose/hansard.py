"""Parliamentary records (Hansard): the mixed-case turn labels of question times and debates,
"1. Jane Roe (Bristol North) (Lab):", "The Prime Minister (Sir Keir Starmer):", "Mr Doe:", and
the name each label credits ("Mr Doe" after "(Mr John Doe)" is John Doe)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.compose import regexes
from briefing.compose.names import TITLES

# Honorifics as parliaments print them, with or without a full stop ("Mr", "Mr.", "Rt Hon").
_HONORIFIC = (
    r"(?:(?:Rt|Right)\.?\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Viscount"
    r"|Earl|Hon|Prof|Professor|Madam|Shri|Smt|Senator)\.?"
)
_TITLE = rf"(?P<title>{_HONORIFIC}(?:\s+{_HONORIFIC}){{0,2}})"
# A name word as written: "McDonald", "Pryce-Adeyemi", "Mélanie", an initial "S.", and the
# lower-case particles of some names ("de", "van", "bin").
_WORD = r"(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ][\w'’-]*)"
_PARTICLE = r"(?:(?:de|van|von|der|bin|binti|al|da|du|la|le)\s+)?"
_NAME = rf"(?P<name>{_WORD}(?:\s+{_PARTICLE}{_WORD}){{0,3}})"
# A constituency, party or portfolio in brackets; never a digit, so "Nguyen Van Tran (2019):"
# in a reference list and "(14:05)" are not this.
_BRACKET = r"\s*\([^()\n\d]{2,80}\)"
# The turn goes on the label's line, or on the next (written answers: "The Minister of State
# for Asia (Jane Roe):" on a line of its own, the answer under it).
_END = r"\s*:(?:[ \t]+(?=\S)|[ \t]*\n[ \t]*(?=[^\s(]))"
_START = r"(?m)^[ \t]*"

# New Zealand's "1. Hon TAMA WIREMU (Te Tai Tonga) to the Prime Minister:".
_TO = r"\s+to\s+the\s+[A-Z][^()\n:\d]{2,80}"
_NUMBERED = regexes.lazy(
    rf"{_START}[TQ]?\d{{1,3}}\.\s+(?:\[\d+\]\s+)?(?:{_TITLE}\s+)?{_NAME}"
    rf"(?:(?:{_BRACKET}){{1,2}}(?:{_TO})?|{_TO}){_END}"
)
# "The Minister for the Indo-Pacific (Mr John Doe):"; India prints it upper case.
_OFFICE = (
    r"(?i:minister|secretary|speaker|leader|chancellor|general|treasurer|whip|chair\w*"
    r"|president|paymaster|seal|comptroller|advocate|solicitor|attorney|commissioner)"
)
_ROLE = regexes.lazy(
    rf"{_START}(?P<role>(?i:the)\s+[^()\n:]{{0,200}}?\b{_OFFICE}\b[^()\n:\d]{{0,200}}?)"
    rf"\s*\((?:(?P<title>(?i:{_HONORIFIC}(?:\s+{_HONORIFIC}){{0,2}}))\s+)?{_NAME}\){_END}"
)
_HONOURED = regexes.lazy(rf"{_START}{_TITLE}\s+{_NAME}(?:{_BRACKET}){{0,2}}{_END}")
# A member without an honorific or a question number: "Jane Roe (Bath) (LD):", a name of two
# words or more, the seat, then a party's short name.
_PARTY = r"\s*\([A-Z][\w/-]{1,11}(?:\s[A-Z][\w/-]{1,11})?\)"
_MEMBER = regexes.lazy(rf"{_START}{_NAME}{_BRACKET}{_PARTY}{_END}")
# A presiding officer: "The Speaker:", "The DEPUTY SPEAKER:", "The President:".
_PRESIDING = regexes.lazy(
    rf"{_START}(?P<role>(?i:the\s+(?:deputy\s+)?(?:speaker|president|chair(?:man|woman|person)?"
    rf"|presiding\s+officer))){_END}"
)
# Weaker labels, read only when a stronger label names them: "Jane Roe:", "The Prime Minister:".
_BARE = regexes.lazy(rf"{_START}(?P<bare>[A-Z][^()\n:\d]{{2,200}}?){_END}")
# An office's lower-case words: "Minister for the Indo-Pacific", not "The minister said a".
_ROLE_WORDS = frozenset("of for the and to in on with at".split())
_LINE = regexes.lazy(r"\n(?=[ \t]*[^\n:]{2,400}+:[ \t]*(?:\S|\n[ \t]*\S))")  # a fast scan
_SHOUTED = regexes.lazy(r"[A-Z]{2}")
_OFFICES = frozenset({"Speaker", "Deputy Speaker", "Chair", "Chairman", "Chairwoman"})
# Styles that are part of how a person is named, unlike a courtesy ("Mr", "Dr", "Rt Hon"):
# "Sir Keir Starmer" is credited as such.
_STYLES = frozenset("Sir Dame Lord Lady Baroness Baron Viscount Earl".split())
# Lines that end a turn without starting one: Australia's "Mr Dutton interjecting—", and a
# topic heading ("Vietnam: Trade Negotiations", "Deferred Division"), a paragraph of one short
# line in title case that no sentence's stop ends (between blank lines).
_INTERJECTING = regexes.lazy(r"(?m)^[ \t]*[A-Z][^\n]{0,120}?\binterjecting\s*[—–-]*[ \t]*$")
_HEADING_END = regexes.lazy(r"[.!?…:;,\"”’)\]]$")
_SMALL_WORD = regexes.lazy(
    r"(?<![\w’'-])[a-z][\w’'-]{3,}"
)  # a lower-case word of four letters or more


@dataclass(frozen=True)
class Turn:
    """One labelled turn: where its label starts, the name it credits and that name's key."""

    start: int
    credit: str
    key: str
    # A label no heading could be: an office with its holder in brackets, a member with seat
    # and party, a numbered question, a timestamped turn. Two of them make a transcript.
    strong: bool = False


def _upper_readers(title: str, name: str) -> bool:
    """ "Mr ALBANESE", "Mr McCORMACK": the upper-case reader's label ("Hon TAMA WIREMU" is not:
    that reader knows no "Hon")."""
    return bool(_SHOUTED.search(name)) and re.fullmatch(rf"(?i:{TITLES})\.?", title) is not None


def ordinary_case(word: str) -> str:
    """ "HOLLOWAY" -> "Holloway", "McCORMACK" -> "McCormack"; an initial stays "J."."""
    if len(word) <= 2 and word.endswith("."):
        return word
    prefix = word[:3] if word.startswith("Mac") else word[:2] if word.startswith("Mc") else ""
    return prefix + word[len(prefix) :].title()


def _plain(title: str, name: str) -> tuple[str, str]:
    """The honorific and name as written, an upper-case name ("DR. S. JAISHANKAR") in
    ordinary case."""
    if _SHOUTED.search(name):
        name = " ".join(ordinary_case(w) if _SHOUTED.search(w) else w for w in name.split())
        title = title.title() if title.isupper() else title
    return " ".join(title.split()), name


def turns(text: str, begin: int, end: int) -> list[Turn]:
    """The mixed-case turn labels in `text[begin:end]`, each credited in full where a stronger
    label in the same stretch gives the full name."""
    # Only a line with a colon and its turn after it can hold a label: one scan finds them,
    # and each pattern is tried there alone (a long report has few).
    lines = [0] if begin == 0 else []
    lines += [m.end() for m in _LINE.finditer(text, begin, end)]
    labels: dict[int, tuple[str, str]] = {}  # label start -> (honorific, name)
    roles: dict[str, tuple[str, str]] = {}
    strong: set[int] = set()
    for at in lines:
        for pattern in (_NUMBERED, _HONOURED, _ROLE, _MEMBER):
            m = pattern.match(text, at, end)
            if m is None or (pattern is _ROLE and not _is_office(m.group("role"))):
                continue
            if pattern is _HONOURED and _upper_readers(m.group("title"), m.group("name")):
                continue
            if pattern is _MEMBER and len(m.group("name").split()) < 2:
                continue
            labels[at] = _plain(m.groupdict().get("title") or "", m.group("name"))
            if pattern is not _HONOURED:
                strong.add(at)
            if pattern is _ROLE:
                roles[" ".join(m.group("role").split()).lower()] = labels[at]
            break
        if at not in labels and (m := _PRESIDING.match(text, at, end)):
            labels[at] = ("", m.group("role").title())
    full = {name for _, name in labels.values() if len(name.split()) >= 2}
    for at in lines if labels else ():
        if at in labels or (m := _BARE.match(text, at, end)) is None:
            continue
        bare = " ".join(m.group("bare").split())
        if bare in full:
            labels[at] = ("", bare)
        elif bare.lower() in roles:
            labels[at] = roles[bare.lower()]
    credits = {label: _credit(*label, full) for label in set(labels.values())}
    return [
        Turn(at, credits[labels[at]], credits[labels[at]].split()[-1].lower(), at in strong)
        for at in sorted(labels)
    ]


def breaks(text: str, begin: int, end: int) -> list[int]:
    """Where a line in `text[begin:end]` ends the turn before it without starting one: an
    interjection noted ("Mr Dutton interjecting—") or a topic heading."""
    found = []
    if "interjecting" in text[begin:end]:
        found += [m.start() for m in _INTERJECTING.finditer(text, begin, end)]
    at = text.find("\n\n", max(0, begin - 2), end)
    while at >= 0:  # each paragraph's first line: a heading is a paragraph of one short line
        start = at + 2
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        if stop - start > 160:  # a paragraph of prose, the common case: no heading
            at = text.find("\n\n", stop, end)
            continue
        line = text[start:stop].strip()
        after = text[stop : stop + 2]
        if (
            (line[:1].isupper() or line[:1].isdigit())
            and (after == "\n\n" or not after.strip())
            and len(line.split()) <= 12
            and not _HEADING_END.search(line)
            and not _SMALL_WORD.search(line)
        ):
            found.append(start + len(text[start:stop]) - len(text[start:stop].lstrip()))
        at = text.find("\n\n", stop, end)
    return sorted(found)


def _is_office(role: str) -> bool:
    """ "The Secretary of State for Foreign, Commonwealth and Development Affairs" is an
    office; "The minister said the plan" is a sentence."""
    words = role.replace(",", " ").split()[1:]
    return all(w[0].isupper() or w in _ROLE_WORDS for w in words)


def _credit(title: str, name: str, full: set[str]) -> str:
    """A turn's speaker: the full name when known, else honorific and surname."""
    words = name.split()
    if len(words) == 1:
        fuller = {f for f in full if f.split()[-1] == name}
        if len(fuller) == 1:  # two members sharing a surname: keep "Ms Eagle" as printed
            name, words = fuller.pop(), []
    # "Mr Doe" and "Madam Deputy Speaker" keep their honorific; a full name needs none, but
    # keeps a style that is part of it ("Sir Keir Starmer", not "Keir Starmer").
    if title and (len(words) == 1 or name in _OFFICES):
        return f"{title} {name}"
    style = [w for w in title.replace(".", " ").split() if w in _STYLES]
    return " ".join([*style, name])
