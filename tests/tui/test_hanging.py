"""A bullet's or a heading's text wraps beside its mark, never under it, in one widget."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from briefing.tui.hanging import hanging

WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"


class One(App[None]):
    def __init__(self, indent: int) -> None:
        super().__init__()
        self.indent = indent

    def compose(self) -> ComposeResult:
        yield hanging(Content("42"), Content(WORDS), self.indent, "x")


async def test_the_text_hangs_beside_the_mark():
    app = One(indent=4)
    async with app.run_test(size=(24, 10)) as pilot:
        await pilot.pause()
        widget = app.query_one(".x")
        strips = [widget.render_line(y) for y in range(widget.size.height)]
        text = [strip.text for strip in strips]
        assert len(text) > 1  # it wrapped; and (below) no line is blank: as tall as its text
        assert text[0].startswith("42  one")
        assert all(line.startswith("    ") and line.strip() for line in text[1:])
        assert " ".join(" ".join(text).split()) == f"42 {WORDS}"  # nothing lost or repeated
