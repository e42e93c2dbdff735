"""A ranked window, as ranking produces it and the rankings cache stores it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A ranked window: where it is, how it scored, and which keywords it matched."""

    source: str
    start: int
    end: int
    para_start: int
    para_end: int
    score: float
    relevance: float
    quality: float
    words: int
    dangling: bool
    terms: tuple[str, ...]
