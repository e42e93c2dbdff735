"""The command palette (Ctrl+P): the presentation's actions by name, "Go to slide…" for every
slide, and "Search sources for …" for whatever follows `search` or `/`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

PaletteCommand = tuple[str, Callable[[], object], str]  # name, callback, help


@runtime_checkable
class Presenter(Protocol):
    """What the provider needs from the app, so it does not import the app module."""

    def palette_commands(self) -> list[PaletteCommand]: ...

    def slide_commands(self) -> list[PaletteCommand]: ...

    def search_command(self, text: str) -> PaletteCommand: ...

    def number_command(self, number: int) -> PaletteCommand | None: ...


class BriefingCommands(Provider):
    """Named actions when the palette opens; slides and searches as you type."""

    def _presenter(self) -> Presenter | None:
        return self.app if isinstance(self.app, Presenter) else None

    async def discover(self) -> Hits:
        presenter = self._presenter()
        if presenter is None:
            return
        for name, callback, help_text in presenter.palette_commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        presenter = self._presenter()
        if presenter is None:
            return
        text = query.strip()
        lowered = text.lower()
        for prefix in ("search ", "/"):
            if lowered.startswith(prefix) and text[len(prefix) :].strip():
                name, callback, help_text = presenter.search_command(text[len(prefix) :].strip())
                yield Hit(1.0, name, callback, help=help_text)
        if text.isdigit() and (found := presenter.number_command(int(text))):
            name, callback, help_text = found
            yield Hit(1.0, name, callback, help=help_text)
        matcher = self.matcher(query)
        for name, callback, help_text in (
            *presenter.palette_commands(),
            *presenter.slide_commands(),
        ):
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
