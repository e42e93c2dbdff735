"""The command palette (Ctrl+P): the presentation's actions by name, "Go to slide…" for every
slide, and "Search sources for …" for whatever follows `search` or `/`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing.deck import Deck
from briefing.tui.colours import LABELS, THEMES

PaletteCommand = tuple[str, Callable[[], object], str]  # name, callback, help


@runtime_checkable
class Presenter(Protocol):
    """What the palette needs from the app, so this module does not import the app."""

    deck: Deck

    def show(self, page: int) -> None: ...

    def set_look(self, theme: str) -> None: ...

    def reload(self) -> None: ...

    def action_overview(self) -> None: ...

    def action_search(self, query: str = "") -> None: ...

    def action_toggle_notes(self) -> None: ...

    def action_sources(self) -> None: ...

    def action_toggle_timer(self) -> None: ...

    def action_reset_timer(self) -> None: ...

    def action_help(self) -> None: ...

    def action_candidates(self) -> None: ...


def palette_commands(app: Presenter) -> list[PaletteCommand]:
    """The named actions, listed as soon as the palette opens."""
    return [
        ("Go to slide\u2026", app.action_overview, "pick a slide from the overview"),
        ("Search sources\u2026", app.action_search, "search every source document"),
        ("Show speaker notes", app.action_toggle_notes, "toggle the notes panel (n)"),
        ("Show sources of this slide", app.action_sources, "the source view (s)"),
        ("Timer: start / pause", app.action_toggle_timer, "t"),
        ("Timer: reset", app.action_reset_timer, "T"),
        *(
            (f"Colours: {LABELS[t.name]}", partial(app.set_look, t.name), "C cycles")
            for t in THEMES
        ),
        ("Curate excerpts\u2026", app.action_candidates, "pin or exclude on this slide (c)"),
        ("Reload the deck now", app.reload, "recompose the outline"),
        ("Keys", app.action_help, "every key (?)"),
    ]


def slide_commands(app: Presenter) -> list[PaletteCommand]:
    """A "Go to slide N: title" command for the title page (0) and for every slide."""
    commands: list[PaletteCommand] = [("Go to slide 0: title page", partial(app.show, 0), "")]
    for number, slide in enumerate(app.deck.slides, 1):
        name = f"Go to slide {number}: {slide.title}"
        commands.append((name, partial(app.show, number), slide.theme_title or ""))
    return commands


def number_command(app: Presenter, number: int) -> PaletteCommand | None:
    commands = slide_commands(app)
    return commands[number] if number < len(commands) else None


def search_command(app: Presenter, text: str) -> PaletteCommand:
    return (f"Search sources for \u201c{text}\u201d", partial(app.action_search, text), "")


class BriefingCommands(Provider):
    """Named actions when the palette opens; slides and searches as you type."""

    def _presenter(self) -> Presenter | None:
        return self.app if isinstance(self.app, Presenter) else None

    async def discover(self) -> Hits:
        if (app := self._presenter()) is None:
            return
        for name, callback, help_text in palette_commands(app):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        if (app := self._presenter()) is None:
            return
        text = query.strip()
        lowered = text.lower()
        for prefix in ("search ", "/"):
            if lowered.startswith(prefix) and text[len(prefix) :].strip():
                name, callback, help_text = search_command(app, text[len(prefix) :].strip())
                yield Hit(1.0, name, callback, help=help_text)
        if text.isdigit() and (found := number_command(app, int(text))):
            name, callback, help_text = found
            yield Hit(1.0, name, callback, help=help_text)
        matcher = self.matcher(query)
        for name, callback, help_text in (*palette_commands(app), *slide_commands(app)):
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
