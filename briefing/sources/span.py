"""A span of raw text by character offsets: what every stage from segmenting on points with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
