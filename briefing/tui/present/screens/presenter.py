"""The presenter view: the current slide small, the next slide, the notes, the clock and the
pace, and whether the audience screen is linked. Same keys as the slide screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.deck import Deck
from briefing.tui.present.screens.slides import SlideScreen
from briefing.tui.present.widgets.status import KeyHints
from briefing.tui.slide_view import SlideView


class PresenterScreen(SlideScreen):
    """What only the briefer sees; the notes are always open."""

    DEFAULT_CSS = """
    PresenterScreen #presenter { height: 1fr; }
    PresenterScreen #presenter-slides { width: 3fr; height: 100%; }
    PresenterScreen .presenter-label {
        height: 1; padding: 0 1; background: $panel; color: $text-muted; text-style: bold;
    }
    PresenterScreen #slide, PresenterScreen #next-slide { height: 1fr; padding: 0 1; }
    PresenterScreen #next-slide { color: $text-muted; }
    PresenterScreen #notes {
        display: block; height: 100%; width: 2fr; border-top: none; border-left: solid $accent;
    }
    PresenterScreen #link { height: 1; padding: 0 1; background: $surface; color: $warning; }
    PresenterScreen #link.-linked { color: $success; }
    """

    def __init__(self, deck: Deck) -> None:
        super().__init__(deck)
        # Empty in the first frame: the slide on screen comes first, the next one right after.
        self.next_view = SlideView(deck, page=None, id="next-slide")
        self.next_label = Static(Content("Next"), classes="presenter-label")
        self.link_line = Static(Content("connecting to the audience screen"), id="link")
        self._at_end = False
        self.notes_open = False  # opened right after the first paint: notes render Jinja2
        self._painted = False  # the first frame is up: the next slide and the notes follow

    def compose(self) -> ComposeResult:
        with Horizontal(id="presenter"):
            with Vertical(id="presenter-slides"):
                yield Static(Content("Now"), classes="presenter-label")
                yield self.view
                yield self.next_label
                yield self.next_view
            yield self.notes
        yield self.link_line
        yield self.status
        yield KeyHints(id="hints")

    def on_mount(self) -> None:
        self.show_page(*self._shown)
        self.show_link(getattr(self.app, "link_state", ""))

    def fill_in(self) -> None:
        """The notes and the next slide, once the app has seen the first frame painted."""
        if self._painted:
            return
        self.notes_open = self._painted = True
        if self.notes.is_attached:
            self.notes.show(*self._shown)
        self._show_next(*self._shown)

    def show_page(self, deck: Deck, page: int) -> None:
        super().show_page(deck, page)
        if self._painted:
            self._show_next(deck, page)

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
