"""A question with a few answers, over the editor: "Save anyway?", "Save before quitting?"."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

Answer = tuple[str, str]  # (id the dialog dismisses with, button label)


class Ask(ModalScreen[str]):
    """Dismisses with the id of the chosen answer; Esc answers "cancel"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss('cancel')", "cancel", show=False),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, answers: list[Answer], *, title: str = "") -> None:
        super().__init__()
        self.question = question
        self.answers = answers
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-box") as box:
            box.border_title = self.heading
            yield Static(Content(self.question), id="ask-question")
            with Horizontal(id="ask-buttons"):
                for n, (answer, label) in enumerate(self.answers):
                    variant = "primary" if n == 0 else "default"
                    yield Button(label, id=f"ask-{answer}", variant=variant)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "ask-cancel").removeprefix("ask-"))
