"""`briefing present`: the deck live in the terminal, with the sources one key away.

The app owns the presentation state (deck, page, timer) and the live reload; screens and
widgets show it and report keys and clicks back as actions and messages.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing.deck import Deck, Excerpt
from briefing.tui import colours
from briefing.tui.present.commands import BriefingCommands
from briefing.tui.present.evidence import Evidence
from briefing.tui.present.keys import APP_KEYS
from briefing.tui.present.live_reload import LiveReload
from briefing.tui.present.pacing import Clock, Pace, PresentationTimer, pace
from briefing.tui.present.screens.slides import SlideScreen
from briefing.tui.present.widgets.status import ProgressLine
from briefing.tui.slide_view import SlideView
from briefing.tui.watch import FileWatcher, Stamp, stamp

if TYPE_CHECKING:
    from briefing.compose.draft import Drafting
    from briefing.tui.present.curation import Curation, CurationWritten
    from briefing.tui.present.screens.candidates import CandidatesScreen


class BriefingApp(LiveReload, App[int]):
    """Presents one outline; `deck` may be passed in when it is already composed."""

    CSS_PATH = Path(__file__).parent.parent / "briefing.tcss"  # absolute: subclasses live elsewhere
    COMMANDS: ClassVar = {BriefingCommands}  # briefing's own: no Textual "Theme", "Quit"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(k.keys, k.action, k.hint or k.help, show=False) for k in APP_KEYS
    ]

    def __init__(
        self,
        outline: Path,
        *,
        deck: Deck | None = None,
        clock: Clock = time.monotonic,
        theme: str = colours.DARK,
        watch: bool = True,
        poll_interval: float = 0.5,
        first_paint: Path | None = None,
        pending: bool = False,
        drafting: Drafting | None = None,
        outline_seen: Stamp | None = None,
    ) -> None:
        super().__init__()
        self.outline_path = Path(outline)
        # The outline as the deck was made from it (the caller's stamp from before it loaded
        # or drafted the deck): the watcher, made after the first paint, starts from this.
        self.outline_seen = outline_seen if outline_seen is not None else stamp(self.outline_path)
        if deck is None:
            from briefing.compose.cache import compose_cached

            deck = compose_cached(self.outline_path)
        self.deck = deck
        self.page = 0
        self.timer = PresentationTimer(clock)
        self.watch_files = watch
        self.poll_interval = poll_interval
        self.first_paint = first_paint  # benchmark: write the time of first paint here, exit
        # `deck` may be the outline's draft (briefing.compose.draft), composed after the first
        # frame (by `drafting`'s process if given); if it cannot be, `fatal` says why, we exit.
        self.pending, self.drafting, self._awaited = pending, drafting, drafting
        self.fatal: list[str] = []
        self.stale = False  # the outline on disk is broken; we show the last good deck
        self.reloads = 0
        self._generation = 0  # only the newest recompose may replace the deck
        self.evidence = Evidence(self.deck.sources_dir)
        self._watcher: FileWatcher | None = None
        self._watching = False
        self.curation: Curation | None = None  # made on the first `c`
        self.slides = self.make_screen(self.deck)
        self.slides.prime_time(0.0, False, False, self._pace(0.0))
        for look in colours.THEMES:
            self.register_theme(look)
        colours.start_with(self, colours.BY_SHORT_NAME.get(theme, theme))
        self.title = self.deck.title

    def run(self, **options: Any) -> int | None:
        """Run in the terminal. Everything made so far (the imported modules, the deck) lives
        as long as the process, so it is set aside from the garbage collector first: else a
        full collection that lands before the first frame walks all of it (~0.1 s), and one
        during the talk stalls a slide change."""
        gc.freeze()
        return super().run(**options)

    def make_screen(self, deck: Deck) -> SlideScreen:
        """The screen the app presents on (a subclass may show more): made once, up front."""
        return SlideScreen(deck)

    def get_default_screen(self) -> Screen:
        return self.slides

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return colours.VARIABLE_DEFAULTS

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh_time)
        if self.deck.warnings:
            self.notify(
                "\n".join(self.deck.warnings), title="Warnings", severity="warning", markup=False
            )

    def on_unmount(self) -> None:
        self.evidence.close()
        if self.drafting is not None:  # its answer is no longer wanted (and a worker waits)
            self.drafting.stop()

    # Navigation

    def show(self, page: int) -> None:
        """Go to `page` (0 = title page), clamped; the timer starts on the first move off it."""
        page = max(0, min(page, len(self.deck.slides)))
        if page != self.page and page > 0 and not self.timer.started:
            self.timer.start()
        self.page = page
        self.slides.show_page(self.deck, page)
        self.refresh_time()

    def action_next(self) -> None:
        self.show(self.page + 1)

    def action_previous(self) -> None:
        self.show(self.page - 1)

    def action_first(self) -> None:
        self.show(0)

    def action_last(self) -> None:
        self.show(len(self.deck.slides))

    def action_go(self, number: int) -> None:
        self.show(number)

    def action_scroll_down(self) -> None:
        self.slides.scroll_slide(2)

    def action_scroll_up(self) -> None:
        self.slides.scroll_slide(-2)

    def action_scroll_notes(self, direction: int) -> None:
        self.slides.scroll_notes(3 * direction)

    def on_progress_line_jump(self, message: ProgressLine.Jump) -> None:
        self.show(round(message.fraction * len(self.deck.slides)))

    def on_slide_view_shown(self, message: SlideView.Shown) -> None:
        if self.pending and not self._generation:  # composing must not delay the first frame
            self.reload()
        if self.first_paint is not None:
            self.first_paint.write_text(f"{time.time():.6f}\n", encoding="utf-8")
            self.first_paint = None
            self.exit(0)
        elif self.watch_files and not self._watching:
            self._watching = True
            self._watch_in_background()

    # Overlays: imported when first opened, so there is less to import before the first slide.

    def action_overview(self) -> None:
        from briefing.tui.present.screens.overview import OverviewScreen

        def chosen(page: int | None) -> None:
            if page is not None:
                self.show(page)

        self.push_screen(OverviewScreen(self.deck, self.page), chosen)

    def action_toggle_notes(self) -> None:
        self.slides.toggle_notes()

    def action_sources(self) -> None:
        from briefing.tui.present.screens.source import SourceScreen

        if self.page == 0:
            excerpts: tuple[Excerpt, ...] = ()
            heading = "Sources \u00b7 title page"
        else:
            slide = self.deck.slides[self.page - 1]
            excerpts = slide.excerpts
            heading = f"Sources \u00b7 slide {self.page}: {slide.title}"
        self.push_screen(SourceScreen(excerpts, heading, self.evidence.text))

    def action_search(self, query: str = "") -> None:
        from briefing.tui.present.screens.search import SearchScreen

        self.push_screen(SearchScreen(self.evidence.search, self.evidence.text, query))

    def action_candidates(self) -> None:
        from briefing.tui.present.curation import Curation  # ranking and ruamel: only when curating

        if self.curation is None:
            self.curation = Curation(self, self.outline_path, self.evidence, self.deck)
        self.curation.open(self.page)

    def on_curation_written(self, _: CurationWritten) -> None:
        if not self.poll_files():  # the watcher saw the write: it reloads, once
            self.reload()

    def on_candidates_screen_chosen(self, message: CandidatesScreen.Chosen) -> None:
        if self.curation is not None:  # write it, recompose, refresh the list
            self.curation.apply(message.action, message.choice, message.number)

    def action_help(self) -> None:
        from briefing.tui.present.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_cycle_theme(self) -> None:
        self.set_look(colours.next_theme(self.theme))

    def set_look(self, theme: str) -> None:
        self.theme = theme
        self.notify(f"Colours: {colours.LABELS.get(theme, theme)}", timeout=1.5)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Quit, help and colours act on the slides only: keys typed in an overlay act in it."""
        return action not in ("quit", "help", "cycle_theme") or self.screen is self.slides

    async def action_quit(self) -> None:
        """Quit; while the timer runs, only after the presenter confirms."""
        if not self.timer.running:
            self.exit(0)
            return
        from briefing.tui.present.screens.confirm import ConfirmQuit

        self.push_screen(ConfirmQuit(), lambda sure: self.exit(0) if sure else None)

    # Timer

    def action_toggle_timer(self) -> None:
        self.timer.toggle()
        self.refresh_time()

    def action_reset_timer(self) -> None:
        self.timer.reset()
        self.refresh_time()

    def refresh_time(self) -> None:
        """Redraw the clock and the pace; runs once a second and after every change."""
        elapsed = self.timer.elapsed
        self.slides.show_time(elapsed, self.timer.running, self.timer.started, self._pace(elapsed))

    def _pace(self, elapsed: float) -> Pace | None:
        return pace([s.minutes for s in self.deck.slides], self.page, elapsed)
