"""`briefing handout`: the notes-page PDF read back with poppler, as a reader would print it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bad_input.conftest import assert_refused, run_briefing, tree
from tests.conftest import EXAMPLE
from tests.export.pptx.fixtures.decks import pdf_pages, read_deck, require_tools

TOLERANCE = 1.0  # points


def squeeze(text: str) -> str:
    """Text without any white space: PDF lines break where the slide's did not."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def handout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    """(pdf, pptx, composed deck) for the example outline, made through the CLI."""
    require_tools()
    import json

    root = tmp_path_factory.mktemp("handout")
    made = run_briefing("handout", EXAMPLE, "-o", root / "handout.pdf", cwd=root, timeout=400)
    assert made.code == 0, made.stderr
    assert "wrote handout.pdf:" in made.stderr
    built = run_briefing("build", EXAMPLE, "-o", root / "deck.pptx", cwd=root)
    assert built.code == 0, built.stderr
    composed = run_briefing("compose", EXAMPLE, "--json", cwd=root)
    return root / "handout.pdf", root / "deck.pptx", json.loads(composed.stdout)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_one_page_per_slide(handout):
    pdf, deck, _ = handout
    assert len(pdf_pages(pdf)) == len(read_deck(deck))


def test_every_quote_citation_and_source_is_printed(handout):
    pdf, deck, composed = handout
    text = squeeze(pdf_text(pdf))
    quotes = [e["text"] for s in composed["slides"] for e in s["excerpts"]]
    assert quotes
    for quote in quotes:
        assert squeeze(quote) in text, quote[:80]
    for slide in read_deck(deck):  # the notes, citations and context paragraphs in full
        for line in slide.notes.splitlines():
            assert squeeze(line) in text, line[:80]
    assert "Sources" in pdf_text(pdf)


def test_no_text_outside_the_page(handout):
    pdf, _, _ = handout
    for number, (width, height, words) in enumerate(pdf_pages(pdf), 1):
        assert words, f"page {number} is blank"
        for w in words:
            assert w.x0 >= -TOLERANCE and w.y0 >= -TOLERANCE, (number, w)
            assert w.x1 <= width + TOLERANCE and w.y1 <= height + TOLERANCE, (number, w)


def test_the_same_deck_gives_the_same_bytes(handout, tmp_path):
    pdf, _, _ = handout
    again = run_briefing(
        "handout", EXAMPLE, "-o", tmp_path / "again.pdf", cwd=tmp_path, timeout=400
    )
    assert again.code == 0, again.stderr
    first, second = pdf.read_bytes(), (tmp_path / "again.pdf").read_bytes()
    pairs = enumerate(zip(first, second, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(first), len(second)))
    assert first == second, (len(first), len(second), at, first[max(0, at - 80) : at + 80])


def test_without_libreoffice_it_says_what_is_missing(tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "handout", str(EXAMPLE), "-o", "h.pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(bare), "BRIEFING_DEBUG": ""},
        timeout=120,
    )
    assert result.returncode != 0
    assert "LibreOffice (soffice)" in result.stderr and "not installed" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "h.pdf").exists()


@pytest.mark.parametrize(
    ("output", "named"),
    [("handout.pptx", "must end in .pdf"), ("missing/handout.pdf", "does not exist")],
)
def test_a_bad_destination_is_refused(project, output, named):
    if shutil.which("soffice") is None:
        pytest.skip("soffice not installed")
    before = tree(project)
    outline = project / "outlines" / "us-vietnam.yaml"
    outcome = run_briefing("handout", outline, "-o", output, cwd=project)
    assert_refused(outcome, named, before=before, after=tree(project))
