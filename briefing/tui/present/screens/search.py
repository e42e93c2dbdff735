"""`/`: search every source during questions, preview hits in their paragraph, and put the
chosen one on screen in the source view."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.deck import Excerpt
from briefing.errors import BriefingError
from briefing.tui.present.screens.source import SourceScreen, TextFor
from briefing.tui.present.widgets.passage import PassageCard, Scroller

Search = Callable[[str], list[Excerpt]]
DEBOUNCE = 0.25  # seconds of no typing before searching as you type
SNIPPET = 170


def snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1].rstrip() + "\u2026"


class SearchScreen(Screen[None]):
    """Type, see hits as you type; ↓ to the list, Enter to show one on screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "back", show=False),
        Binding("down", "focus_results", show=False),
    ]

    def __init__(self, search: Search, text_for: TextFor, query: str = "") -> None:
        super().__init__()
        self.search = search
        self.text_for = text_for
        self.initial = query
        self.hits: list[Excerpt] = []
        self.query_text = ""
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Search the sources"), classes="screen-heading")
        yield Input(self.initial, placeholder='words, or "a phrase"', id="search-input")
        yield Static(id="search-count")
        yield OptionList(id="search-results")
        yield Scroller(id="search-preview")
        hint = "Enter search / show on screen \u00b7 \u2191\u2193 choose \u00b7 Esc back"
        yield Static(Content(hint), classes="screen-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.initial:
            self.run_search(self.initial)

    def on_key(self, event: events.Key) -> None:
        """Typing while the hit list has focus goes on typing in the query box."""
        box = self.query_one(Input)
        if event.is_printable and event.character and self.focused is not box:
            event.stop()
            event.prevent_default()
            box.select_on_focus = False  # go on typing: do not select the query to replace it
            box.focus()
            box.cursor_position = len(box.value)
            box.insert_text_at_cursor(event.character)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE, lambda: self.run_search(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
        self.run_search(event.value)
        self.action_focus_results()

    def run_search(self, query: str) -> None:
        """Search now and list the hits; the first one is previewed."""
        query = query.strip()
        if query == self.query_text:
            return
        self.query_text = query
        try:
            self.hits = self.search(query) if query else []
        except BriefingError as exc:
            self.hits = []
            self.notify(str(exc), title="Search failed", severity="error", markup=False)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(
            Option(
                Content.assemble(
                    (f"[{n}] {hit.citation}", "bold $primary"),
                    "\n",
                    (snippet(hit.text), "$foreground"),
                )
            )
            for n, hit in enumerate(self.hits, 1)
        )
        count = len(self.hits)
        label = f"{count} hit{'s' * (count != 1)} for \u201c{query}\u201d" if query else ""
        self.query_one("#search-count", Static).update(Content(label))
        if self.hits:
            results.highlighted = 0
        self.preview(0 if self.hits else None)

    def preview(self, index: int | None) -> None:
        pane = self.query_one("#search-preview", Scroller)
        pane.remove_children()
        if index is not None and index < len(self.hits):
            pane.mount(PassageCard(index + 1, self.hits[index]))

    def action_focus_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.preview(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        hit = self.hits[event.option_index]
        heading = f"Search \u00b7 \u201c{self.query_text}\u201d \u00b7 hit {event.option_index + 1}"
        self.app.push_screen(SourceScreen((hit,), heading, self.text_for))
