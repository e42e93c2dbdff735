"""`briefing edit OUTLINE`: the outline in an editor, the composed slide at the cursor beside it.

Typing re-checks the buffer after a short pause and marks each problem at its line; a buffer
without problems is recomposed on a worker thread, and a broken one keeps the last good
preview. Unsaved work lives in a recovery file until it is saved, so a crash loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static, TextArea

from briefing.deck import Deck
from briefing.errors import Problem, display_path
from briefing.outline.load import Outline
from briefing.tui.colours import BY_SHORT_NAME, DARK, THEMES, VARIABLE_DEFAULTS
from briefing.tui.edit.files import FileCommands
from briefing.tui.edit.preview import (
    Previewer,
    PreviewFailed,
    PreviewReady,
    check,
    slide_at,
)
from briefing.tui.edit.session import EditSession
from briefing.tui.edit.widgets import EditorStatus, OutlineArea, ProblemList
from briefing.tui.slide_view import SlideView

CHECK_DELAY = 0.3  # seconds of no typing before the buffer is checked and recomposed
KEEP_DELAY = 0.5  # seconds of no typing before unsaved text goes to the recovery file


class EditorApp(FileCommands):
    """Edits one outline; `watch` polls the file for changes made by someone else."""

    CSS_PATH = Path(__file__).parent.parent / "briefing.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save", priority=True),
        Binding("ctrl+q", "quit", "quit", priority=True),
        Binding("ctrl+r", "revert", "revert to the saved file", priority=True),
    ]

    def __init__(
        self,
        outline: Path,
        *,
        theme: str = DARK,
        watch: bool = True,
        poll_interval: float = 0.5,
        check_delay: float = CHECK_DELAY,
        keep_delay: float = KEEP_DELAY,
    ) -> None:
        super().__init__()
        self.path = Path(outline)
        self.session = EditSession(self.path)  # raises BriefingError before any screen opens
        self.shown_name = display_path(self.path)
        self.watch_file, self.poll_interval = watch, poll_interval
        self.check_delay, self.keep_delay = check_delay, keep_delay
        self.previewer = Previewer()
        self.outline: Outline | None = None  # the last buffer that checked clean
        self.problems: list[Problem] = []
        self.deck: Deck | None = None
        self.previews = 0  # decks shown so far (tests wait on it)
        self.generation = 0
        self._shown: tuple[Deck, int] | None = None
        self._debouncers: dict[str, Timer] = {}
        self._discarded = False
        restored = self.session.restorable()
        self.restored_at = restored[1] if restored else None
        self.editor = OutlineArea(restored[0] if restored else self.session.saved, id="outline")
        self.problem_list = ProblemList(id="problems")
        self.preview: SlideView | None = None  # mounted with the first composed deck
        self.preview_pane = Vertical(id="preview-pane")
        self.preview_heading = Static(id="preview-heading")
        self.status_line = EditorStatus(id="editor-status")
        for look in THEMES:
            self.register_theme(look)
        self.theme = BY_SHORT_NAME.get(theme, theme)
        self.title = f"briefing edit {self.shown_name}"

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return VARIABLE_DEFAULTS

    def compose(self) -> ComposeResult:
        with Horizontal(id="editor-main"):
            with Vertical(id="editor-pane"):
                yield self.editor
                yield self.problem_list
            with self.preview_pane:
                yield self.preview_heading
        yield self.status_line

    def on_mount(self) -> None:
        self.editor.focus()
        self.check_now()
        if self.problems and self.session.dirty(self.editor.text):
            self.preview_saved()
        if self.restored_at is not None:
            self.notify(
                f"Restored unsaved changes from {self.session.recovery.name} "
                f"({self.restored_at:%d %b %H:%M}). Ctrl+S saves them; Ctrl+R goes back "
                "to the saved file.",
                title="Recovered",
                severity="warning",
                timeout=12,
                markup=False,
            )
        elif older := self.session.older_recovery():
            self.ask_about_old_recovery(older[0], f"{older[1]:%d %b %H:%M}")
        elif self.session.stale_recovery():
            self.notify(
                f"{self.session.recovery.name} is older than the outline and was not restored; "
                "it is replaced as soon as you edit.",
                severity="warning",
                timeout=8,
                markup=False,
            )
        if self.watch_file:
            self.set_interval(self.poll_interval, self.poll_disk)

    def on_unmount(self) -> None:
        if not self._discarded and self.session.dirty(self.editor.text):
            self.keep()  # whatever ended the app, the unsaved text is in the recovery file
        self.previewer.close()

    def _later(self, name: str, delay: float, callback: Callable[[], object]) -> None:
        """Run `callback` once `delay` seconds pass without another call for `name`."""
        if (timer := self._debouncers.get(name)) is not None:
            timer.stop()
        self._debouncers[name] = self.set_timer(delay, callback)

    # Typing, checking and the preview

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._later("check", self.check_delay, self.check_now)
        self._later("keep", self.keep_delay, self.keep)
        self.show_status()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        self.show_page()

    def check_now(self) -> None:
        """Check the buffer, mark its problems; recompose it if it has none."""
        outline, self.problems = check(self.path, self.editor.text)
        self.editor.mark({p.line - 1 for p in self.problems if p.file == self.shown_name})
        self.problem_list.show(self.problems, self.shown_name)
        self.call_after_refresh(self.editor.scroll_cursor_visible)  # the list may cover it
        if outline is not None and not self.problems:
            self.outline = outline
            self.start_preview(outline)
        self.show_page()
        self.show_status()

    def preview_saved(self) -> None:
        """A restored buffer that does not check: preview the saved file until it does."""
        outline, problems = check(self.path, self.session.saved)
        if outline is not None and not problems:
            self.outline = outline
            self.start_preview(outline)

    def start_preview(self, outline: Outline) -> None:
        """Compose `outline` on the preview thread; only the newest answer is shown."""
        self.generation += 1
        work = partial(self.previewer.compose, outline, self.generation)
        self.run_worker(
            lambda: self.post_message(work()), thread=True, group="preview", exit_on_error=False
        )

    def on_preview_ready(self, message: PreviewReady) -> None:
        if message.generation == self.generation:
            self.deck = message.deck
            self.previews += 1
            self.show_page()

    def on_preview_failed(self, message: PreviewFailed) -> None:
        if message.generation == self.generation:
            self.notify(
                "\n".join(message.lines[:6]),
                title="Cannot compose: still showing the last good preview",
                severity="error",
                timeout=8,
                markup=False,
            )

    def show_page(self) -> None:
        """Show the slide whose block holds the cursor, from the newest good deck."""
        lines = self.outline.slide_lines if self.outline else ()
        page = slide_at(lines, self.editor.cursor_location[0] + 1)
        if self.deck is None:
            waiting = "No preview: the outline has problems" if self.problems else "Composing"
            self.preview_heading.update(Content(f" {waiting}\u2026"))
            return
        page = min(page, len(self.deck.slides))
        if self.preview is None:  # it opens on the title page; other pages once it is mounted
            self.preview = SlideView(self.deck, id="preview")
            self._shown = (self.deck, 0)
            self.preview_pane.mount(self.preview)
            self.call_after_refresh(self.show_page)
        elif self._shown != (self.deck, page):
            self._shown = (self.deck, page)
            self.preview.show(self.deck, page)
        where = (
            f"Slide {page} of {len(self.deck.slides)}: {self.deck.slides[page - 1].title}"
            if page
            else "Title page"
        )
        stale = " \u00b7 last good version" if self.problems else ""
        self.preview_heading.update(Content.assemble((f" {where}", "bold"), (stale, "bold $error")))
        self.preview_heading.set_class(bool(self.problems), "-stale")

    def show_status(self) -> None:
        """Redraw the status line: file, unsaved or not, problem count."""
        self.status_line.show(self.shown_name, self.dirty, len(self.problems))

    def on_problem_list_go(self, message: ProblemList.Go) -> None:
        self.editor.move_cursor((message.line - 1, max(0, message.column - 1)))
        self.editor.focus()
