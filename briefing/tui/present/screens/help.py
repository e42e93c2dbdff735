"""`?`: every key, generated from the same table as the bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from briefing.tui.present.keys import APP_KEYS, CANDIDATE_KEYS, OTHER_KEYS, SLIDE_KEYS, SOURCE_KEYS


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) in sections; a section title has empty keys and starts with #."""
    rows = [("#", "Presenting")]
    rows += [(k.shown, k.help) for k in (*SLIDE_KEYS, *APP_KEYS) if k.in_help]
    rows += [("#", "Also"), *OTHER_KEYS, ("#", "In the source view"), *SOURCE_KEYS]
    rows += [("#", "In the candidate list (c)"), ("\u2191 \u2193", "highlight an excerpt")]
    rows += [(k.shown, k.help) for k in CANDIDATE_KEYS]
    rows.append(("", "a choice is written into the outline at once, and the deck recomposed"))
    rows += [
        ("#", "Timer and reload"),
        ("", "the timer starts on the first move off the title page, or with t"),
        ("", "the footer shows how far ahead or behind the slides' minutes you are"),
        ("", "saving the outline, a theme or a source recomposes the deck"),
    ]
    return rows


def help_widgets() -> list[Widget]:
    """Two columns that wrap properly: a row per key, a heading per section."""
    widgets: list[Widget] = []
    for keys, what in help_rows():
        if keys == "#":
            widgets.append(Static(Content(what), classes="help-section"))
        else:
            widgets.append(
                Horizontal(
                    Static(Content(keys), classes="help-keys"),
                    Static(Content(what), classes="help-what"),
                    classes="help-row",
                )
            )
    return widgets


class HelpScreen(ModalScreen[None]):
    """A box over the slide: Esc or ? closes it, q still quits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "close", show=False)
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            yield from help_widgets()
