"""Recomposing after a save: runs in a worker thread and answers with a message, never an
exception, so a broken outline can only ever produce a notification."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from briefing.compose.draft import Composed, Drafting
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


def recompose(outline_path: Path, generation: int, drafting: Drafting | None = None) -> Message:
    """Compose the outline again, or wait for `drafting`'s deck, composed in another process
    since start; `generation` lets the app drop answers that came too late."""
    if drafting is not None:
        return answer(drafting.composed, generation)
    # Imported here, in the worker thread, not at start: the composer's libraries take a while.
    from briefing.compose.draft import compose_now

    return answer(lambda: compose_now(outline_path), generation)


def answer(compose: Callable[[], Composed], generation: int) -> Message:
    """The message for what `compose` returned or raised (it may wait on another process)."""
    try:
        deck, sources, themes = compose()
    except Exception as exc:  # noqa: BLE001 - a reload must never take the presentation down
        return ReloadFailed(problem_lines(exc), generation)
    return DeckReloaded(deck, sources, themes, generation)
