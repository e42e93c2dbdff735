"""A deck from the outline alone: titles, bullets and budgets, with no excerpts yet.

`present` shows it while the real deck is composed, so the first paint waits for neither the
index nor the composer's imports (ranking, speaker detection, notes templates). It validates
the outline like composing does, so an outline that cannot be composed still fails first.
"""

from __future__ import annotations

from pathlib import Path

from briefing.deck import Deck
from briefing.outline.load import load_outline, needs_sources
from briefing.outline.skeleton import skeleton_deck
from briefing.outline.themes import load_themes
from briefing.sources.documents import check_folder


def draft_deck(path: Path) -> Deck:
    """The outline's slides as they will stand; theme slides are marked `pending`."""
    outline = load_outline(path)
    model = outline.model
    # What composing checks first, checked here too: a deck that cannot be composed for these
    # reasons never starts the TUI.
    themes = load_themes(outline.themes_dir, {s.theme for s in model.slides if s.theme})
    if needs_sources(model):
        check_folder(outline.sources_dir)
    return skeleton_deck(outline, themes, draft=True)
