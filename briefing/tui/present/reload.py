"""Recomposing after a save: runs in a worker thread and answers with a message, never an
exception, so a broken outline can only ever produce a notification."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from briefing.deck import Deck
from briefing.errors import problem_lines


class DeckReloaded(Message):
    """A recompose succeeded: the new deck and the folders it now reads."""

    def __init__(self, deck: Deck, sources: Path, themes: Path, generation: int) -> None:
        super().__init__()
        self.deck, self.sources, self.themes, self.generation = deck, sources, themes, generation


class ReloadFailed(Message):
    """A recompose failed: one `FILE:LINE:COL: message` (or error) line per problem."""

    def __init__(self, lines: list[str], generation: int) -> None:
        super().__init__()
        self.lines, self.generation = lines, generation


def recompose(outline_path: Path, generation: int) -> Message:
    """Compose the outline again; `generation` lets the app drop answers that came too late."""
    # Imported here, in the worker thread, not at start: the composer's libraries take a while.
    from briefing.compose.cache import compose_cached
    from briefing.outline.load import load_outline

    try:
        outline = load_outline(outline_path)  # for the folders to watch from now on
        deck = compose_cached(outline_path)
    except Exception as exc:  # noqa: BLE001 - a reload must never take the presentation down
        return ReloadFailed(problem_lines(exc), generation)
    return DeckReloaded(deck, outline.sources_dir, outline.themes_dir, generation)
