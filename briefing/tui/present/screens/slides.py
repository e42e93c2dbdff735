"""The main screen: the slide, the optional notes panel, the status line and the key hints.

It holds no presentation state: the app owns the deck, the page and the timer and calls
`show_page` / `show_time`; this screen turns keys into the app's actions.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widget import Widget

from briefing.deck import Deck
from briefing.tui.present.keys import SLIDE_KEYS, past_the_end
from briefing.tui.present.pacing import Pace
from briefing.tui.present.widgets.notes import NotesPanel
from briefing.tui.present.widgets.status import KeyHints, StatusBar
from briefing.tui.slide_view import SlideView

WIDE = 140  # columns from which the notes sit beside the slide instead of under it
TALL = 45  # lines from which the slide spaces its quotations out


class SlideScreen(Screen[None]):
    """What the room sees; typing digits then Enter jumps to that slide number."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(k.keys, f"app.{k.action}", k.hint or k.help, show=False) for k in SLIDE_KEYS
    ]

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.digits = ""  # a slide number being typed
        self._shown: tuple[Deck, int] = (deck, 0)
        # Held, not queried: a query walks every cached page, on every slide change.
        self.view = SlideView(deck, ahead=True, id="slide")
        self.notes = NotesPanel(id="notes")  # mounted on first use: less before the first paint
        self.notes_open = False
        self.status = StatusBar(id="status")
        # Filled in before mounting, so the first frame is complete and laid out only once.
        self.status.show_position(0, len(deck.slides))
        self.status.show_marking(deck.marking)

    def compose(self) -> ComposeResult:
        with Container(id="stage"):
            yield self.view
        yield self.status
        yield KeyHints(id="hints")

    def prime_time(self, elapsed: float, running: bool, started: bool, pace: Pace | None) -> None:
        """The clock and pace for the first frame, set before the screen is mounted."""
        self.status.show_time(elapsed, running, started, pace)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")
        self.set_class(event.size.height >= TALL, "-tall")

    # The app calls these from timers and workers too, possibly while the screen is being
    # torn down on quit: then they do nothing.

    def show_page(self, deck: Deck, page: int) -> None:
        if not self.status.is_attached:
            return
        self.view.show(deck, page)
        self.status.show_position(page, len(deck.slides))
        self.status.show_marking(deck.marking)
        if self.notes_open:
            self.notes.show(deck, page)
        self._shown = (deck, page)

    def show_time(self, elapsed: float, running: bool, started: bool, pace: Pace | None) -> None:
        if self.status.is_attached:
            self.status.show_time(elapsed, running, started, pace)

    def show_stale(self, stale: bool) -> None:
        if self.status.is_attached:
            self.status.show_stale(stale)

    def toggle_notes(self) -> bool:
        """Show or hide the notes; returns whether they are now shown."""
        if self.notes.parent is None:
            self.query_one("#stage").mount(self.notes)
        self.notes_open = not self.notes_open
        self.notes.display = self.notes_open
        if self.notes_open:
            self.notes.show(*self._shown)
        return self.notes_open

    def scroll_slide(self, lines: int) -> None:
        self._scroll_after_refresh(self.view, lines)

    def scroll_notes(self, lines: int) -> None:
        self._scroll_after_refresh(self.notes, lines)

    def _scroll_after_refresh(self, widget: Widget, lines: int) -> None:
        """Scroll once the page on screen is laid out (its height known, as Textual's own
        deferred scroll waits for), and only if it is still the page on screen: a scroll
        pressed just before "next" must not land on the next slide."""
        shown = self._shown
        self.call_after_refresh(self._scroll_if_shown, widget, shown, lines)

    def _scroll_if_shown(self, widget: Widget, shown: tuple[Deck, int], lines: int) -> None:
        if self._shown is shown and widget.is_attached:
            widget.scroll_relative(y=lines, animate=False, immediate=True)

    async def on_key(self, event: events.Key) -> None:
        """Digits build a slide number; Enter goes there, Backspace edits, Esc cancels."""
        if event.character and event.character.isdigit() and len(self.digits) < 4:
            self.digits += event.character
        elif event.key == "enter" and self.digits:
            number, self.digits = int(self.digits), ""
            # Run as an action, awaited, like a key binding: a key pressed right after Enter
            # (a remote clicker, a paste) must act on the new slide, not race a message.
            if not past_the_end(self, number, len(self._shown[0].slides)):
                await self.run_action(f"app.go({number})")
        elif event.key == "backspace" and self.digits:
            self.digits = self.digits[:-1]
        elif event.key == "escape" and self.digits:
            self.digits = ""
        else:
            return
        event.stop()
        self.status.show_jump(self.digits)
