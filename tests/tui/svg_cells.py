"""Compare two snapshot SVGs cell by cell: character, background, and the colour and weight of
every non-blank character. Class names and styles on blank cells, which `--snapshot-update`
diffs show but nobody can see, are ignored; use it to show an updated snapshot looks the same.

    python -m tests.tui.svg_cells OLD.svg NEW.svg
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

CELL_W, CELL_H = 12.2, 24.4  # Rich's SVG export: a cell's width and line height

Cell = dict[str, str]


def cells(svg: str) -> dict[tuple[int, int], Cell]:
    """(row, column) -> the cell's character, background and visible style."""
    # Textual's SVGs name style classes "terminal-1234-r5" in older versions, "terminal-r5" now.
    svg = re.sub(r"terminal-(?:\d+-)?(?=r\d)", "T-", svg)
    styles = dict(re.findall(r"\.T-(r\d+) \{ ([^}]*) \}", svg))
    grid: dict[tuple[int, int], Cell] = {}
    rect = r'<rect fill="(#[0-9a-f]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+"'
    for fill, x, y, width in re.findall(rect + ' shape-rendering="crispEdges"/>', svg):
        row, first = round((float(y) - 1.5) / CELL_H), round(float(x) / CELL_W)
        for col in range(first, first + round(float(width) / CELL_W)):
            grid.setdefault((row, col), {})["bg"] = fill
    text = (
        r'<text class="T-(r\d+)" x="([\d.]+)" y="([\d.]+)" textLength="[\d.]+" [^>]*>([^<]*)</text>'
    )
    for cls, x, y, chars in re.findall(text, svg):
        row, first = round((float(y) - 20) / CELL_H), round(float(x) / CELL_W)
        for i, ch in enumerate(html.unescape(chars).replace("\u00a0", " ")):
            cell = grid.setdefault((row, first + i), {})
            cell["ch"], cell["style"] = ch, styles.get(cls, "") if ch != " " else ""
    if "<text" in svg and not any("ch" in c for c in grid.values()):
        raise ValueError("no characters read from the SVG: has its format changed?")
    return grid


def differences(old: str, new: str) -> list[tuple[tuple[int, int], Cell, Cell]]:
    a, b = cells(old), cells(new)
    return [
        (k, a.get(k, {}), b.get(k, {})) for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)
    ]


if __name__ == "__main__":
    found = differences(Path(sys.argv[1]).read_text(), Path(sys.argv[2]).read_text())
    for where, before, after in found[:20]:
        print(where, before, "->", after)
    print(f"{len(found)} cells differ")
    sys.exit(1 if found else 0)
