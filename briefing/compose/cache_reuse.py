"""Slides' excerpts kept from the last composed deck, so an outline edit composes again only
the slides whose choice of excerpts it can change.

A slide's excerpts are a function of what the composer reads for it: the corpus (the index
generation), the code, the catalogue, the deck's languages and sources folder, every slide's
pins (all are reserved before any slide is composed), and, slide by slide, each themed or
pinned slide's theme (its keywords, weights, exclusions and context), excerpt count, pins and
exclusions, since the passages earlier slides took are kept off later ones. A slide's key
chains all of those up to and including it: equal keys, equal excerpts. A title, bullets,
notes or minutes never enter a key; a changed excerpt count re-keys its slide and the ones
after it, a new themed slide the ones from it on, and the slides before it keep theirs.

The keys travel in the deck cache's record; a record is only offered for reuse after the
cache proved its corpus unchanged and its excerpts verbatim (`cache._load`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.deck import Deck, Excerpt

if TYPE_CHECKING:
    from briefing.outline.models import OutlineFile, QuoteRef, SlideSpec
    from briefing.outline.themes import Theme


@dataclass(frozen=True)
class Kept:
    """One slide's excerpts as last composed, and its warnings without the slide's label."""

    excerpts: tuple[Excerpt, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Reuse:
    """What a recompose may take from the last deck: its slides by key, and the corpus's
    warnings (skipped files), valid for one index generation."""

    code: str
    generation: int
    slides: Mapping[str, Kept] = field(default_factory=dict)
    library_warnings: tuple[str, ...] = ()
    listing: str = ""  # the fingerprint of the sources' listing the deck was composed from
    fingerprint: Callable[[], str] = str  # the folder's fingerprint now (it may wait for it)

    def proven(self) -> bool:
        """Whether the sources folder is as listed when the kept slides were composed, so the
        index is still at their generation without opening it."""
        return bool(self.listing) and self.fingerprint() == self.listing

    def match(
        self, model: OutlineFile, themes: Mapping[str, Theme], sources: Path, catalogue: str | None
    ) -> dict[int, Kept]:
        """Slide index -> its kept excerpts, for each quoting slide whose key is known, for an
        outline quoting `sources`, whose catalogue file has the hash `catalogue` now."""
        keys = slide_keys(model, themes, salt(self.code, self.generation, catalogue, sources))
        return {i: self.slides[k] for i, k in enumerate(keys) if k and k in self.slides}


def salt(code: str, generation: int, catalogue: str | None, sources: Path) -> str:
    """What every slide's key starts from: the code, the corpus and its catalogue."""
    return json.dumps([code, generation, catalogue, str(sources)])


def slide_keys(model: OutlineFile, themes: Mapping[str, Theme], start: str) -> list[str]:
    """Each slide's key ("" for a slide that quotes nothing), chained from `start`."""
    pins = [[_ref(p) for p in s.pins] for s in model.slides]
    chain = _digest(json.dumps([start, list(model.language), pins]))
    keys = []
    for spec in model.slides:
        if not (spec.theme or spec.pins):
            keys.append("")
            continue
        chain = _digest(json.dumps([chain, _selection(spec, themes)]))
        keys.append(chain)
    return keys


def _selection(spec: SlideSpec, themes: Mapping[str, Theme]) -> list[object]:
    """What of one slide decides its excerpts."""
    theme = themes.get(spec.theme) if spec.theme else None
    ranked = None
    if theme is not None:
        weights = sorted(theme.weights.items())
        ranked = [theme.id, theme.keywords, weights, theme.exclude, theme.context]
    return [
        spec.theme,
        ranked,
        spec.excerpts,
        [_ref(p) for p in spec.pins],
        [_ref(p) for p in spec.exclude],
    ]


def _ref(ref: QuoteRef) -> list[str]:
    return [ref.source, ref.quote]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def label(number: int, title: str) -> str:
    """How a slide's warnings name it (the composer's wording)."""
    return f"slide {number} '{title}'"


def kept_slides(deck: Deck, keys: Sequence[str]) -> dict[str, Kept]:
    """A composed deck's quoting slides by key, their warnings stripped of their labels."""
    kept: dict[str, Kept] = {}
    if len(keys) != len(deck.slides):
        return kept
    for number, (slide, key) in enumerate(zip(deck.slides, keys, strict=True), 1):
        prefix = f"{label(number, slide.title)}: "
        if not key or not all(w.startswith(prefix) for w in slide.warnings):
            continue
        warnings = tuple(w.removeprefix(prefix) for w in slide.warnings)
        kept[key] = Kept(slide.excerpts, warnings)
    return kept


def library_warnings(deck: Deck) -> tuple[str, ...] | None:
    """The deck's warnings that are not any slide's (the corpus's), or None if unclear."""
    own = [w for s in deck.slides for w in s.warnings]
    head = len(deck.warnings) - len(own)
    if head < 0 or list(deck.warnings[head:]) != own:
        return None
    return tuple(deck.warnings[:head])
