"""Check keyword matches at the level of the lexeme, after FTS5 has found the candidates.

FTS5's Porter stemmer is good for recall but too eager for evidence: "normally" and
"normalisation" share the stem "normal", "integration" and "integrity" come close. Here a keyword
matches a run of words only when every word has the same lemma (simplemma, English) after
British and American spellings are folded together: "semiconductors" is "semiconductor",
"normalised" is "normalise", but "normally" is not "normalisation".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.compose import lemma_store
from briefing.compose.lemma_server import LemmaServer

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


_known: dict[str, str] | None = None  # lemmas stored by earlier runs (see lemma_store)
_learned: dict[str, str] = {}  # lemmas this run computed that the store lacks
_server: LemmaServer | None = None  # simplemma loading in another process (see `prefetch`)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The folded lemma of one word token (lower case)."""
    global _known
    low = word.lower()
    if low.isdigit() or len(low) <= 2:
        return low
    if _known is None:
        _known = lemma_store.load()
    found = _known.get(low)
    if found is None:
        found = _learned.get(low)
    if found is None:
        found = _learned[low] = _lemmatize(low)
    return found


def _ask_server(words: list[str]) -> None:
    """Learn the lemmas of those words that need simplemma from the prefetching server, in
    one exchange (lemma() then finds them); without a server, nothing to do."""
    global _known
    if _server is None:
        return
    if _known is None:
        _known = lemma_store.load()
    wanted = sorted(
        {low for low in map(str.lower, words) if not (low.isdigit() or len(low) <= 2)}
        - _known.keys()
        - _learned.keys()
    )
    found = _server.ask(wanted) if wanted else None
    if found is not None:
        _learned.update(zip(wanted, found, strict=True))


def prefetch() -> None:
    """On a machine that has stored no lemmas yet (a first run, any version), start loading
    simplemma's dictionary in another process now, so ranking does not wait for it later.
    Call it before anything starts threads (the text index does): it forks."""
    global _server
    if _server is None and not any(lemma_store.stored()):
        _server = LemmaServer.start(_lemmatize, _load_dictionary)


def leave_prefetch() -> None:
    """After forking the process that composes (`build`): leave the server `prefetch` started
    to that process, which asks it and stops it; this one only reaps it (`stop_prefetch`)."""
    if _server is not None:
        _server.leave()


def stop_prefetch() -> None:
    """End the process `prefetch` started, before composing returns: it holds copies of
    whatever was open when it forked (a caller's result pipe among them)."""
    global _server
    if _server is not None:
        _server.stop()
        _server = None


def _load_dictionary() -> None:
    _lemmatize("loading")  # the first call reads the English dictionary


STREAMED_WORDS = 2000  # words lemmatised before simplemma's dictionary is decoded whole
_lemmatised = 0  # words lemmatised by this process so far


def _lemmatize(low: str) -> str:
    """simplemma's lemma of a word, folded. The first STREAMED_WORDS words are looked up a
    block of its dictionary at a time, from the restart points the package ships
    (`lemma_index`: ready in ~0.03 s), else from those simplemma's streamed reader finds
    (`low_memory`: ~0.14 s), ~20 us a word against ~2 for the whole table (~0.28 s), which
    pays past them; a small corpus's first compose asks a few hundred. All read the same data:
    the same lemma (`test_lexeme_dictionary`, `test_lemma_index`)."""
    global _lemmatised
    _lemmatised += 1
    return _folded(low, low_memory=_lemmatised <= STREAMED_WORDS)


def remember() -> None:
    """Store the lemmas this run learned, for the next run (after ranking a theme)."""
    global _known
    if _learned:
        _known = {**(_known or {}), **lemma_store.load(), **_learned}
        _learned.clear()
        lemma_store.save(_known)


def _folded(low: str, *, low_memory: bool) -> str:
    from simplemma import lemmatize  # deferred: its import alone is ~0.07 s

    indexed = _indexed() if low_memory else None
    try:
        if indexed is not None:
            value = indexed(low, "en").lower()
        else:
            value = lemmatize(low, lang="en", low_memory=low_memory).lower()
    except (ValueError, KeyError):  # simplemma refuses odd tokens; keep them as they are
        value = low
    for pattern, replacement in _FOLDS:
        value = pattern.sub(replacement, value)
    return value


@cache
def _indexed() -> Callable[[str, str], str] | None:
    """simplemma's lemmatiser, its strategies unchanged, over its English data read through
    the shipped restart points; None when they do not fit the installed simplemma."""
    from briefing.compose import lemma_index

    english = lemma_index.english()
    if english is None:
        return None
    try:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy

        strategy = DefaultStrategy(dictionary_factory=lemma_index.Factory(english))
    except (ImportError, TypeError):  # another simplemma's API: its own reader serves
        return None
    return Lemmatizer(lemmatization_strategy=strategy).lemmatize


def lemmas(term: str) -> tuple[str, ...]:
    """A keyword as its sequence of lemmas; a lone "s" ("four no's") is dropped."""
    words = [w for w in _WORD.findall(term) if w.lower() != "s"]
    _ask_server(words)
    return tuple(lemma(w) for w in words)


class Tokens:
    """A text's keyword-like tokens: offsets (plus the text's own offset), lemmas, where each
    lemma occurs, and whether each token directly follows the one before it (no other word
    between, a possessive "'s" aside), so a keyword is looked up, not scanned for."""

    __slots__ = ("ends", "joined", "lemmas", "positions", "starts")

    def __init__(self, text: str, offset: int = 0, wanted: re.Pattern[str] | None = None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.lemmas: list[str] = []
        self.joined: list[bool] = []  # token i directly follows token i - 1
        self.positions: dict[str, list[int]] = {}
        previous_end = None
        found = list((wanted or _WORD).finditer(text))
        _ask_server([m.group() for m in found])
        for m in found:
            word = m.group()
            if word in ("s", "S"):
                continue
            value = lemma(word)
            self.joined.append(
                previous_end is not None and _adjacent(text[previous_end : m.start()])
            )
            previous_end = m.end()
            self.positions.setdefault(value, []).append(len(self.lemmas))
            self.starts.append(m.start() + offset)
            self.ends.append(m.end() + offset)
            self.lemmas.append(value)


_POSSESSIVE = re.compile(r"['’][sS]\b")


def _adjacent(gap: str) -> bool:
    """No word between two tokens: only spaces and punctuation (or a possessive 's)."""
    return not any(c.isalnum() or c == "_" for c in _POSSESSIVE.sub("", gap))


def tokenize(text: str, offset: int = 0, wanted: re.Pattern[str] | None = None) -> Tokens:
    """`text`'s tokens; with `wanted` (see `prefixes`), only words starting like a keyword's
    words are kept (fast: the others could match nothing)."""
    return Tokens(text, offset, wanted)


def prefixes(keyword_lemmas: list[tuple[str, ...]]) -> re.Pattern[str]:
    """A pattern for the words that may belong to a keyword: those starting with the first
    three letters of a keyword's word (British folds never change the first three)."""
    starts = sorted({word[:3] for words in keyword_lemmas for word in words if word})
    alternatives = "|".join(re.escape(p) for p in starts) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    """Where one keyword matched: character offsets and the surface words."""

    keyword: str
    start: int
    end: int
    surface: str


def find(keyword_lemmas: tuple[str, ...], tokens: Tokens) -> list[tuple[int, int]]:
    """(start, end) offsets of each run of adjacent tokens whose lemmas are the keyword's."""
    n = len(keyword_lemmas)
    if not n:
        return []
    found = []
    lemmas, joined = tokens.lemmas, tokens.joined
    for i in tokens.positions.get(keyword_lemmas[0], ()):
        if i + n <= len(lemmas) and all(
            joined[i + j] and lemmas[i + j] == keyword_lemmas[j] for j in range(1, n)
        ):
            found.append((tokens.starts[i], tokens.ends[i + n - 1]))
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
