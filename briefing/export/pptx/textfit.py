"""Measure and wrap text with Carlito's real advance widths, so laid-out text never overflows.

Pure: no pptx import. python-pptx cannot measure text (its autofit does nothing until
PowerPoint re-edits the file), so the layout is computed here from the metrics table that
tools/gen_font_metrics.py extracts from the Carlito TTFs.

Decks name the font "Calibri": PowerPoint renders Calibri natively, and LibreOffice
substitutes Carlito, which is metric-compatible (same advance widths, same line height), so
one measurement holds for both. Naming "Carlito" would make PowerPoint on machines without
it fall back to a font with different widths, and the layout guarantee would be lost.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

FONT_NAME = "Calibri"
METRICS_FILE = Path(__file__).resolve().parent / "fonts" / "carlito-metrics.json"

# Safety margins: renderers round, hint and may break lines a little differently.
WIDTH_SLACK = 0.97  # use 97% of a line's measured room
LINE_SLACK = 1.03  # lines 3% taller than the font's own line height
UNKNOWN_ADVANCE = 1.0  # em: a character outside the table (CJK...) counts a full em wide


class Metrics:
    """Advance widths (in em) per style, and the font's line height (in em)."""

    def __init__(self, table: dict[str, object]) -> None:
        upm = float(table["units_per_em"])  # type: ignore[arg-type]
        self.line_height = (table["ascent"] + table["descent"]) / upm  # type: ignore[operator]
        self.styles: dict[str, dict[str, float]] = {}
        for name, style in table["styles"].items():  # type: ignore[attr-defined]
            widths: dict[str, float] = {}
            for first, advances in style["runs"]:
                for offset, advance in enumerate(advances):
                    widths[chr(first + offset)] = advance / upm
            self.styles[name] = widths
        self._words: dict[tuple[str, str], float] = {}

    def em_width(self, text: str, style: str = "regular") -> float:
        """Width of `text` in em (multiply by the size in points for points); no kerning,
        which only ever narrows Carlito's text, so the estimate errs on the wide side."""
        key = (text, style)
        width = self._words.get(key)
        if width is None:
            widths = self.styles[style]
            width = self._words[key] = sum(widths.get(ch, UNKNOWN_ADVANCE) for ch in text)
        return width


@cache
def metrics() -> Metrics:
    """The shipped Carlito table, loaded once per process."""
    return Metrics(json.loads(METRICS_FILE.read_text(encoding="utf-8")))


def style_key(bold: bool, italic: bool) -> str:
    """The metrics table's name for a weight and slant."""
    return {(False, False): "regular", (True, False): "bold", (False, True): "italic"}.get(
        (bold, italic), "bolditalic"
    )


@dataclass(frozen=True)
class Para:
    """One paragraph as it will be set: text, size in points, weight, indent and spacing."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    indent: float = 0.0  # left margin in points (bullets hang their marker in it)
    space_before: float = 0.0  # points

    @property
    def style(self) -> str:
        return style_key(self.bold, self.italic)


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width of `text` in points at `size` points."""
    return metrics().em_width(text, style_key(bold, italic)) * size


def line_height(size: float) -> float:
    """Height of one single-spaced line in points, with the safety margin."""
    return metrics().line_height * size * LINE_SLACK


def wrap(
    text: str, width: float, size: float, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Greedy word wrap into lines no wider than `width` points, as renderers wrap: at spaces,
    and inside a word only when the word alone is wider than the line."""
    m, style = metrics(), style_key(bold, italic)
    room = width * WIDTH_SLACK / size  # in em
    space = m.em_width(" ", style)
    lines: list[str] = []
    current: str | None = None  # the line being filled; None before the first word
    used = 0.0
    for word in text.split(" "):  # only spaces break: a no-break space (U+00A0) holds
        w = m.em_width(word, style)
        if current is not None and used + space + w <= room:
            current, used = f"{current} {word}", used + space + w
            continue
        if current is not None:
            lines.append(current)
        if w <= room:
            current, used = word, w
            continue
        pieces = _break_word(word, room, m, style)
        lines.extend(pieces[:-1])
        current, used = pieces[-1], m.em_width(pieces[-1], style)
    lines.append(current or "")
    return lines


def _break_word(word: str, room: float, m: Metrics, style: str) -> list[str]:
    """Split a word wider than the line into pieces that each fit (at least one character)."""
    pieces, piece, used = [], "", 0.0
    for ch in word:
        w = m.em_width(ch, style)
        if piece and used + w > room:
            pieces.append(piece)
            piece, used = "", 0.0
        piece, used = piece + ch, used + w
    pieces.append(piece)
    return pieces


@lru_cache(maxsize=4096)
def para_height(para: Para, width: float) -> float:
    """Height of one paragraph set in a column `width` points wide, its space before included
    (PowerPoint drops it on a box's first paragraph, LibreOffice does not: count it)."""
    lines = wrap(para.text, width - para.indent, para.size, bold=para.bold, italic=para.italic)
    return para.space_before + len(lines) * line_height(para.size)


def paras_height(paras: Sequence[Para], width: float) -> float:
    """Height of paragraphs stacked in one text column `width` points wide."""
    return sum(para_height(p, width) for p in paras)


def fits_width(text: str, width: float, size: float, *, bold: bool = False) -> bool:
    """True when `text` sits on one line `width` points wide at `size` points."""
    return text_width(text, size, bold=bold) <= width * WIDTH_SLACK


def verbatim_prefix(text: str, fits: Callable[[str], bool]) -> str | None:
    """The longest prefix of `text` ending at a word boundary for which `fits(prefix)` holds,
    or None when not even the first word fits. `fits` must be monotone in the length."""
    ends = [i for i in range(1, len(text) + 1) if i == len(text) or text[i].isspace()]
    ends = [e for e in ends if not text[e - 1].isspace()]
    lo, hi, best = 0, len(ends) - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(text[: ends[mid]]):
            best, lo = ends[mid], mid + 1
        else:
            hi = mid - 1
    return None if best is None else text[:best]
