"""Every slide at a glance, to jump to any of them: the answer to "go back to the chips one"."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.deck import Deck, Slide
from briefing.tui.present.keys import past_the_end


def describe(slide: Slide) -> str:
    """The second line of an entry: what the slide holds and its time budget."""
    parts = []
    if slide.bullets:
        parts.append(f"{len(slide.bullets)} point{'s' * (len(slide.bullets) != 1)}")
    if slide.theme:
        n = len(slide.excerpts)
        parts.append(f"{n} excerpt{'s' * (n != 1)} on {slide.theme_title or slide.theme}")
    if slide.minutes:
        parts.append(f"{slide.minutes:g} min")
    return " \u00b7 ".join(parts) or "empty"


def entries(deck: Deck) -> list[Option]:
    """The title page as entry 0, then one two-line entry per slide."""
    options = [
        Option(
            Content.assemble(
                ("  0  ", "$foreground-muted"),
                ("Title page", "bold"),
                "\n     ",
                (deck.title, "$foreground-muted"),
            ),
            id="page-0",
        )
    ]
    for number, slide in enumerate(deck.slides, 1):
        options.append(
            Option(
                Content.assemble(
                    (f"{number:>3}  ", "bold $accent"),
                    (slide.title, "bold"),
                    "\n     ",
                    (describe(slide), "$foreground-muted"),
                ),
                id=f"page-{number}",
            )
        )
    return options


class OverviewScreen(Screen[int | None]):
    """Dismisses with the chosen page, or None when closed with Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "dismiss(None)", "back", show=False),
    ]

    def __init__(self, deck: Deck, page: int) -> None:
        super().__init__()
        self.deck = deck
        self.page = page
        self.digits = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-box"):
            yield Static(Content(f"Overview \u00b7 {self.deck.title}"), classes="screen-heading")
            yield OptionList(*entries(self.deck), id="overview-list")
            yield Static(
                Content("\u2191\u2193 choose \u00b7 Enter go \u00b7 Esc back"),
                classes="screen-hint",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.page
        options.focus()

    def on_key(self, event: events.Key) -> None:
        """Typing a slide number highlights it; Enter then goes there."""
        if not (event.character and event.character.isdigit()):
            return
        event.stop()
        self.digits = (self.digits + event.character)[-4:]
        if past_the_end(self, int(self.digits), len(self.deck.slides)):
            self.digits = ""
        else:
            self.query_one(OptionList).highlighted = int(self.digits)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)
