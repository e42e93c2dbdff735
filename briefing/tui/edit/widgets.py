"""The editor's widgets: the outline text area that marks lines with problems, the list of
problems under it, and the one-line status at the bottom."""

from __future__ import annotations

from importlib.util import find_spec
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Offset
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from briefing.errors import Problem


def yaml_language() -> str | None:
    """ "yaml" when tree-sitter and its YAML grammar are installed (Textual's `syntax` extra),
    else None: the outline is then edited as plain text, which works the same."""
    return "yaml" if find_spec("tree_sitter") and find_spec("tree_sitter_yaml") else None


class OutlineArea(TextArea):
    """A YAML text area with line numbers whose problem lines are marked in the gutter and
    tinted, so a problem is visible where it is, not only in the list below."""

    COMPONENT_CLASSES: ClassVar[set[str]] = TextArea.COMPONENT_CLASSES | {
        "outline-area--problem",
        "outline-area--problem-gutter",
    }

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(
            text,
            language=yaml_language(),
            soft_wrap=True,
            tab_behavior="indent",
            show_line_numbers=True,
            id=id,
        )
        self.indent_width = 2
        self.problem_rows: frozenset[int] = frozenset()  # 0-based document lines

    def mark(self, rows: set[int]) -> None:
        """Mark these 0-based lines as having problems (and unmark the rest)."""
        rows = frozenset(rows)
        if rows != self.problem_rows:
            self.problem_rows = rows
            self.refresh()

    def render_line(self, y: int) -> Strip:
        """The text area's line, tinted (gutter and text) when its document line has a problem."""
        strip = super().render_line(y)
        if not self.problem_rows:
            return strip
        absolute = self.scroll_offset.y + y
        if absolute >= self.wrapped_document.height:
            return strip
        row, _ = self.wrapped_document.offset_to_location(Offset(0, absolute))
        if row not in self.problem_rows:
            return strip
        gutter = self.gutter_width
        mark = self.get_component_rich_style("outline-area--problem-gutter", partial=True)
        tint = self._tint()
        left = [Segment(t, (s + mark) if s else mark) for t, s, _ in strip.crop(0, gutter)]
        right = [Segment(t, (s + tint) if s else tint) for t, s, _ in strip.crop(gutter)]
        return Strip([*left, *right], strip.cell_length)

    def _tint(self) -> Style:
        """The problem line's background, blended over the text area's own (rich styles
        cannot carry the transparency the stylesheet gives it)."""
        overlay = self.get_component_styles("outline-area--problem").background
        return Style(bgcolor=(self.background_colors[1] + overlay).rich_color)


class ProblemList(OptionList):
    """`LINE:COL message` per problem; choosing one puts the cursor on it."""

    class Go(Message):
        """Move the editor's cursor to this 1-based line and column."""

        def __init__(self, line: int, column: int) -> None:
            super().__init__()
            self.line, self.column = line, column

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.problems: list[Problem] = []

    def show(self, problems: list[Problem], outline_file: str) -> None:
        """List the problems; those in other files (a theme) keep their file name."""
        self.problems = list(problems)
        self.clear_options()
        for p in self.problems:
            where = f"{p.line}:{p.column}" if p.file == outline_file else f"{p.file}:{p.line}"
            self.add_option(Option(Content.assemble((f"{where:>7} ", "bold $error"), p.message)))
        self.display = bool(self.problems)
        self.border_title = f"{len(self.problems)} problem{'s' * (len(self.problems) != 1)}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        problem = self.problems[event.option_index]
        self.post_message(self.Go(problem.line, problem.column))


class EditorStatus(Static):
    """File name and state on the left, the keys that matter on the right."""

    KEYS = "ctrl+s save \u00b7 ctrl+r revert \u00b7 ctrl+q quit"

    def show(self, name: str, dirty: bool, problems: int) -> None:
        """Show the file, whether it has unsaved changes, and how many problems it has."""
        state = ("  \u25cf unsaved", "bold $warning") if dirty else ("  saved", "$success")
        count = (
            (f"  {problems} problem{'s' * (problems != 1)}", "bold $error")
            if problems
            else ("  no problems", "$foreground-muted")
        )
        self.update(
            Content.assemble(
                (f" {name}", "bold"),
                state,
                count,
                ("  \u00b7  " + self.KEYS, "$foreground-muted"),
            )
        )
