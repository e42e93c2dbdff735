"""`briefing build --template`: an organisation's template is used by placeholder type, and a
template that lacks a needed layout fails with a message saying what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import validate_pptx
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from tests.conftest import EXAMPLE, run_cli
from tests.export.pptx.fixtures.decks import read_deck
from tests.export.pptx.fixtures.templates import SAMPLE_TEXT, make_template


@pytest.fixture(scope="module")
def templated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    template = make_template(folder / "corporate.pptx")
    out = folder / "deck.pptx"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "briefing-cache"))
        result = run_cli("build", EXAMPLE, "-o", out, "--template", template)
    assert result.exit_code == 0, result.output
    return out


def test_template_layouts_size_and_look_are_used(templated: Path) -> None:
    prs = Presentation(str(templated))
    assert (prs.slide_width, prs.slide_height) == (Inches(10), Inches(7.5))  # the template's 4:3
    slides = list(prs.slides)
    assert slides[0].slide_layout.name == "Title Slide"
    assert {s.slide_layout.name for s in slides[1:]} == {"Title and Content"}
    title = slides[1].shapes.title
    assert (title.left, title.top, title.width) == (Inches(0.4), Inches(0.3), Inches(9.2))
    assert title.height == Pt(80)
    background = prs.slide_master.background.fill.fore_color.rgb
    assert str(background) == "F4F1EA"


def test_template_sample_slides_are_dropped_and_content_is_all_there(templated: Path) -> None:
    slides = read_deck(templated)
    assert SAMPLE_TEXT not in " ".join(s.text for slide in slides for s in slide.shapes)
    assert slides[0].title.startswith("The US-Vietnam")
    assert slides[-1].title == "Sources"
    assert sum(len(s.named("Excerpt")) for s in slides) == 13
    for number, slide in enumerate(slides, 1):
        assert [s.text for s in slide.shapes if s.is_field] == [str(number)]
        assert all(s.right <= Emu(Inches(10)).pt + 0.01 for s in slide.shapes)


def test_template_deck_is_valid(templated: Path) -> None:
    result = validate_pptx(str(templated))
    assert result.errors == [] and result.warning_count == 0, result.errors[:5]


@pytest.mark.parametrize(
    ("drop", "missing"),
    [("content", "content layout"), ("title", "title slide layout")],
)
def test_template_lacking_a_layout_says_what(tmp_path: Path, drop: str, missing: str) -> None:
    template = make_template(tmp_path / "thin.pptx", drop=drop)
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"previous deck")
    result = run_cli("build", EXAMPLE, "-o", out, "--template", template)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"lacks a {missing}" in lines[0] and "thin.pptx" in lines[0]
    kinds = "BODY or OBJECT" if drop == "content" else "SUBTITLE"
    assert kinds in lines[0]
    assert out.read_bytes() == b"previous deck"


def test_template_that_is_not_a_presentation(tmp_path: Path) -> None:
    bogus = tmp_path / "corporate.pptx"
    bogus.write_text("not a zip")
    result = run_cli("build", EXAMPLE, "-o", tmp_path / "deck.pptx", "--template", bogus)
    assert result.exit_code == 1
    assert "is not a PowerPoint file" in result.stderr
    assert not (tmp_path / "deck.pptx").exists()
