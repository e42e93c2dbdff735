"""Choose a slide's excerpts from ranked candidates: best first, but never two overlapping or
near-duplicate passages, spread across sources, and nothing already used on another slide."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.compose.ranking import Candidate

_WORD = re.compile(r"\w+")
NEAR_DUPLICATE = 0.5  # share of 3-word shingles in common that makes two passages the same
SPREAD_MARGIN = 0.1  # a new source's candidate within 10% of the best is preferred to it
# When one more passage from a source already on the slide would leave it short of FEW_SOURCES
# sources, a new source is worth more: its candidate wins within WIDE_MARGIN.
FEW_SOURCES = 3
WIDE_MARGIN = 0.25
CLEAN = 0.9  # the wider margin is for clean text: a garbled page is no better a third voice
# A further source's passage that matches at least as many of the theme's keywords (two or
# more) is as much about the theme; it scores lower only by keyword weights, IDF or length, and
# wins a place the slide needs for FEW_SOURCES within BROAD_MARGIN.
BROAD_MARGIN = 0.5
# A further source's passage on one of the theme's core keywords (weighted 2 or more: what the
# theme is about) wins such a place within CORE_MARGIN: a story that says "human rights" once
# in a paragraph about a disbarred lawyer scores far below a report that says it twice, and is
# still the third voice the slide needs.
CORE_MARGIN = 0.75


@lru_cache(maxsize=4096)  # `choose` checks the same candidates' texts again and again
def shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = list(map(str.lower, _WORD.findall(text)))
    if len(words) < 3:
        return frozenset([tuple(words)])
    return frozenset(zip(words, words[1:], words[2:], strict=False))


@dataclass
class Used:
    """Everything already on a slide in this deck: spans per source and their shingles."""

    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    shingle_sets: list[frozenset[tuple[str, ...]]] = field(default_factory=list)
    # Texts found near-duplicates of a used passage: still so as more are used. A ranking
    # holds the same paragraph many times over (a wire story in many outlets), so most
    # candidates a slide passes over are answered from here, not compared again.
    near: set[str] = field(default_factory=set)

    def add(self, source: str, start: int, end: int, text: str) -> None:
        self.spans.setdefault(source, []).append((start, end))
        self.shingle_sets.append(shingles(text))

    def clashes(self, source: str, start: int, end: int, text: str) -> bool:
        if any(s < end and start < e for s, e in self.spans.get(source, ())):
            return True
        if text in self.near:
            return True
        mine = shingles(text)
        for other in self.shingle_sets:
            if mine.isdisjoint(other):  # most pairs: no intersection built
                continue
            common = len(mine & other)
            if common / min(len(mine), len(other)) >= NEAR_DUPLICATE:
                self.near.add(text)
                return True
        return False


def choose(
    ranked: list[Candidate],
    count: int,
    used: Used,
    text_of: Callable[[Candidate], str],
    *,
    blocked: Callable[[Candidate], bool] = lambda c: False,
    core: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Pick up to `count` candidates, capping each source at half the slide (rounded up) while
    other sources still have something to offer; `used` is updated with the picks. `core`
    holds the theme's core keywords, lower case (see CORE_MARGIN)."""
    if count <= 0:
        return []
    cap = max(1, math.ceil(count / 2)) if _several_sources(ranked, blocked) else count
    picked: list[Candidate] = []
    per_source: Counter[str] = Counter()
    for limit in (cap, count):  # second pass fills remaining places if sources run short
        for i, candidate in enumerate(ranked):
            if len(picked) == count:
                return picked
            if candidate in picked or per_source[candidate.source] >= limit or blocked(candidate):
                continue
            text = text_of(candidate)
            if used.clashes(candidate.source, candidate.start, candidate.end, text):
                continue
            if per_source[candidate.source]:
                left = count - len(picked)
                other = _new_source_nearby(
                    ranked, i, candidate, per_source, used, text_of, blocked, left, core
                )
                if other is not None:
                    candidate, text = other, text_of(other)
            picked.append(candidate)
            per_source[candidate.source] += 1
            used.add(candidate.source, candidate.start, candidate.end, text)
    return picked


def _several_sources(ranked: list[Candidate], blocked: Callable[[Candidate], bool]) -> bool:
    """Whether the candidates not blocked come from more than one source (asking `blocked`
    only until a second source shows: a ranking holds thousands)."""
    first = None
    for candidate in ranked:
        if candidate.source == first or blocked(candidate):
            continue
        if first is not None:
            return True
        first = candidate.source
    return False


def _new_source_nearby(
    ranked: list[Candidate],
    i: int,
    candidate: Candidate,
    per_source: Counter[str],
    used: Used,
    text_of: Callable[[Candidate], str],
    blocked: Callable[[Candidate], bool],
    left: int,
    core: frozenset[str] = frozenset(),
) -> Candidate | None:
    """The best later candidate from a source not yet on the slide, if it scores within
    SPREAD_MARGIN of `candidate` (WIDE_MARGIN, BROAD_MARGIN for a passage as broadly on the
    theme, CORE_MARGIN for one on a core keyword, when `candidate` would use a place the slide
    needs to reach FEW_SOURCES sources): a third voice is worth a small loss of score."""
    sources = sum(1 for n in per_source.values() if n)
    short = FEW_SOURCES - sources >= left > 0
    margin = (CORE_MARGIN if core else BROAD_MARGIN) if short else SPREAD_MARGIN
    floor = candidate.score * (1 - margin)
    for other in ranked[i + 1 :]:
        if other.score < floor:
            return None
        if per_source[other.source] or blocked(other):
            continue
        if short and other.score < candidate.score * (1 - SPREAD_MARGIN) and other.quality < CLEAN:
            continue
        if not _near_enough(other, candidate, core):
            continue
        if not used.clashes(other.source, other.start, other.end, text_of(other)):
            return other
    return None


def _near_enough(other: Candidate, candidate: Candidate, core: frozenset[str]) -> bool:
    """Whether `other`, below `candidate`, is within the margin its evidence earns (the floor
    of the widest margin is checked by the caller)."""
    if other.score >= candidate.score * (1 - WIDE_MARGIN):
        return True
    if other.score >= candidate.score * (1 - BROAD_MARGIN) and _as_broad(other, candidate):
        return True
    return bool(core & {t.lower() for t in other.terms})


def _as_broad(other: Candidate, candidate: Candidate) -> bool:
    """`other` matches two or more of the theme's keywords, and no fewer than `candidate`."""
    mine = {t.lower() for t in other.terms}
    return len(mine) >= max(2, len({t.lower() for t in candidate.terms}))
