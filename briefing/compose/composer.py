"""Compose an outline into a deck: pinned excerpts first, then the best-ranked, diverse ones."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.compose.cache_reuse import Kept, Reuse, label
from briefing.compose.cache_verify import sha_of
from briefing.compose.notes import render_template
from briefing.deck import Deck, Excerpt, Slide
from briefing.errors import CorpusError
from briefing.outline.load import Outline, load_outline, needs_sources
from briefing.outline.notes_context import notes_context
from briefing.outline.skeleton import deck_header
from briefing.outline.themes import Theme, load_themes
from briefing.sources.catalogue import CATALOGUE
from briefing.sources.documents import Listing, list_documents, snapshot
from briefing.sources.quotes import locate_quote

if TYPE_CHECKING:  # the ranking side is imported only when a slide is composed anew
    from briefing.compose.ranking import Candidate
    from briefing.compose.select import Used
    from briefing.outline.models import QuoteRef, SlideSpec
    from briefing.sources.library import Library


@dataclass(frozen=True)
class Pin:
    """A resolved pin or exclusion: a source span, or None when its quote is gone."""

    ref: QuoteRef
    span: tuple[int, int] | None
    overlaps: bool = False  # the passage is already pinned, here or on an earlier slide


class _NoLibrary:
    """What an outline of bullets only composes against: no sources, no warnings."""

    warnings: tuple[str, ...] = ()


NO_LIBRARY: Any = _NoLibrary()


def resolve(library: Library, refs: list[QuoteRef]) -> list[Pin]:
    pins = []
    for ref in refs:
        try:
            text = library.text(ref.source)
        except CorpusError:  # a missing source is reported as a lost pin
            pins.append(Pin(ref, None))
            continue
        pins.append(Pin(ref, locate_quote(text, ref.quote)))
    return pins


def compose(
    outline: Outline,
    library: Library | None,
    themes: dict[str, Theme],
    kept: Mapping[int, Kept] | None = None,
) -> Deck:
    """The deck for an outline over an opened library. Deterministic for the same inputs.
    `kept`: slide index -> its excerpts from the last deck, valid for this library's corpus
    (`cache_reuse`); those slides are not composed again."""
    from briefing.compose.select import Used

    model = outline.model
    kept = kept or {}
    used = Used()
    if library is None:  # bullets only: nothing to quote, no sources folder needed
        library = NO_LIBRARY
    pins = [resolve(library, spec.pins) for spec in model.slides]
    for slide_pins in pins:  # reserve every pin first so no other slide takes its passage
        for i, pin in enumerate(slide_pins):
            if pin.span is None:
                continue
            spans = used.spans.get(pin.ref.source, [])
            if any(s < pin.span[1] and pin.span[0] < e for s, e in spans):
                slide_pins[i] = Pin(pin.ref, pin.span, overlaps=True)
                continue
            text = library.text(pin.ref.source)[pin.span[0] : pin.span[1]]
            used.add(pin.ref.source, *pin.span, text)
    slides = []
    ahead: AbstractContextManager[None] = nullcontext()
    if library is not NO_LIBRARY and len(kept) < len(model.slides):  # searches started ahead
        from briefing.compose.ranking import for_slides

        ahead = for_slides(library, themes, outline, kept)
    with ahead:
        for number, spec in enumerate(model.slides, 1):
            if number - 1 in kept:
                slide = _kept_slide(themes, spec, kept[number - 1], number, outline)
                for e in slide.excerpts:  # pins are reserved above; the rest as `choose` adds
                    if not e.pinned:
                        used.add(e.source.file, e.start, e.end, e.text)
            else:
                slide = _slide(library, themes, spec, pins[number - 1], used, number, outline)
            slides.append(slide)
    deck = Deck(
        **deck_header(outline),
        slides=tuple(slides),
        sources_dir=outline.sources_dir if library is not NO_LIBRARY else None,
        warnings=(*library.warnings, *(w for s in slides for w in s.warnings)),
    )
    return _render_notes(deck.numbered(), themes)


def _slide(
    library: Library,
    themes: dict[str, Theme],
    spec: SlideSpec,
    pins: list[Pin],
    used: Used,
    number: int,
    outline: Outline,
) -> Slide:
    from briefing.compose.ranking import rank_theme, to_excerpt, window_texts
    from briefing.compose.select import choose

    warnings: list[str] = []
    named = label(number, spec.title)
    excerpts = []
    for pin in pins:
        if pin.span is None:
            warnings.append(
                f"{named}: pinned quote no longer found in {pin.ref.source}: "
                f"\u201c{_clip(pin.ref.quote)}\u201d"
            )
            continue
        if pin.overlaps:
            warnings.append(
                f"{named}: pinned quote overlaps an earlier pin and is shown once: "
                f"\u201c{_clip(pin.ref.quote)}\u201d"
            )
            continue
        excerpts.append(_excerpt(library, pin.ref.source, *pin.span, pinned=True))
    theme = themes.get(spec.theme) if spec.theme else None
    if theme is not None:
        excluded = [p for p in resolve(library, spec.exclude) if p.span]
        wanted = max(0, spec.excerpts - len(excerpts))
        ranked = rank_theme(library, theme, tuple(outline.model.language))
        picked = choose(
            ranked,
            wanted,
            used,
            window_texts(library, ranked),  # kept paragraph texts: few sources read
            blocked=lambda c: _overlaps_any(c, excluded),
            core=frozenset(k.lower() for k in theme.keywords if theme.weight(k) >= 2),
        )
        excerpts += [to_excerpt(library, c) for c in picked]
        if len(excerpts) < spec.excerpts:
            warnings.append(
                f"{named}: asked for {spec.excerpts} excerpts, found {len(excerpts)} "
                f"matching theme '{theme.id}'; showing what there is"
            )
    if excerpts:  # who speaks: kept by content, so a recompose attributes only new excerpts
        from briefing.compose import speaker_kept

        excerpts = speaker_kept.with_speakers(library, excerpts, _with_speaker)
    return Slide(
        title=spec.title,
        theme=spec.theme,
        theme_title=theme.title if theme else None,
        excerpts=tuple(excerpts),
        bullets=tuple(spec.bullets),
        notes=spec.notes or "",
        minutes=spec.minutes,
        requested=spec.excerpts if spec.theme else 0,
        line=outline.slide_lines[number - 1],
        warnings=tuple(warnings),
    )


def _kept_slide(
    themes: dict[str, Theme], spec: SlideSpec, kept: Kept, number: int, outline: Outline
) -> Slide:
    """A slide whose excerpts (and their warnings) are the last deck's, with the rest of
    the slide as the outline now says."""
    theme = themes.get(spec.theme) if spec.theme else None
    return Slide(
        title=spec.title,
        theme=spec.theme,
        theme_title=theme.title if theme else None,
        excerpts=kept.excerpts,
        bullets=tuple(spec.bullets),
        notes=spec.notes or "",
        minutes=spec.minutes,
        requested=spec.excerpts if spec.theme else 0,
        line=outline.slide_lines[number - 1],
        warnings=tuple(f"{label(number, spec.title)}: {w}" for w in kept.warnings),
    )


def _with_speaker(library: Library, excerpt: Excerpt) -> Excerpt:
    """The excerpt with whoever speaks in it, when it reports someone's words."""
    from briefing.compose.speaker import speaker

    text = library.text(excerpt.source.file)
    p_end = excerpt.paragraph_start + len(excerpt.paragraph)
    who = speaker(text, excerpt.start, excerpt.end, excerpt.paragraph_start, p_end)
    return replace(excerpt, speaker=who) if who else excerpt


def _overlaps_any(candidate: Candidate, excluded: list[Pin]) -> bool:
    return any(
        p.ref.source == candidate.source
        and p.span is not None
        and p.span[0] < candidate.end
        and candidate.start < p.span[1]
        for p in excluded
    )


def _excerpt(library: Library, source: str, start: int, end: int, *, pinned: bool) -> Excerpt:
    text = library.text(source)
    p_start, p_end = library.paragraph_at(source, start, end)
    return Excerpt(
        source=library.info(source),
        start=start,
        end=end,
        text=text[start:end],
        paragraph=text[p_start:p_end],
        paragraph_start=p_start,
        pinned=pinned,
        **library.page_fields(source, start, end),
    )


def _render_notes(deck: Deck, themes: dict[str, Theme]) -> Deck:
    """Each slide's notes rendered against plain data (see `briefing.outline.notes_context`)."""
    slides = []
    for number, slide in enumerate(deck.slides, 1):
        theme = themes.get(slide.theme) if slide.theme else None
        context = notes_context(deck, number, theme)
        notes = render_template(
            slide.notes, context, outline=deck.outline_path, slide_no=number, title=slide.title
        )
        slides.append(replace(slide, notes=notes))
    return replace(deck, slides=tuple(slides))


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def used_theme_ids(outline: Outline) -> set[str]:
    return {s.theme for s in outline.model.slides if s.theme}


@dataclass(frozen=True)
class Composed:
    """A composed deck and what it was composed from: what a cache needs to know it is fresh."""

    deck: Deck
    inputs: list[Path]  # theme files and the catalogue
    generation: int  # the index generation the deck was composed against
    listing: Listing  # the sources as listed before the index synced: never newer than it
    text: str = ""  # the outline's text as composed (a cache keys the record by it)
    outline: Outline | None = None  # validated, with the themes: what a cache keys slides by
    themes: dict[str, Theme] | None = None
    catalogue: str | None = None  # the catalogue's hash, read before the library opened
    reused: bool = False  # every quoting slide was the last deck's: no index was opened


def compose_outline_file(
    path: Path,
    *,
    db_path: Path | str | None = None,
    synced: tuple[Library, Listing] | None = None,
    reuse: Reuse | None = None,
) -> Composed:
    """Parse, validate, index and compose in one call, reporting the inputs it read.
    `synced`: a library of the default index that this run has just synced, and the listing
    it synced from, used when it is the outline's sources folder (the caller closes it).
    `reuse`: the last deck's slides; a slide whose key it holds is not composed again (once
    the index proves to be at their generation), and when that is every quoting slide and the
    folder is proven unchanged, no index is opened at all."""
    outline = load_outline(path)
    themes = load_themes(outline.themes_dir, used_theme_ids(outline))
    if not needs_sources(outline.model):
        return Composed(compose(outline, None, themes), [], 0, (), outline.text)
    catalogue_path = outline.sources_dir / CATALOGUE
    catalogue = sha_of(catalogue_path)  # None: a folder without a catalogue
    kept: dict[int, Kept] = {}
    if reuse is not None and db_path is None:
        kept = reuse.match(outline.model, themes, outline.sources_dir, catalogue)
        every = all(i in kept for i, s in enumerate(outline.model.slides) if s.theme or s.pins)
        if every and reuse.proven():
            deck = _reused(outline, themes, kept, reuse.library_warnings)
            inputs = [t.path for t in themes.values()] + [catalogue_path]
            return Composed(
                deck, inputs, reuse.generation, (), outline.text, outline, themes, catalogue, True
            )
    if synced is not None and db_path is None and synced[0].sources == outline.sources_dir:
        library, listing = synced
        return _composed(outline, library, themes, listing, catalogue, kept, reuse)
    from briefing.sources.library import Library

    unlisted: dict[str, str] = {}
    files = list_documents(outline.sources_dir, unlisted)  # once: the index syncs from it too
    listing = snapshot(outline.sources_dir, to_store=True, files=files)
    library = Library(outline.sources_dir, db_path=db_path, listed=(files, unlisted))
    try:
        return _composed(outline, library, themes, listing, catalogue, kept, reuse)
    finally:
        library.close()


def _reused(
    outline: Outline, themes: dict[str, Theme], kept: Mapping[int, Kept], warnings: tuple[str, ...]
) -> Deck:
    """The deck when every quoting slide is the last deck's: no library, no ranking."""
    slides = tuple(  # a slide that quotes nothing has no excerpts to keep
        _kept_slide(themes, spec, kept.get(i, Kept((), ())), i + 1, outline)
        for i, spec in enumerate(outline.model.slides)
    )
    deck = Deck(
        **deck_header(outline),
        slides=slides,
        sources_dir=outline.sources_dir,
        warnings=(*warnings, *(w for s in slides for w in s.warnings)),
    )
    return _render_notes(deck.numbered(), themes)


def _composed(
    outline: Outline,
    library: Library,
    themes: dict[str, Theme],
    listing: Listing,
    catalogue: str | None,
    kept: Mapping[int, Kept] | None = None,
    reuse: Reuse | None = None,
) -> Composed:
    if reuse is None or library.index.generation != reuse.generation:
        kept = {}  # the corpus changed since the kept slides were composed
    deck = compose(outline, library, themes, kept)
    inputs = [t.path for t in themes.values()] + [library.catalogue_path]
    generation = library.index.generation
    return Composed(deck, inputs, generation, listing, outline.text, outline, themes, catalogue)


def compose_file(path: Path, *, db_path: Path | str | None = None) -> Deck:
    """The deck for an outline file, composed now (the cache is `briefing.compose.cache`)."""
    return compose_outline_file(path, db_path=db_path).deck
