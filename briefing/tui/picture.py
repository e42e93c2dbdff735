"""A page's picture: the lines a laid-out page painted, kept so that showing the page again is
one widget's lines swapped, not its widgets shown, laid out and painted again (issue 13's
one-frame slide switch)."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def picture(page: Widget) -> list[Strip]:
    """Every line of `page` as it is painted now, from the top of its region to its bottom
    (scrolled out of view or not): its own blank lines, each displayed child's lines over them.
    No lines when the page or a child has not been laid out since it was last displayed."""
    width, height = page.outer_size
    shown = [child for child in page.children if child.display]
    regions = [child.region for child in shown]
    laid_out = [bool(r) and r.size == c.outer_size for c, r in zip(shown, regions, strict=True)]
    if not page.region or not all(laid_out):
        return []
    origin = page.region.offset
    lines = [Strip.blank(width, page.visual_style.rich_style)] * height
    for child, region in zip(shown, regions, strict=True):
        x, y = region.x - origin.x, region.y - origin.y
        strips = child.render_lines(Region(0, 0, region.width, region.height))
        for row, strip in enumerate(strips, y):
            if 0 <= row < height:
                line = lines[row]
                lines[row] = Strip.join(
                    [line.crop(0, x), strip, line.crop(x + region.width, width)]
                )
    return lines


class Picture(Widget):
    """Shows the lines of a page painted earlier, at that page's size and place."""

    def __init__(self) -> None:
        super().__init__(classes="page-picture")
        self._lines: list[Strip] = []

    def show(self, lines: list[Strip]) -> None:
        """Show `lines`; a new layout only when their size differs from the last ones'."""
        self._lines = lines
        self.styles.width = lines[0].cell_length if lines else 0
        self.styles.height = len(lines)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The kept lines as they are: they were styled and filtered when first painted, and
        going through this widget's own styling again would cost a frame's worth of work."""
        lines = self._lines[crop.y : crop.bottom]
        if len(lines) < crop.height:  # between a size change and its layout
            lines = lines + [Strip.blank(crop.width)] * (crop.height - len(lines))
        return [line.crop(crop.x, crop.right) for line in lines]
