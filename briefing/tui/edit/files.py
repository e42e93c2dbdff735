"""The editor's file commands: save (asking first when the buffer has problems or the file
changed on disk), quit (asking about unsaved changes), revert, the recovery file, and taking
in changes someone else saved while the buffer is clean."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual.app import App

from briefing.errors import BriefingError
from briefing.tui.edit.dialogs import Answer, Ask
from briefing.tui.edit.preview import check
from briefing.tui.edit.session import EditSession
from briefing.tui.edit.widgets import OutlineArea


class FileCommands(App[int]):
    """The half of the editor app that deals with the file; the app adds the panes."""

    path: Path
    session: EditSession
    editor: OutlineArea
    shown_name: str
    _discarded: bool

    @property
    def dirty(self) -> bool:
        """The buffer differs from the file as last loaded or saved."""
        return self.session.dirty(self.editor.text)

    def check_now(self) -> None:
        """Check the buffer and refresh everything that shows it (the app's business)."""
        raise NotImplementedError

    def show_status(self) -> None:
        """Redraw the status line (the app's business)."""
        raise NotImplementedError

    def keep(self) -> None:
        """Put unsaved text in the recovery file (or remove it when nothing is unsaved)."""
        try:
            self.session.keep(self.editor.text)
        except BriefingError as exc:
            self.notify(str(exc), title="No recovery file", severity="error", markup=False)

    def ask(self, question: str, answers: list[Answer], then: Callable[[str], None]) -> None:
        """Ask in a dialog; `then` gets the chosen answer's id ('cancel' on Esc)."""
        self.push_screen(Ask(question, answers, title=self.shown_name), partial(_answer, then))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a dialog is open, Ctrl+S, Ctrl+Q and Ctrl+R wait: one question at a time."""
        return action not in ("save", "quit", "revert") or not isinstance(self.screen, Ask)

    def ask_about_old_recovery(self, text: str, when: str) -> None:
        """A recovery file older than the outline: which to keep? Until answered, it is held."""
        self.session.held = True

        def answered(answer: str) -> None:
            if answer == "cancel":
                self.notify(
                    f"{self.session.recovery.name} is kept as it is until you choose; "
                    "reopen the outline to choose.",
                    severity="warning",
                    timeout=8,
                    markup=False,
                )
                return
            self.session.held = False
            if answer == "restore":
                self.load(text)
                self.keep()
            else:
                self.keep()  # nothing unsaved: the old recovery file is dropped, as chosen

        self.ask(
            f"{self.session.recovery.name} holds unsaved changes from {when}, but "
            f"{self.shown_name} was saved after that. Which do you want to keep?",
            [("outline", "The saved outline"), ("restore", "The unsaved changes")],
            answered,
        )

    def action_save(self, then_quit: bool = False) -> None:
        """Save; a buffer with problems, or a file changed on disk, is saved only if confirmed."""
        text = self.editor.text
        _, problems = check(self.path, text)

        def overwrite_checked(answer: str = "save") -> None:
            if answer != "save":
                return
            if self.session.disk_differs():
                self.ask(
                    f"{self.shown_name} changed on disk since you opened it. "
                    "Replace it with your version?",
                    [("save", "Replace it"), ("cancel", "Cancel")],
                    partial(self._write, text, then_quit),
                )
            else:
                self._write(text, then_quit)

        if problems:
            count = len(problems)
            self.ask(
                f"The outline has {count} problem{'s' * (count != 1)}. Save anyway?",
                [("save", "Save anyway"), ("cancel", "Cancel")],
                overwrite_checked,
            )
        else:
            overwrite_checked()

    def _write(self, text: str, then_quit: bool, answer: str = "save") -> None:
        if answer != "save":
            return
        try:
            self.session.save(text, buffer=self.editor.text)
        except BriefingError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return
        self.notify(f"Saved {self.shown_name}", timeout=2, markup=False)
        self.show_status()
        if then_quit:
            self.exit(0)

    async def action_quit(self) -> None:
        """Quit; with unsaved changes, ask first: save, discard or cancel."""
        if not self.dirty:
            self.exit(0)
            return

        def answered(answer: str) -> None:
            if answer == "save":
                self.action_save(then_quit=True)
            elif answer == "discard":
                self._discarded = True
                self.session.discard_recovery()
                self.exit(0)

        self.ask(
            f"Save your changes to {self.shown_name} before quitting?",
            [("save", "Save"), ("discard", "Discard"), ("cancel", "Cancel")],
            answered,
        )

    def action_revert(self) -> None:
        """Go back to the file on disk, dropping unsaved changes (after asking)."""

        def answered(answer: str) -> None:
            if answer == "revert":
                try:
                    self.session.adopt(self.session.reread())
                    self.session.discard_recovery()
                except BriefingError as exc:
                    self.notify(str(exc), title="Not reverted", severity="error", markup=False)
                    return
                self.load(self.session.saved)

        if self.dirty:
            self.ask(
                f"Drop your unsaved changes and reload {self.shown_name} from disk?",
                [("revert", "Reload from disk"), ("cancel", "Cancel")],
                answered,
            )
        else:
            answered("revert")

    def load(self, text: str) -> None:
        """Replace the buffer, keeping the cursor where it was as far as the text allows."""
        row, column = self.editor.cursor_location
        self.editor.load_text(text)
        self.editor.move_cursor((min(row, self.editor.document.line_count - 1), column))
        self.check_now()

    def poll_disk(self) -> None:
        """Someone else saved the outline: take it if we have no changes, else say so."""
        text = self.session.changed_on_disk()
        if text is None:
            return
        if self.dirty:
            self.notify(
                f"{self.shown_name} changed on disk. Your unsaved changes are kept; saving "
                "asks before replacing the file, Ctrl+R reloads it.",
                title="Changed on disk",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        self.session.adopt(text)
        self.load(text)
        self.notify(f"Reloaded {self.shown_name}: it changed on disk", timeout=3, markup=False)


def _answer(then: Callable[[str], None], answer: str | None) -> None:
    then(answer or "cancel")
