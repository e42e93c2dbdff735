"""The deck on paper, rendered by LibreOffice and read back word by word: one quote size across
the deck, quote bars no taller than their text, and a hanging indent on the Sources slide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from tests.conftest import EXAMPLE, run_cli
from tests.export.pptx.fixtures.corpus import write_outline, write_project
from tests.export.pptx.fixtures.decks import Word, pdf_pages, render, require_tools

TOLERANCE = 1.0  # points


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """name -> (deck, pdf): the example, and a deck mixing a one-quote and a ten-quote slide."""
    require_tools()
    root = tmp_path_factory.mktemp("paper")
    quotes = write_project(root, [60] + [80] * 10)
    outlines = {
        "example": EXAMPLE,
        "mixed": write_outline(root, "mixed", [("One", quotes[:1]), ("Ten", quotes[1:])]),
    }
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "briefing-cache"))
        decks = {}
        for name, outline in outlines.items():
            decks[name] = root / f"{name}.pptx"
            result = run_cli("build", outline, "-o", decks[name])
            assert result.exit_code == 0, result.output
    pdfs = render(list(decks.values()), root / "pdf", root / "lo-profile")
    return {name: (deck, pdf) for (name, deck), pdf in zip(decks.items(), pdfs, strict=True)}


def boxes(shape) -> tuple[float, float, float, float]:
    return (
        Emu(shape.left).pt,
        Emu(shape.top).pt,
        Emu(shape.left + shape.width).pt,
        Emu(shape.top + shape.height).pt,
    )


def inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return (
        word.x0 >= x0 - TOLERANCE
        and word.x1 <= x1 + TOLERANCE
        and (word.y0 >= y0 - TOLERANCE and word.y1 <= y1 + TOLERANCE)
    )


def quote_sizes(deck: Path) -> list[tuple[int, str, float]]:
    """(slide number, title, points) of every quotation's text."""
    found = []
    for number, slide in enumerate(Presentation(str(deck)).slides, 1):
        for shape in slide.shapes:
            if shape.name.startswith("Excerpt"):
                size = re.search(r'sz="(\d+)"', shape.text_frame._txBody.xml)
                found.append((number, slide.shapes.title.text_frame.text, int(size.group(1)) / 100))
    return found


@pytest.mark.parametrize("name", ["example", "mixed"])
def test_one_quote_size_across_the_deck(rendered, name):
    deck, _ = rendered[name]
    sizes = quote_sizes(deck)
    assert sizes
    assert len({size for _, _, size in sizes}) == 1, sizes


def test_many_quotes_continue_rather_than_shrink(rendered):
    deck, _ = rendered["mixed"]
    sizes = quote_sizes(deck)
    titles = {title for _, title, _ in sizes}
    assert "Ten (cont.)" in titles
    assert sizes[0][2] >= 18  # the one-quote slide is not pulled down to the smallest size


@pytest.mark.parametrize("name", ["example", "mixed"])
def test_a_quote_bar_is_never_taller_than_its_text(rendered, name):
    deck, pdf = rendered[name]
    pages = pdf_pages(pdf)
    checked = 0
    for number, slide in enumerate(Presentation(str(deck)).slides):
        words = pages[number][2]
        quotes = [s for s in slide.shapes if s.name.startswith("Excerpt")]
        for bar in (s for s in slide.shapes if s.name == "Quote bar"):
            bx0, by0, _, by1 = boxes(bar)
            quote = min(quotes, key=lambda q: abs(boxes(q)[1] - by0) + abs(boxes(q)[0] - bx0))
            drawn = [w for w in words if inside(w, boxes(quote))]
            assert drawn, f"slide {number + 1}: no words in {quote.name}"
            top, bottom = min(w.y0 for w in drawn), max(w.y1 for w in drawn)
            assert by1 <= bottom + TOLERANCE, (number + 1, quote.name, by1, bottom)
            assert by0 >= top - 3 * TOLERANCE, (number + 1, quote.name, by0, top)
            checked += 1
    assert checked


def test_the_sources_slide_hangs_its_entries(rendered):
    _, pdf = rendered["example"]
    words = pdf_pages(pdf)[-1][2]
    lines: dict[float, list[Word]] = {}
    for w in words:
        lines.setdefault(round(w.y0), []).append(w)
    rows = [sorted(ws, key=lambda w: w.x0) for _, ws in sorted(lines.items())]
    numbered = [r for r in rows if re.fullmatch(r"\[\d+\]", r[0].text)]
    assert numbered
    margin = min(r[0].x0 for r in numbered)
    text_start = numbered[0][1].x0  # where the citation starts after "[1]"
    following = [
        r
        for r in rows
        if r not in numbered and r[0].x0 > margin - 5 and r[0].y0 > numbered[0][0].y0
    ]
    wrapped = [r for r in following if r[0].x0 < 600 and "SOURCE" not in r[0].text.upper()]
    wrapped = [r for r in wrapped if not r[0].text.startswith("UNCLASSIFIED")]
    assert wrapped, "no source wraps: the test would prove nothing"
    for row in wrapped:
        assert abs(row[0].x0 - text_start) <= 2 * TOLERANCE, (row[0].text, row[0].x0, text_start)


def test_the_example_notes_keep_proper_nouns(rendered):
    deck, _ = rendered["example"]
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides]
    text = "\n".join(notes)
    assert "passages on Balancing China" in text
    assert not re.search(r"\bchina\b", text)  # "Indochina" is not the proper noun
