"""Generate briefing/fonts/carlito-metrics.json: Carlito's advance widths and line metrics.

The deck is laid out with real font metrics so no text overflows its box, but fontTools is not
a runtime dependency: this script reads the Carlito TTFs once and writes a compact table the
package ships. Run it again only when the covered characters change:

    .venv/bin/python tools/gen_font_metrics.py [FONT_DIR]

FONT_DIR holds Carlito-{Regular,Bold,Italic,BoldItalic}.ttf; default: the Debian package's
/usr/share/fonts/truetype/crosextra (or unpack the `rinoh-typeface-carlito` wheel).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}

# Latin-1, Latin Extended A/B, combining diacritics, Latin Extended Additional (Vietnamese),
# general punctuation (quotes, dashes, ellipsis), currency, and a few letterlike symbols.
RANGES = [
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x2B0, 0x2FF),
    (0x300, 0x36F),
    (0x370, 0x3FF),
    (0x400, 0x4FF),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x215F),
    (0x2190, 0x2199),
    (0x2212, 0x2212),
    (0x25A0, 0x25CF),
]

# Characters Carlito lacks that quotes do use. A renderer fills them from a fallback font,
# so they get a generous width (in em): the layout must never be narrower than the print.
MISSING = {0x00A0: 0.33, 0x00AD: 0.0, 0x2010: 0.4, 0x2011: 0.4}

DEFAULT_DIR = Path("/usr/share/fonts/truetype/crosextra")
OUT = Path(__file__).resolve().parent.parent / "briefing" / "fonts" / "carlito-metrics.json"


def runs(widths: dict[int, int]) -> list[tuple[int, list[int]]]:
    """Consecutive codepoints as (first, [advance, ...]): compact and quick to expand."""
    out: list[tuple[int, list[int]]] = []
    for cp in sorted(widths):
        if out and out[-1][0] + len(out[-1][1]) == cp:
            out[-1][1].append(widths[cp])
        else:
            out.append((cp, [widths[cp]]))
    return out


def style_table(path: Path) -> dict[str, object]:
    """Advance widths (font units) of every covered codepoint the font maps to a glyph."""
    font = TTFont(str(path))
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    upm = font["head"].unitsPerEm
    widths = {
        cp: hmtx[cmap[cp]][0]
        for first, last in RANGES
        for cp in range(first, last + 1)
        if cp in cmap
    }
    for cp, em in MISSING.items():
        widths.setdefault(cp, max(hmtx[cmap[0x20]][0], round(em * upm)) if em else 0)
    return {"runs": runs(widths)}


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    regular = TTFont(str(folder / "Carlito-Regular.ttf"))
    os2, hhea = regular["OS/2"], regular["hhea"]
    table = {
        "font": "Carlito",
        "version": regular["name"].getDebugName(5),
        "license": "SIL Open Font License 1.1, see OFL.txt",
        "units_per_em": regular["head"].unitsPerEm,
        "ascent": max(hhea.ascent, os2.usWinAscent),
        "descent": max(-hhea.descent, os2.usWinDescent),
        "line_gap": hhea.lineGap,
        "styles": {
            key: style_table(folder / f"Carlito-{name}.ttf") for key, name in STYLES.items()
        },
    }
    OUT.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
