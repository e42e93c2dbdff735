"""`q` while the timer runs: "End the briefing?", so a stray key never ends a live talk."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

QUESTION = "End the briefing?  q, y or Enter: quit \u00b7 Esc or n: keep presenting"


class ConfirmQuit(ModalScreen[bool]):
    """Dismisses with True to quit, False to keep presenting; every other key is ignored."""

    DEFAULT_CSS = """
    ConfirmQuit { align: center middle; }
    #confirm-box {
        width: auto; max-width: 90%; height: auto;
        border: round $error; padding: 1 2; background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,y,enter", "dismiss(True)", "quit", show=False),
        Binding("escape,n", "dismiss(False)", "keep presenting", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = "The timer is running"
            yield Static(Content(QUESTION), id="confirm-question")
