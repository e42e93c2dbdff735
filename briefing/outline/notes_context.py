"""What a speaker-notes template can read: plain data only (text, numbers, dates, lists, maps).

Nothing here has methods that reach the file system, the process or the network: a shared
outline's template sees the deck as data. The README's "Speaker notes" section lists the fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.deck import Deck, Excerpt, SourceInfo
    from briefing.outline.themes import Theme


def source_fields(source: SourceInfo) -> dict[str, Any]:
    """One source document as plain data."""
    return {
        "file": source.file,
        "title": source.title,
        "author": source.author,
        "publisher": source.publisher,
        "date": source.date,
        "url": source.url,
        "citation": source.full_citation(),
        "short_citation": source.short_citation(),
    }


def excerpt_fields(excerpt: Excerpt) -> dict[str, Any]:
    """One excerpt as plain data: its text, where it comes from and how to cite it."""
    return {
        "text": excerpt.text,
        "source": excerpt.source.file,
        "title": excerpt.source.title,
        "author": excerpt.source.author,
        "date": excerpt.source.date,
        "url": excerpt.source.url,
        "citation": excerpt.source.full_citation(),
        "short_citation": excerpt.citation,
        "pages": excerpt.pages,
        "ref": excerpt.ref,
        "start": excerpt.start,
        "end": excerpt.end,
        "pinned": excerpt.pinned,
        "speaker": excerpt.speaker,  # whose words the source reports, or None
        "attribution": excerpt.attribution(),  # as under the quote: "X, quoted in ..."
        "paragraph": excerpt.paragraph or excerpt.text,
    }


def notes_context(deck: Deck, number: int, theme: Theme | None) -> dict[str, Any]:
    """The context of slide `number` (1-based): `deck`, `slide`, `theme`, `excerpts`,
    `sources`, `number` and `total`."""
    slide = deck.slides[number - 1]
    excerpts = [excerpt_fields(e) for e in slide.excerpts]
    sources: dict[str, dict[str, Any]] = {}
    for excerpt in slide.excerpts:
        sources.setdefault(excerpt.source.file, source_fields(excerpt.source))
    return {
        "deck": {
            "title": deck.title,
            "subtitle": deck.subtitle,
            "presenter": deck.presenter,
            "date": deck.date,
            "marking": deck.marking,
            "sources": [source_fields(s) for s in deck.cited_sources],
            "slides": [s.title for s in deck.slides],
        },
        "slide": {
            "title": slide.title,
            "number": number,
            "theme": slide.theme,
            "minutes": slide.minutes,
            "bullets": list(slide.bullets),
        },
        "theme": None
        if theme is None
        else {
            "id": theme.id,
            "title": theme.title,
            "summary": theme.summary,
            "keywords": list(theme.keywords),
        },
        "excerpts": excerpts,
        "sources": list(sources.values()),
        "number": number,
        "total": len(deck.slides),
    }
