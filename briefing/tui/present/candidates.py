"""The candidates of a theme slide: every excerpt the composer considered for it, how each
ranked, and whether it is on the slide, pinned or excluded. Plain data, no Textual: the
candidates screen shows it and briefing.tui.present.curation acts on it."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.compose.composer import locate_quote
from briefing.compose.ranking import rank_theme
from briefing.deck import Deck
from briefing.errors import CorpusError
from briefing.outline.load import Outline
from briefing.outline.models import QuoteRef
from briefing.outline.themes import Theme
from briefing.sources.library import Library

LIMIT = 25  # ranked candidates listed besides the pinned, excluded and shown ones


@dataclass(frozen=True)
class Choice:
    """One excerpt the analyst can curate, with how it ranked and where it stands now."""

    source: str
    start: int | None  # None: a pinned or excluded quote no longer found in its source
    end: int | None
    quote: str  # what briefing.outline.curate identifies it by (the outline's own text for pins)
    citation: str
    rank: int | None = None  # place in the theme's ranking (1 = best); None: not ranked
    score: float | None = None
    relevance: float | None = None
    quality: float | None = None
    terms: tuple[str, ...] = ()
    on_slide: bool = False
    pinned: bool = False
    excluded: bool = False
    blocked: bool = False  # overlaps an excluded passage, so the composer will not choose it
    elsewhere: tuple[int, ...] = ()  # other slides showing (part of) this passage

    @property
    def key(self) -> tuple[str, str]:
        """Identity across refreshes: the source and the quote up to whitespace."""
        return self.source, " ".join(self.quote.split())


Span = tuple[str, int, int]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def candidate_rows(
    outline: Outline,
    number: int,
    deck: Deck,
    library: Library,
    theme: Theme | None,
    limit: int = LIMIT,
) -> list[Choice]:
    """Slide `number`'s pins (in order), then the theme's ranking (every excerpt on the slide
    and the best `limit` others, no two overlapping; exclusions in their place), then any
    exclusions the ranking does not list."""
    spec = outline.model.slides[number - 1]
    slide = deck.slides[number - 1] if number <= len(deck.slides) else None
    shown = {(e.source.file, e.start, e.end) for e in slide.excerpts} if slide else set()
    others = [
        (n, (e.source.file, e.start, e.end))
        for n, s in enumerate(deck.slides, 1)
        if n != number
        for e in s.excerpts
    ]
    ranked = rank_theme(library, theme, tuple(outline.model.language)) if theme else []
    by_span = {(c.source, c.start, c.end): (i, c) for i, c in enumerate(ranked, 1)}

    def row(source: str, span: tuple[int, int] | None, quote: str, **marks: bool) -> Choice:
        where = (source, *span) if span else None
        rank, c = by_span.get(where, (None, None)) if where else (None, None)
        try:
            citation = library.info(source).short_citation()
        except CorpusError:
            citation = source
        return Choice(
            source,
            span[0] if span else None,
            span[1] if span else None,
            quote,
            citation,
            rank,
            c.score if c else None,
            c.relevance if c else None,
            c.quality if c else None,
            c.terms if c else (),
            on_slide=where in shown,
            elsewhere=tuple(n for n, o in others if where and _overlaps(where, o)),
            **marks,
        )

    pins = [row(r.source, _locate(library, r), r.quote, pinned=True) for r in spec.pins]
    excluded = [row(r.source, _locate(library, r), r.quote, excluded=True) for r in spec.exclude]
    pinned = {c.key for c in pins}
    unplaced = {c.key: c for c in excluded}  # an exclusion is listed at its rank, if ranked
    blocks = [(c.source, c.start, c.end) for c in excluded if c.start is not None]
    listed: list[Span] = []
    middle: list[Choice] = []
    for c in ranked:
        span = (c.source, c.start, c.end)
        if span not in shown and (len(listed) >= limit or any(_overlaps(span, o) for o in listed)):
            continue
        quote = library.text(c.source)[c.start : c.end]
        key = (c.source, " ".join(quote.split()))
        if key in pinned:
            continue
        if key in unplaced:
            middle.append(unplaced.pop(key))
        else:
            choice = row(c.source, (c.start, c.end), quote)
            blocked = any(_overlaps(span, b) for b in blocks)
            middle.append(Choice(**{**choice.__dict__, "blocked": blocked}))
        listed.append(span)
    return [*pins, *middle, *unplaced.values()]


def _locate(library: Library, ref: QuoteRef) -> tuple[int, int] | None:
    try:
        return locate_quote(library.text(ref.source), ref.quote)
    except CorpusError:
        return None
