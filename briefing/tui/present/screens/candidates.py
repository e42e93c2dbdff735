"""`c`: the candidates of a theme slide, to pin, exclude, unpin or un-exclude them.

The screen only shows rows and reports the analyst's choice with a `Chosen` message; the app
writes it into the outline, recomposes, and hands back fresh rows with `show_rows`.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static

from briefing.deck import display_quote
from briefing.tui.present.candidates import Choice
from briefing.tui.present.keys import CANDIDATE_KEYS
from briefing.tui.present.widgets.candidate_list import CandidateList
from briefing.tui.present.widgets.passage import Scroller

CHOICES = [f"{k.shown} {k.hint}" for k in CANDIDATE_KEYS if k.action.startswith("choose")]
HINT = " \u00b7 ".join([*CHOICES, "\u2191\u2193 choose", "Esc back"])


def detail(choice: Choice) -> Content:
    """The whole quote, where it is, and how its score was made."""
    if choice.start is None:
        where = f"{choice.source} \u00b7 this quote is no longer in the source"
    else:
        where = f"{choice.source} \u00b7 characters {choice.start}\u2013{choice.end}"
    parts: list[str | tuple[str, str]] = [
        (choice.citation, "bold"),
        "\n",
        (where, "$foreground-muted"),
    ]
    if choice.score is not None:
        parts += [
            "\n",
            (
                f"rank {choice.rank} \u00b7 score {choice.score:.3f} = relevance "
                f"{choice.relevance:.2f} \u00d7 quality, length and context priors "
                f"(quality {choice.quality:.2f})",
                "$foreground-muted",
            ),
        ]
    if choice.terms:
        parts += ["\n", (f"matched: {', '.join(choice.terms)}", "$foreground-muted")]
    parts += ["\n\n", f"\u201c{display_quote(' '.join(choice.quote.split()))}\u201d"]
    return Content.assemble(*parts)


class CandidatesScreen(Screen[None]):
    """The ranked excerpts of slide `number`, pinned first and exclusions last."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(k.keys, k.action, k.hint, show=False) for k in CANDIDATE_KEYS
    ]

    class Chosen(Message):
        """The analyst wants `action` ('pin', 'exclude', 'unpin', 'unexclude') applied to
        `choice` on slide `number`."""

        def __init__(self, action: str, choice: Choice, number: int) -> None:
            super().__init__()
            self.action, self.choice, self.number = action, choice, number

    def __init__(self, number: int, heading: str, rows: list[Choice]) -> None:
        super().__init__()
        self.number = number
        self.heading = heading
        self.list = CandidateList(rows, id="candidate-list")
        self.detail = Static(id="candidate-detail")

    def compose(self) -> ComposeResult:
        yield Static(Content(self.heading), classes="screen-heading")
        yield self.list
        with Scroller(id="candidate-pane"):
            yield self.detail
        yield Static(Content(HINT), classes="screen-hint")

    def on_mount(self) -> None:
        self.list.focus()
        self._show_detail()

    def show_rows(self, rows: list[Choice]) -> None:
        """Fresh rows after a write or a reload; the highlighted excerpt stays highlighted."""
        self.list.show(rows)
        self._show_detail()

    def _show_detail(self) -> None:
        choice = self.list.current
        empty = Content("No candidates: no passage in the sources matches this theme.")
        self.detail.update(detail(choice) if choice else empty)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def action_choose(self, action: str) -> None:
        """Report `action` on the highlighted excerpt; 'undo' unpins or un-excludes it."""
        choice = self.list.current
        if choice is None:
            return
        if action == "undo":
            if not (choice.pinned or choice.excluded):
                self.notify("This excerpt is neither pinned nor excluded", timeout=3)
                return
            action = "unpin" if choice.pinned else "unexclude"
        self.post_message(self.Chosen(action, choice, self.number))
