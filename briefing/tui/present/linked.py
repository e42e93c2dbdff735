"""The audience screen and presenter views kept on the same slide over `link.py`'s socket.

Both are the presentation app with one change: every move is sent to the other side, and a
move that comes from the other side is shown without being sent back. Either side may quit or
crash; the other keeps presenting (a presenter view waits for the audience screen to return).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.deck import Deck
from briefing.tui.present.app import BriefingApp
from briefing.tui.present.link import Audience, LinkError, Presenter, socket_path
from briefing.tui.present.screens.slides import SlideScreen
from briefing.tui.slide_view import SlideView


class LinkedApp(BriefingApp):
    """A presentation app whose page follows, and leads, the other screens of its outline."""

    def __init__(self, outline: Path, *, link_path: Path | None = None, **options: Any) -> None:
        super().__init__(outline, **options)
        self.link_path = link_path
        self._following = False  # showing a move from the other side: do not send it back

    def resolve_link(self) -> Path | None:
        """The socket for this outline, or None (with a notification) if it cannot be used."""
        if self.link_path is None:
            try:
                self.link_path = socket_path(self.outline_path)
            except (LinkError, OSError) as exc:
                self.notify(f"presenter link off: {exc}", severity="warning", markup=False)
        return self.link_path

    def show(self, page: int) -> None:
        """Tell the other side first, then build this side's slide: both paint at once."""
        if not self._following:
            self.send_page(max(0, min(page, len(self.deck.slides))))  # clamped as `show` does
        super().show(page)

    def arrived(self, page: int) -> None:
        """A move from the other side, read by a worker: shown from the app's own message
        loop, so it is painted at once rather than at the next timer tick."""
        self.call_later(self.follow, page)

    def follow(self, page: int) -> None:
        """Show the slide the other side moved to."""
        if page == self.page:
            return
        self._following = True
        try:
            self.show(page)
        finally:
            self._following = False

    def send_page(self, page: int) -> None:
        """Tell the other side (subclasses know who that is)."""


class AudienceApp(LinkedApp):
    """What the room sees: listens for presenter views and keeps them on its slide."""

    audience: Audience | None = None

    def on_mount(self) -> None:
        if (path := self.resolve_link()) is not None:
            self.audience = Audience(path, self.arrived, lambda: self.page)
            self.run_worker(self._listen(), group="link", exit_on_error=False)

    async def _listen(self) -> None:
        assert self.audience is not None
        try:
            await self.audience.start()
        except (LinkError, OSError) as exc:
            self.audience = None
            self.notify(f"presenter link off: {exc}", severity="warning", markup=False)

    def send_page(self, page: int) -> None:
        if self.audience is not None:
            self.audience.send(page)

    def on_unmount(self) -> None:
        if self.audience is not None:
            self.audience.stop()


class PresenterApp(LinkedApp):
    """The presenter's own screen: this slide small, the next one, the notes and the clock."""

    presenter: Presenter | None = None

    def __init__(self, outline: Path, **options: Any) -> None:
        self.link_state = "connecting to the audience screen"
        super().__init__(outline, **options)

    def make_screen(self, deck: Deck) -> SlideScreen:
        """The presenter's screen, instead of the room's: only one is ever made."""
        from briefing.tui.present.screens.presenter import PresenterScreen

        return PresenterScreen(deck)

    def on_mount(self) -> None:
        if (path := self.resolve_link()) is not None:
            self.presenter = Presenter(path, self.arrived, self.show_link)
            self.run_worker(self.presenter.run(), group="link", exit_on_error=False)

    def on_slide_view_shown(self, message: SlideView.Shown) -> None:
        """After the first frame (Textual runs BriefingApp's handler too, after this one): the
        next slide and the notes, queued so the app has seen the frame before they are built."""
        self.call_later(self.slides.fill_in)  # type: ignore[attr-defined]

    def show_link(self, state: str) -> None:
        self.link_state = state
        self.slides.show_link(state)  # type: ignore[attr-defined]

    def send_page(self, page: int) -> None:
        if self.presenter is not None:
            self.presenter.send(page)
