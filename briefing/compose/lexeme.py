"""Check keyword matches at the level of the lexeme, after FTS5 has found the candidates.

FTS5's Porter stemmer is good for recall but too eager for evidence: "normally" and
"normalisation" share the stem "normal", "integration" and "integrity" come close. Here a keyword
matches a run of words only when every word has the same lemma (simplemma, English) after
British and American spellings are folded together: "semiconductors" is "semiconductor",
"normalised" is "normalise", but "normally" is not "normalisation".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)

# Fold British spellings into American ones, on lemmas, so "defence" = "defense" and
# "normalisation" = "normalization". Applied to both sides, so over-eager folds are harmless.
_FOLDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<=\w\w\w)is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"^(def|off|lic|pret)ence$"), r"\1ense"),
    (re.compile(r"^(lab|fav|hon|neighb|behavi|harb|col|rum|vig)our"), r"\1or"),
    (re.compile(r"^(cent|theat|met|fib)re$"), r"\1er"),
    (re.compile(r"^programme"), "program"),
]


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The folded lemma of one word token (lower case)."""
    low = word.lower()
    if low.isdigit() or len(low) <= 2:
        return low
    from simplemma import lemmatize  # deferred: its import costs ~0.1 s a warm compose skips

    try:
        value = lemmatize(low, lang="en").lower()
    except (ValueError, KeyError):  # simplemma refuses odd tokens; keep them as they are
        value = low
    for pattern, replacement in _FOLDS:
        value = pattern.sub(replacement, value)
    return value


def lemmas(term: str) -> tuple[str, ...]:
    """A keyword as its sequence of lemmas; a lone "s" ("four no's") is dropped."""
    return tuple(lemma(w) for w in _WORD.findall(term) if w.lower() != "s")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    lemma: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens with their offsets (plus `offset`) and lemmas; "'s" tokens are dropped."""
    return [
        Token(m.start() + offset, m.end() + offset, lemma(m.group()))
        for m in _WORD.finditer(text)
        if m.group().lower() != "s"
    ]


@dataclass(frozen=True)
class Hit:
    """Where one keyword matched: character offsets and the surface words."""

    keyword: str
    start: int
    end: int
    surface: str


def find(keyword_lemmas: tuple[str, ...], tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) offsets of each run of tokens whose lemmas are the keyword's."""
    n = len(keyword_lemmas)
    if not n:
        return []
    found = []
    first = keyword_lemmas[0]
    for i in range(len(tokens) - n + 1):
        if tokens[i].lemma == first and all(
            tokens[i + j].lemma == keyword_lemmas[j] for j in range(1, n)
        ):
            found.append((tokens[i].start, tokens[i + n - 1].end))
    return found


def hits(keywords: list[str], text: str, offset: int = 0) -> list[Hit]:
    """Every match of every keyword in `text`, in text order."""
    tokens = tokenize(text, offset)
    out = []
    for keyword in keywords:
        for start, end in find(lemmas(keyword), tokens):
            out.append(Hit(keyword, start, end, text[start - offset : end - offset]))
    out.sort(key=lambda h: (h.start, -h.end))
    return out
