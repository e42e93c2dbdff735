"""The footer: where we are (n/N and a progress line), the marking, the clock and the pace,
and below it the keys that matter, trimmed to the terminal's width."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from briefing.tui.present.keys import footer_hints
from briefing.tui.present.pacing import AHEAD, BEHIND, Pace, format_duration


class OnePass:
    """A footer part whose size change needs no second layout pass of the whole screen: the
    pass that resized it placed it already (Textual asks for another whenever a size moves)."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc]


class Part(OnePass, Static):
    """One piece of text in the footer."""


class ProgressLine(OnePass, Widget):
    """A thin bar filled to the current page; clicking it jumps there."""

    fraction: reactive[float] = reactive(0.0)

    class Jump(Message):
        """The briefer clicked a point of the bar: go to that share of the deck."""

        def __init__(self, fraction: float) -> None:
            super().__init__()
            self.fraction = fraction

    def render(self) -> Content:
        width = self.size.width
        done = round(self.fraction * width)
        return Content.assemble(
            ("\u2501" * done, "$primary"), ("\u2500" * (width - done), "$foreground 25%")
        )

    def on_click(self, event: events.Click) -> None:
        if self.size.width:
            self.post_message(self.Jump(event.x / max(1, self.size.width - 1)))


def put(widget: Static, text: str) -> None:
    """Update a part only when its text changes, and re-lay the line out only when its width
    changes: the footer is redrawn on every slide change and every second."""
    old = getattr(widget, "_briefing_text", None)
    if text != old:
        widget.update(Content(text), layout=old is None or len(text) != len(old))
        widget._briefing_text = text  # type: ignore[attr-defined]


class StatusBar(Horizontal):
    """One line of state the briefer glances at; every part keeps its natural width."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.position = Part(id="position")
        self.progress = ProgressLine(id="progress")
        self.marking = Part(id="marking")
        self.jump = Part(id="jump")
        self.stale = Part("\u26a0 outline error: last good deck", id="stale")
        self.clock = Part(id="clock")
        self.pace = Part(id="pace")

    def compose(self) -> ComposeResult:
        yield from (
            self.position,
            self.progress,
            self.marking,
            self.jump,
            self.stale,
            self.clock,
            self.pace,
        )

    def show_position(self, page: int, total: int) -> None:
        label = "title" if page == 0 else f"{page}/{total}"
        put(self.position, f" {label} ")
        self.progress.fraction = page / total if total else 0.0

    def show_marking(self, marking: str | None) -> None:
        put(self.marking, f" {marking} " if marking else "")
        self.marking.display = bool(marking)

    def show_jump(self, digits: str) -> None:
        put(self.jump, f" go to {digits}_ " if digits else "")
        self.jump.display = bool(digits)

    def show_stale(self, stale: bool) -> None:
        self.stale.display = stale

    def show_time(self, elapsed: float, running: bool, started: bool, pace: Pace | None) -> None:
        state = "" if running else (" paused" if started else " (t starts)")
        put(self.clock, f" {format_duration(elapsed)}{state} ")
        self.clock.set_class(not running, "-paused")
        self.pace.display = pace is not None
        if pace is not None:
            arrow = {AHEAD: "\u25b2 ", BEHIND: "\u25bc "}.get(pace.status, "")
            put(self.pace, f" {arrow}{pace.label()} ")
            self.pace.set_class(pace.status == AHEAD, "-ahead")
            self.pace.set_class(pace.status == BEHIND, "-behind")


class KeyHints(Widget):
    """The most useful keys, as many as fit the width it is drawn at; `?` lists them all."""

    def render(self) -> Content:
        parts = [
            Content.assemble((f" {key}", "bold $primary"), f" {label} ")
            for key, label in footer_hints(max(0, self.size.width - 2))
        ]
        return Content("").join(parts)
