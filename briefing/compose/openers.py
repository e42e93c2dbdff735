"""Does a passage open on something the slide does not say? ("The deal was hailed...", "He...")

Windows that open on a pronoun are flagged when the index is built; this catches what needs
the words after it: a definite reference to something named earlier ("The deal was hailed",
"The team belongs to"), as opposed to a noun phrase that names its own referent ("The
partnership, agreed in 2022, ...", "The deal signed last year ...").
"""

from __future__ import annotations

import re

from briefing.compose import regexes

ANAPHORIC_NOUNS = frozenset(
    """deal document documents agreement agreements strategy plan move visit trip decision
    statement report letter memo policy programme program project projects proposal initiative
    effort efforts work team group company firm official officials minister lecturer analyst
    researcher expert ministry standoff shortages buildup sequence lesson metaphor issue question
    goal money approach case change gap numbers measure law bill talks meeting event incident
    site mission partnership upgrade agency vessel ship ships shift concern idea country region
    framework relationship list latter former""".split()
)
_FINITE = frozenset(
    """is was are were has have had will would could can may might must should shall also did
    does do came comes come said says showed shows adds added remains remained seems seemed
    appears appeared became becomes gave gives took takes made makes still only never already
    belongs belonged""".split()
)
_FUNCTION_S = frozenset("as its his this thus across towards plus whereas unless".split())
_LEAD = regexes.compile(r"^[\s\"“”‘’'*_#>•(\[-]+")
_WORDS = regexes.compile(r"[A-Za-z][A-Za-z'’-]*|[,;:]")
_DATELINE = regexes.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"  # HANOI / HO CHI MINH CITY
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?"  # , Vietnam / , Aug 22
    r"(?:,\s*\d{4})?\s*"
    r"(?:\((?:Reuters|AP|AFP|Bloomberg|Xinhua|dpa|Kyodo|VNA|UPI|Yonhap)\)\s*)?"
    r"[-–—]{1,2}\s+)"
)


def definite_reference(text: str) -> str | None:
    """ "The deal" when the passage opens "The deal was hailed ..."; None otherwise."""
    words = _WORDS.findall(_LEAD.sub("", text))[:3]
    if len(words) < 3 or words[0] != "The":
        return None
    noun, after = words[1].lower(), words[2]
    if noun not in ANAPHORIC_NOUNS:
        return None
    low = after.lower()
    if low in _FINITE or (
        after.islower() and re.fullmatch(r"[a-z]+(?:s|ed)", after) and low not in _FUNCTION_S
    ):
        return f"The {words[1]}"
    return None


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the words begin after a dateline at `start` ("HANOI, Aug 22 (Reuters) - "), or
    `start` when there is none. Only all-capital place names count, so a sentence that opens
    with a name and a dash is left alone."""
    match = _DATELINE.match(text, start, end)
    if not match or not re.search(r"[A-Z]{3}", match.group()):
        return start
    if "(" not in match.group() and "," not in match.group():
        return start  # "NATO - the alliance": a dateline has a wire, a date or a country
    return match.end()


# Openers that point back at something the passage does not name.
_REFERRING = frozenset(
    "it its this that these those he she him his her they them their such here there".split()
)
_FIRST = regexes.compile(r"[\"“‘']?([A-Za-z]+)")


def connective_only(text: str) -> bool:
    """True when a passage opens on a connective ("Meanwhile, the Vietnamese took steps...",
    "Yet the move..."): it leans on what came before, but names what it talks about, unlike
    a pronoun ("He advocated...")."""
    first = _FIRST.match(_LEAD.sub("", text))
    return bool(first) and first.group(1).lower() not in _REFERRING


# The publication talking about itself rather than the topic: an interview's introduction,
# an editor's note. Quotable only when nothing else says the same.
_META = regexes.compile(
    r"\b(?:we (?:spoke|talked|sat down|caught up) (?:with|to)|this interview|interviewed by"
    r"|edited for (?:length|clarity)|in (?:this|our) (?:interview|conversation|podcast|episode)"
    r"|read (?:more|the full)|click here|sign up"
    r"|(?:spoke|talked|sat down) (?:with|to) us|(?:joins|joined) us"
    r"|the following (?:interview|conversation|exchange))\b"
    # "We asked Dr. X, who ..., what ...", "we interviewed X": the outlet, then a named person
    r"|\b[Ww]e (?:asked|interviewed|met|invited) "
    r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Gen|Amb)\.\s+)?(?-i:[A-Z])",
    re.IGNORECASE,
)


def editorial(text: str) -> bool:
    """True for a passage about the publication itself ("We spoke with Dr. X about ...")."""
    return _META.search(text) is not None
