"""The live preview's composing: parse the buffer, and compose it on one dedicated thread that
keeps a single Library open for the whole session (SQLite connections may only be used by the
thread that opened them, and Textual's thread workers run on a pool)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from textual.message import Message

from briefing.compose.composer import compose, used_theme_ids
from briefing.deck import Deck
from briefing.errors import Problem, ValidationError, problem_lines
from briefing.outline.load import Outline, parse_outline
from briefing.outline.themes import load_themes
from briefing.sources.library import Library


def check(path: Path, text: str) -> tuple[Outline | None, list[Problem]]:
    """Every problem of the buffer, never raising: malformed YAML is a problem like any other."""
    try:
        outline, problems = parse_outline(path, text)
    except ValidationError as exc:
        return None, list(exc.problems)
    return outline, sorted(problems)


def slide_at(slide_lines: tuple[int, ...], line: int) -> int:
    """The page (0 = title page) whose YAML block holds 1-based `line`: the last slide that
    starts at or above it, or the title page above the first slide."""
    return sum(1 for start in slide_lines if start <= line)


class PreviewReady(Message):
    """A composed deck for the buffer of generation `generation`."""

    def __init__(self, deck: Deck, generation: int) -> None:
        super().__init__()
        self.deck, self.generation = deck, generation


class PreviewFailed(Message):
    """The buffer parsed but could not be composed (a broken theme, a notes template...)."""

    def __init__(self, lines: list[str], generation: int) -> None:
        super().__init__()
        self.lines, self.generation = lines, generation


class Previewer:
    """Composes outlines on its own thread over one Library, reopened only if `sources:` moves."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-preview")
        self._library: Library | None = None

    def compose(self, outline: Outline, generation: int) -> Message:
        """Blocking (call it from a worker thread); answers with a message, never raises."""
        return self._pool.submit(self._compose, outline, generation).result()

    def _compose(self, outline: Outline, generation: int) -> Message:
        try:
            if self._library is None or self._library.sources != outline.sources_dir:
                self._close()
                self._library = Library(outline.sources_dir)
            themes = load_themes(outline.themes_dir, used_theme_ids(outline))
            return PreviewReady(compose(outline, self._library, themes), generation)
        except Exception as exc:  # noqa: BLE001 - a preview must never take the editor down
            return PreviewFailed(problem_lines(exc), generation)

    def _close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def close(self) -> None:
        """Close the library on its own thread, then stop the thread."""
        self._pool.submit(self._close)
        self._pool.shutdown(wait=True)
