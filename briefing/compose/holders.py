"""Who holds an office or issued a document that a page names only by its title: "the Vice
Minister said" after "Vice Foreign Minister Đỗ Hùng Việt", "the Chair said" after a list of those
present, "the statement read" after "the ministry issued a statement"."""

from __future__ import annotations

import re

from briefing.compose import regexes
from briefing.compose.names import CAP, NAME, TITLES, clean_name
from briefing.compose.reporting import ROLES, last_document

# "The ministry issued a statement on Monday. ... the statement read": the statement's issuer.
_ISSUER = regexes.lazy(
    rf"(?<![\w’'])(?P<issuer>(?:[Tt]he\s+)?(?:{NAME}\s+(?:[a-z][\w’'-]*\s+){{0,2}}{ROLES}"
    rf"|(?:[a-z][\w’'-]*\s+){{0,2}}{ROLES}|{NAME}))\s+(?:(?:also|later|then|jointly)\s+)?"
    r"(?:issued|released|published|put\s+out|posted|sent|signed)\s+(?:a|an|its|their)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?P<doc>statement|letter|declaration|communiqu[ée]|notice|post"
    r"|message)s?\b"
)
DOCUMENTS = frozenset(
    "statement letter declaration communiqué communique notice post message".split()
)


def issuer(noun: str, before: str) -> str | None:
    """ "the statement" of a body that issued one just before, as "the ministry (statement)"."""
    last = None
    for match in _ISSUER.finditer(before):
        if match.group("doc").lower() == noun:
            last = match
    if last is None:
        return last_document(before) if noun in ("statement", "declaration") else None
    name = clean_name(last.group("issuer"))
    if name is None:
        return None
    name = "the" + name[3:] if name.startswith("The ") else name
    return f"{name} ({noun})"


# "The Vice Minister said": the article, then an office's capitalised words.
THE_OFFICE = regexes.lazy(rf"[Tt]he\s+(?P<office>(?:{CAP}\s+){{0,3}}{CAP})")


def office_holder(office: str, earlier: str) -> str | None:
    """The one person `earlier` names with an office's first and last words before their name
    ("Vice Foreign Minister Đỗ Hùng Việt" for "the Vice Minister"), else None."""
    words = office.split()
    if words[-1].rstrip(".").lower() not in OFFICE_NOUNS:
        return None
    first, last = re.escape(words[0]), re.escape(words[-1])
    between = "" if len(words) == 1 else rf"(?:{CAP}\s+){{0,3}}?{last}\s+"
    # a list of those present: "Capt. Eleanor Whitfield, USN (Naval Oceanographic Office), Chair;"
    listed = {
        clean_name(m.group(1))
        for m in re.finditer(
            regexes.cheap(
                rf"((?:{TITLES}\.?\s+)*{CAP}(?:[ \t]+{CAP}){{1,3}})(?:,[ \t]*[A-Z]{{2,5}})?"
                rf"(?:[ \t]*\([^()\n]{{1,80}}\))?,[ \t]*{re.escape(office)}\b"
            ),
            earlier,
        )
    }
    listed.discard(None)
    if len(listed) == 1:
        return listed.pop()
    holders = {
        clean_name(m.group(1))
        for m in re.finditer(
            regexes.cheap(
                rf"\b{first}\s+{between}((?:{CAP}\s+){{1,3}}{CAP})(?=[\s,.;:’']|$)"
                if between
                else rf"\b{first}\s+((?:{CAP}\s+){{1,3}}{CAP})(?=[\s,.;:’']|$)"
            ),
            earlier,
        )
    }
    holders.discard(None)
    return holders.pop() if len(holders) == 1 else None


OFFICE_NOUNS = frozenset(
    """minister secretary ambassador president governor senator chairman chairwoman chair
    director general admiral commander spokesperson spokesman spokeswoman envoy consul
    premier chancellor mayor representative rapporteur judge""".split()
)
