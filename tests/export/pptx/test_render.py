"""Render built decks with LibreOffice and check, word by word, that no text left its box.

One LibreOffice run converts every deck of the module (it is the slow part); the checks then
read word boxes with `pdftotext -bbox` and the shapes with python-pptx.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, run_cli
from tests.export.pptx.fixtures.corpus import write_outline, write_project
from tests.export.pptx.fixtures.decks import (
    ReadSlide,
    Shape,
    Word,
    pdf_pages,
    read_deck,
    render,
    require_tools,
)
from tests.export.pptx.fixtures.templates import make_template

TOLERANCE = 1.0  # points: PDF coordinates are rounded, LibreOffice positions to 1/100 mm


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """name -> (deck, pdf) for the example, a long-excerpt and a many-excerpt outline, and the
    many-excerpt outline in an organisation's 4:3 template."""
    require_tools()
    root = tmp_path_factory.mktemp("render")
    quotes = write_project(root, [250, 250, 700] + [80] * 10)
    outlines = {
        "example": EXAMPLE,
        "long": write_outline(root, "long", [("Long passages", quotes[:3])]),
        "many": write_outline(root, "many", [("Many excerpts", quotes[3:])]),
    }
    template = make_template(root / "corporate.pptx")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "briefing-cache"))
        decks = {}
        for name, outline in outlines.items():
            deck = root / f"{name}.pptx"
            result = run_cli("build", outline, "-o", deck)
            assert result.exit_code == 0, result.output
            decks[name] = deck
        decks["template"] = root / "template.pptx"
        result = run_cli("build", outlines["many"], "-o", decks["template"], "--template", template)
        assert result.exit_code == 0, result.output
    pdfs = render(list(decks.values()), root / "pdf", root / "lo-profile")
    return {name: (deck, pdf) for (name, deck), pdf in zip(decks.items(), pdfs, strict=True)}


NAMES = ["example", "long", "many", "template"]


@pytest.mark.parametrize("name", NAMES)
def test_one_page_per_slide(rendered: dict[str, tuple[Path, Path]], name: str) -> None:
    deck, pdf = rendered[name]
    assert len(pdf_pages(pdf)) == len(read_deck(deck))


def _inside(word: Word, shape: Shape) -> bool:
    return (
        word.x0 >= shape.left - TOLERANCE
        and word.x1 <= shape.right + TOLERANCE
        and word.y0 >= shape.top - TOLERANCE
        and word.y1 <= shape.bottom + TOLERANCE
    )


def _misplaced(slide: ReadSlide, words: list[Word]) -> list[str]:
    """Words outside every box that could hold them, and boxes with too many or too few
    words (text run over into a neighbour, or cut off)."""
    shapes = [s for s in slide.shapes if s.text.strip()]
    problems, counts = [], dict.fromkeys(range(len(shapes)), 0)
    for word in words:
        candidates = [i for i, s in enumerate(shapes) if word.text in s.text] or range(len(shapes))
        home = next((i for i in candidates if _inside(word, shapes[i])), None)
        if home is None:
            problems.append(f"{word.text!r} at ({word.x0:.0f},{word.y0:.0f}) outside its box")
        elif word.text != "\u2022":  # the bullet marker is drawn, not typed
            counts[home] += 1
    for i, shape in enumerate(shapes):
        if counts[i] != len(shape.text.split()):
            problems.append(f"{shape.name!r}: {counts[i]} words drawn of {len(shape.text.split())}")
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_no_word_outside_its_box_or_the_slide(
    rendered: dict[str, tuple[Path, Path]], name: str
) -> None:
    deck, pdf = rendered[name]
    problems = []
    for number, (slide, (width, height, words)) in enumerate(
        zip(read_deck(deck), pdf_pages(pdf), strict=True), 1
    ):
        assert words, f"slide {number} rendered no text"
        off = [w.text for w in words if w.x0 < 0 or w.y0 < 0 or w.x1 > width or w.y1 > height]
        problems += [f"slide {number}: {w!r} off the slide" for w in off]
        problems += [f"slide {number}: {p}" for p in _misplaced(slide, words)]
    assert not problems, "\n".join(problems)


def test_the_check_catches_an_overflow(rendered: dict[str, tuple[Path, Path]]) -> None:
    """The word-in-box check itself fails when a box is shorter than its rendered text."""
    deck, pdf = rendered["many"]
    slide = read_deck(deck)[1]
    quote = slide.named("Excerpt")[0]
    shrunk = Shape(quote.name, quote.first, quote.text, quote.left, quote.top, quote.right,
                   quote.top + (quote.bottom - quote.top) / 2, False)  # fmt: skip
    clipped = ReadSlide(slide.title, tuple(shrunk if s is quote else s for s in slide.shapes), "")
    assert _misplaced(clipped, pdf_pages(pdf)[1][2])
