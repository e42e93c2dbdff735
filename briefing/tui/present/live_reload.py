"""The live reload of `briefing present`: watch the outline, themes and sources, recompose
in a worker thread after a save, and keep the last good deck on screen when an edit breaks it."""

from __future__ import annotations

import contextlib
from functools import partial
from typing import TYPE_CHECKING

from briefing.deck import Deck
from briefing.errors import BriefingError
from briefing.tui.present.evidence import Evidence
from briefing.tui.present.reload import DeckReloaded, ReloadFailed, recompose
from briefing.tui.watch import FileWatcher, Stamp

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from briefing.compose.draft import Drafting
    from briefing.tui.present.curation import Curation
    from briefing.tui.present.screens.slides import SlideScreen

    _Base = App[int]
else:
    _Base = object


class LiveReload(_Base):
    """BriefingApp's reload half: a mixin, so its message handlers stay the app's own."""

    # Set by BriefingApp.__init__.
    outline_path: Path
    deck: Deck
    page: int
    pending: bool
    stale: bool
    reloads: int
    fatal: list[str]
    evidence: Evidence
    slides: SlideScreen
    curation: Curation | None
    poll_interval: float
    outline_seen: Stamp | None
    _watcher: FileWatcher | None
    _generation: int
    _awaited: Drafting | None

    if TYPE_CHECKING:

        def show(self, page: int) -> None: ...

    def _watch_in_background(self) -> None:
        """Find the folders to watch in a thread, once the first slide is up: it needs the
        outline parsed, and the parser's libraries take longer to import than a frame."""

        def find() -> None:
            watcher = self.make_watcher()
            self.call_from_thread(self.use_watcher, watcher)

        self.run_worker(find, thread=True, group="watch", exit_on_error=False)

    @property
    def watching(self) -> bool:
        """Whether file changes are polled yet (the watcher is made after the first paint)."""
        return self._watcher is not None

    def make_watcher(self) -> FileWatcher:
        from briefing.outline.load import load_outline

        try:
            outline = load_outline(self.outline_path)
            folders = (outline.sources_dir, outline.themes_dir)
        except BriefingError:
            folders = (self.deck.sources_dir, None)
        return FileWatcher(self.outline_path, *folders, outline_seen=self.outline_seen)

    def use_watcher(self, watcher: FileWatcher) -> None:
        """Poll from now on (tests call it directly to skip the wait)."""
        self._watcher = watcher
        self.set_interval(self.poll_interval, self.poll_files)

    def poll_files(self) -> bool:
        """Reload if anything the deck is built from changed; says whether it did."""
        if self._watcher is not None and self._watcher.changed():
            self.reload()
            return True
        return False

    def reload(self) -> None:
        """Recompose in a thread: the slide stays up and responsive meanwhile."""
        self._generation += 1
        self.run_worker(
            partial(self._recompose, self._generation),
            thread=True,
            group="reload",
            exit_on_error=False,
        )

    def _recompose(self, generation: int) -> None:
        """Runs in a worker thread; posting a message is thread-safe."""
        drafting, self._awaited = self._awaited, None
        self.post_message(recompose(self.outline_path, generation, drafting))

    def on_deck_reloaded(self, message: DeckReloaded) -> None:
        if message.generation != self._generation:
            return
        previous = self.deck
        try:
            self.deck = message.deck
            self.evidence.close()
            self.evidence = Evidence(self.deck.sources_dir)
            self.show(self.page)
            if self._watcher is not None:
                self._watcher.follow(message.sources, message.themes)
        except Exception as exc:  # noqa: BLE001 - keep presenting the deck that worked
            self._restore(previous)
            self._report([f"unexpected {type(exc).__name__}: {exc}"])
            return
        self.reloads += 1
        composed, self.pending = self.pending, False
        if self.stale:  # the error toast is about a file that is now fixed
            self.clear_notifications()
        self.stale = False
        self.slides.show_stale(False)
        self.title = self.deck.title
        if not composed:  # the first composition is no news: the slides simply fill in
            self.notify("Deck reloaded", timeout=2)
        if self.curation is not None:
            self.curation.deck_changed(self.deck)

    def _restore(self, deck: Deck) -> None:
        """Back to the deck that worked; if even that cannot be drawn, the slide stays as it
        is on screen rather than the presentation stopping."""
        self.deck = deck
        self.evidence.close()
        self.evidence = Evidence(deck.sources_dir)
        with contextlib.suppress(Exception):  # never take the presentation down
            self.show(self.page)

    def on_reload_failed(self, message: ReloadFailed) -> None:
        if message.generation != self._generation:
            return
        if self.pending:  # no deck was ever composed: as if composing had failed before start
            self.fatal = message.lines
            self.exit(return_code=1)
            return
        self._report(message.lines)

    def _report(self, lines: list[str]) -> None:
        self.stale = True
        self.slides.show_stale(True)
        shown = lines[:6] + ([f"\u2026 and {len(lines) - 6} more"] if len(lines) > 6 else [])
        self.notify(
            "\n".join(shown),
            title="Not reloaded: still showing the last good deck",
            severity="error",
            timeout=15,
            markup=False,
        )
