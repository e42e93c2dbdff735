"""A deck from the outline alone: titles, bullets and budgets, with no excerpts yet.

`present` shows it while the real deck is composed, so the first paint waits for neither the
index nor the composer's imports (ranking, speaker detection, notes templates). It validates
the outline like composing does, so an outline that cannot be composed still fails first.

`Drafting` makes the draft and then the composed deck in a forked process: the outline's
models are imported there while `present` imports Textual, and indexing never
holds the presentation's GIL, so neither delays the first frame or a slide change.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.deck import Deck
from briefing.errors import BriefingError, portable, problem_lines, raise_portable

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

Composed = tuple[Deck, Path, Path]  # the deck, and the sources and themes folders it reads


def draft_deck(path: Path) -> Deck:
    """The outline's slides as they will stand; theme slides are marked `pending`."""
    from briefing.outline.load import load_outline, needs_sources
    from briefing.outline.skeleton import skeleton_deck
    from briefing.outline.themes import load_themes
    from briefing.sources.documents import check_folder

    outline = load_outline(path)
    model = outline.model
    # What composing checks first, checked here too: a deck that cannot be composed for these
    # reasons never starts the TUI.
    themes = load_themes(outline.themes_dir, {s.theme for s in model.slides if s.theme})
    if needs_sources(model):
        check_folder(outline.sources_dir)
    return skeleton_deck(outline, themes, draft=True)


def compose_now(path: Path) -> Composed:
    """Compose the outline (through the deck cache) and name the folders to watch from now on."""
    from briefing.compose.cache import compose_cached
    from briefing.outline.load import load_outline

    outline = load_outline(path)
    return compose_cached(path), outline.sources_dir, outline.themes_dir


class ComposeFailed(BriefingError):
    """Composing in the background failed: `lines` say why, one problem each."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def _portable(exc: BaseException) -> tuple[str, object]:
    """Any exception as plain data: a user's error as the CLI shows it, else its lines."""
    if isinstance(exc, BriefingError):
        return portable(exc)
    return "failed", problem_lines(exc)


def _raise(kind: str, payload: object) -> None:
    if kind == "failed":
        raise ComposeFailed(list(payload))  # type: ignore[call-overload]
    raise_portable(kind, payload)


def _draft_then_compose(path: Path, pipe: Connection) -> None:
    """The forked process: sends ("draft", deck), then, when asked, ("composed", (deck,
    sources, themes)), or an error in their place. Its output goes nowhere: the TUI owns the
    terminal."""
    from briefing.progress import reporting

    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    try:
        message: tuple[str, object] = ("draft", draft_deck(path))
    except BaseException as exc:  # noqa: BLE001 - anything at all is reported, not printed
        message = _portable(exc)
    pipe.send(message)
    if message[0] != "draft":
        return
    try:
        pipe.recv()  # composing waits for `present`'s first frame: both would want the CPU
    except EOFError:  # `present` has gone
        return
    with contextlib.suppress(OSError):  # behind the presentation's key presses, not ahead
        os.nice(5)
    try:
        with reporting(None):
            message = ("composed", compose_now(path))
    except BaseException as exc:  # noqa: BLE001
        message = _portable(exc)
    pipe.send(message)


class Drafting:
    """The draft and then the composed deck of one outline, made in a forked process."""

    def __init__(self, path: Path) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._pipe, child_end = context.Pipe()
        self._process: BaseProcess = context.Process(
            target=_draft_then_compose, args=(path, child_end), daemon=True
        )
        self._process.start()
        child_end.close()

    @classmethod
    def start(cls, path: Path) -> Drafting | None:
        """Start drafting `path`; None where forking is not safe (anything but Linux), and
        the caller drafts and composes in-process as before."""
        return cls(path) if sys.platform.startswith("linux") else None

    def _receive(self, expected: str) -> object:
        try:
            kind, payload = self._pipe.recv()
        except (EOFError, OSError) as exc:
            self._process.join(timeout=5)
            code = self._process.exitcode
            why = f"the composing process stopped unexpectedly (exit code {code})"
            raise ComposeFailed([why]) from exc
        if kind != expected:
            _raise(kind, payload)
        return payload

    def draft(self) -> Deck:
        """The outline's draft; raises what `draft_deck` would have raised."""
        deck = self._receive("draft")
        assert isinstance(deck, Deck)
        return deck

    def composed(self) -> Composed:
        """Starts composing and blocks until it is done (call from a thread, after the first
        frame); raises why it could not be composed."""
        try:
            with contextlib.suppress(OSError):  # it has stopped: `_receive` says how
                self._pipe.send("compose")
            return self._receive("composed")  # type: ignore[return-value]
        finally:
            self._pipe.close()
            self._process.join(timeout=5)

    def stop(self) -> None:
        """End the process if it is still composing (the presentation is over); a thread
        waiting in `composed` then gets its end of the pipe closed and returns."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=5)
