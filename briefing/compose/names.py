"""Names as reported speech writes them: titles, proper names and named bodies, shared by the
speaker and interview readers."""

from __future__ import annotations

import re

TITLES = (
    r"(?:(?:Sen|Rep|Gov|Gen|Lt|Col|Adm|Amb|Prof|Mr|Mrs|Ms|Dr|St|Sgt|Capt|Maj|Cmdr|Pres|Sec)\.?"
    r"|President|Prime Minister|General Secretary|Secretary|Minister|Ambassador|Senator"
    r"|Governor|Deputy|Chairman|Chairwoman|Professor|Colonel|Lieutenant|Captain|Admiral"
    r"|Commander|Sergeant|Brigadier|Senior Colonel|Senior Lieutenant)"
)
# A capital: A to Z or any letter past ASCII but Latin-1's lower case ("Đỗ", "Ông", "É"); a
# class of every capital would cost each pattern that repeats it milliseconds to compile.
CAP = r"[^\W\d_a-zß-ÿ][\w'’.-]*"
# A proper name or a named body: "Tran Nam Tien", "Amb. Marc Knapper", "The United States",
# "Vietnam's Ministry of Planning and Investment".
NAME = rf"(?:{TITLES}\s+)*{CAP}(?:\s+(?:(?:of|and|for|the|de|van|von|bin)\s+)?{CAP}){{0,6}}"
APPOSITIVE = r"(?:,\s*[^,;:\"“”]{1,140},)?"
# Not speakers: sentence-initial words that happen to be capitalised before a verb.
_NOT_NAMES = frozenset(
    """It He She They We I You This That These Those There Here In On At As But And Yet
    So Also When While After Before If Although Though Because Since Asked During Under
    Despite Amid Following However Meanwhile Still Over Through With Without For From By
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)


# Words that end a name with their own full stop: "Martin Cole Jr.", "Hoa Phat Co."
_NAME_ABBREVIATIONS = frozenset("Jr Sr Inc Ltd Corp Co Bros Esq Plc".split())


# "Spratlys. He": a sentence's last word and its stop are no part of a name after it (a title's
# stop, "Gen. Hai", and an initial's, "U.S.", are).
SENTENCE_END = re.compile(rf"\b(?!{TITLES}\.)\w{{3,}}\.\s+")


def clean_name(name: str) -> str | None:
    """The name with its spacing tidied, or None when it is a sentence word, not a name."""
    name = " ".join(SENTENCE_END.split(" ".join(name.split()))[-1].split()).strip(" ,")
    first = name.split()[0] if name else ""
    if not name or name in _NOT_NAMES or first in _NOT_NAMES:
        return None
    return _without_full_stop(name)


def _without_full_stop(name: str) -> str:
    """ "said Sen. Welch." ends the sentence, not the name: drop that stop, but keep an
    initial's, an acronym's ("U.S.") and a name-final abbreviation's ("Jr.")."""
    last = name.rsplit(" ", 1)[-1]
    if not last.endswith(".") or len(last) <= 2 or "." in last[:-1]:
        return name
    if last[:-1] in _NAME_ABBREVIATIONS or re.fullmatch(TITLES + r"\.", last):
        return name
    return name[:-1]
