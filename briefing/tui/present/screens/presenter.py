"""The presenter view: the current slide small, the next slide, the notes, the clock and the
pace, and whether the audience screen is linked. Same keys as the slide screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from briefing.deck import Deck
from briefing.tui.present.screens.slides import SlideScreen
from briefing.tui.present.widgets.status import KeyHints
from briefing.tui.slide_view import SlideView


class PresenterScreen(SlideScreen):
    """What only the briefer sees; the notes are always open."""

    class FilledIn(Message):
        """The next slide and the notes are mounted and shown: the view is complete."""

    # Its rules are in briefing.tcss beside the slide screen's: any rule there outranks any
    # DEFAULT_CSS rule, whatever their selectors, so one stylesheet says what wins.

    def __init__(self, deck: Deck) -> None:
        super().__init__(deck)
        # Mounted just after the first frame: the slide on screen and the clock come first.
        self.next_view = SlideView(deck, page=None, id="next-slide")
        self.next_label = Static(Content("Next"), classes="presenter-label")
        self.link_line = Static(Content("connecting to the audience screen"), id="link")
        self._at_end = False
        self.notes_open = False  # opened right after the first paint: notes render Jinja2
        self._filling = False  # the first frame is up: the next slide and the notes follow
        self._filled = False  # ... and they are mounted

    def compose(self) -> ComposeResult:
        with Horizontal(id="presenter"), Vertical(id="presenter-slides"):
            yield Static(Content("Now"), classes="presenter-label")
            yield self.view
        yield self.link_line
        yield self.status
        yield KeyHints(id="hints")

    def on_mount(self) -> None:
        self.show_page(*self._shown)
        self.show_link(getattr(self.app, "link_state", ""))

    async def fill_in(self) -> None:
        """The next slide and the notes, once the app has seen the first frame painted."""
        if self._filling or not self.is_attached:
            return
        self._filling = True
        slides = self.query_one("#presenter-slides").mount(self.next_label, self.next_view)
        notes = self.query_one("#presenter").mount(self.notes)
        await slides
        await notes
        self.notes_open = self._filled = True
        self.notes.show(*self._shown)
        self._show_next(*self._shown)
        self.post_message(self.FilledIn())

    def show_page(self, deck: Deck, page: int) -> None:
        # The slide first: the notes re-lay their panel out (~20 ms), so they follow a frame
        # later rather than hold the slide back from the screen.
        opened, self.notes_open = self.notes_open, False
        super().show_page(deck, page)
        self.notes_open = opened
        if self._filled:
            self._show_next(deck, page)
            self.call_after_refresh(self._show_notes)

    def _show_notes(self) -> None:
        if self.notes.is_attached:
            self.notes.show(*self._shown)

    def _show_next(self, deck: Deck, page: int) -> None:
        if not self.next_view.is_attached:
            return
        last = page >= len(deck.slides)
        self.next_view.display = not last
        if last != self._at_end:  # an update re-lays the screen out: only when it changes
            self._at_end = last
            self.next_label.update(Content("Next: end of the deck" if last else "Next"))
        if not last:
            self.next_view.show(deck, page + 1)

    def toggle_notes(self) -> bool:
        """The notes stay open here: they are what this screen is for."""
        return True

    def show_link(self, state: str) -> None:
        if self.link_line.is_attached:
            self.link_line.update(Content(state))
            self.link_line.set_class(state.startswith("linked"), "-linked")
