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


# Words that say nothing of what a passage is about. A free search's unquoted ones are left
# out of its required words when it asks for anything else, as search engines do: "the
# Vietnam" is "Vietnam" (requiring "the" too dropped every window without it, and cost the
# intersection of two lists of millions of windows). Quoted, they stay ("of the people").
# Only words with no other reading when folded to lower case: "us" (the US), "it" (IT),
# "who" (WHO) and "no" ("four nos") are not among them.
STOPWORDS = frozenset(
    """a an and are as at be been but by for from had has have in into is of on or so than that
    the their them then there these they this those to was were which while with""".split()
)


def search_match(text: str) -> Match | None:
    """Free search: quoted parts are phrases, other words are all required, but for words
    that say nothing of a topic (STOPWORDS) where anything else is asked for."""
    parts = re.findall(r'"([^"]+)"|(\S+)', text)
    found = [(p, bool(quoted)) for quoted, word in parts if (p := phrase(quoted or word))]
    telling = [p for p, quoted in found if quoted or not STOPWORDS.issuperset(p)]
    wanted = tuple(telling or (p for p, _quoted in found))
    return Match(all=wanted) if wanted else None


def search_terms(match: Match) -> tuple[str, ...]:
    """The words a free search looks for, in order, as its hits report them."""
    return tuple(word for words in match.all for word in words)
