"""Build full-text queries from theme keywords and search text.

A query is data (`Match`: lists of phrases), never a string the engine parses: every term
becomes a phrase of its word tokens, so punctuation in a keyword ("U.S.", "four no's",
"CHIPS and Science Act") can never break it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.sources.fulltext import Match

_TOKEN = re.compile(r"\w+", re.UNICODE)

# Porter stems British and American spellings apart ("defence" vs "defense"); match both.
_SPELLINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(def|off|lic|pret)ence"), r"\1ense"),
    (re.compile(r"\b(def|off|pret)ense"), r"\1ence"),
    (re.compile(r"(?<=\w\w\w)is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(?<=\w\w\w)iz(e|ed|es|ing|ation|ations)\b"), r"is\1"),
    (re.compile(r"\b(lab|fav|hon|neighb|behavi|harb|col|rum|vig)our"), r"\1or"),
    (re.compile(r"\b(lab|fav|hon|neighb|behavi|harb|col|rum|vig)or(?=\w*\b)"), r"\1our"),
    (re.compile(r"\b(cent|theat|met|fib)re\b"), r"\1er"),
    (re.compile(r"\bprogramme"), "program"),
]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (the full-text index splits, folds and stems them further)."""
    return [t.lower() for t in _TOKEN.findall(text)]


def concept(term: str) -> str:
    """A crude stem of a whole term, so "four no's", "Four Nos" and "four-no" count as one."""
    words = [w for w in tokens(term) if w != "s"]
    stems = [
        w[:-1] if len(w) >= 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    ]
    return " ".join(stems) if len(words) > 1 else (stems[0] if stems else "")


def spelling_variants(term: str) -> list[str]:
    """The term plus its other-English spellings, first the term itself, no duplicates."""
    lowered = term.lower()
    found = [lowered]
    for pattern, replacement in _SPELLINGS:
        variant = pattern.sub(replacement, lowered)
        if variant not in found:
            found.append(variant)
    return found


def phrase(term: str) -> tuple[str, ...] | None:
    """One term as a phrase: `("four", "no", "s")`; None if it holds no word at all."""
    words = tokens(term)
    return tuple(words) if words else None


def phrases(terms: list[str]) -> tuple[tuple[str, ...], ...]:
    """Every term and its spelling variants as phrases, no duplicates."""
    return _phrases(tuple(terms))


@lru_cache(maxsize=1024)  # planning, searching and weighing a theme ask for the same ones
def _phrases(terms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    found: list[tuple[str, ...]] = []
    for term in terms:
        for variant in spelling_variants(term):
            p = phrase(variant)
            if p and p not in found:
                found.append(p)
    return tuple(found)


def any_of(terms: list[str]) -> Match | None:
    """Any of the terms or their spelling variants."""
    found = phrases(terms)
    return Match(any=found) if found else None


def theme_match(keywords: list[str], exclude: list[str]) -> Match | None:
    """The query for a theme: any keyword, none of the exclusions."""
    wanted = phrases(keywords)
    return Match(any=wanted, none=phrases(exclude)) if wanted else None


def search_match(text: str) -> Match | None:
    """Free search: quoted parts are phrases, other words are all required."""
    parts = re.findall(r'"([^"]+)"|(\S+)', text)
    found = tuple(p for quoted, word in parts if (p := phrase(quoted or word)))
    return Match(all=found) if found else None
