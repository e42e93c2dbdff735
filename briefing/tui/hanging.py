"""A mark and a text that wraps beside it, never under it (a bullet, a slide number), drawn by
one widget: a slide holds a few widgets instead of three per bullet, and a slide change lays
out, messages and paints that many fewer (issue 13's one-frame switch)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static


class Hanging(Visual):
    """`mark` in a column `indent` cells wide, `text` wrapped in the rest of the width."""

    def __init__(self, mark: Content, text: Content, indent: int) -> None:
        self.mark, self.text, self.indent = mark, text, indent

    def __str__(self) -> str:
        return f"{self.mark.plain} {self.text.plain}"

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        indent = min(self.indent, width)
        marks = self.mark.render_strips(indent, None, style, options)
        texts = self.text.render_strips(width - indent, None, style, options)
        pad = style.rich_style
        blank = Strip.blank(indent, pad)
        lines = [
            Strip.join(
                [marks[n].extend_cell_length(indent, pad) if n < len(marks) else blank, text]
            )
            for n, text in enumerate(texts)
        ]
        return lines if height is None else lines[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.text.get_optimal_width(rules, container_width - self.indent)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return max(1, self.text.get_height(rules, max(1, width - self.indent)))


def hanging(mark: Content, text: Content, indent: int, classes: str) -> Static:
    """A Static showing `mark` with `text` hanging beside it."""
    return Static(Hanging(mark, text, indent), classes=classes)
