"""`briefing build` on the example outline: what the written deck holds, read back with
python-pptx, and that the package is clean, valid and reproducible."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openxml_audit import validate_pptx
from pptx import Presentation

from briefing.compose.composer import compose_file
from briefing.deck import Deck, quote_span
from briefing.export.pptx.provenance import Provenance
from tests.conftest import EXAMPLE, run_cli
from tests.export.pptx.fixtures.decks import CLOSE, OPEN, ReadSlide, read_deck


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Deck, list[ReadSlide]]:
    """The example built once for the module: the file, the composed deck, the slides."""
    out = tmp_path_factory.mktemp("build") / "example.pptx"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "briefing-cache"))
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        result = run_cli("build", EXAMPLE, "-o", out)
        assert result.exit_code == 0, result.output
        assert f"{out.name}: " in result.stderr or "wrote" in result.stderr
        deck = compose_file(EXAMPLE)
    return out, deck, read_deck(out)


def _base(title: str) -> str:
    return title.removesuffix(" (cont.)")


def test_title_slide_then_outline_slides_then_sources(built) -> None:
    _, deck, slides = built
    assert slides[0].title == deck.title
    texts = " ".join(s.text for s in slides[0].shapes)
    for part in (deck.subtitle, deck.presenter, "20 November 2023"):
        assert part and part in texts
    assert slides[-1].title == "Sources"
    middle = [_base(s.title) for s in slides[1:-1]]
    collapsed = [t for i, t in enumerate(middle) if i == 0 or t != middle[i - 1]]
    assert collapsed == [s.title for s in deck.slides]


def test_every_excerpt_verbatim_with_attribution_and_provenance(built) -> None:
    _, deck, slides = built
    quotes = {s.first: (n, s) for n, slide in enumerate(slides, 1) for s in slide.named("Excerpt")}
    expected = [e for s in deck.slides for e in s.excerpts]
    assert expected and len(quotes) == len(expected)
    for e in expected:
        # verbatim but for its quotation marks: inner double quotes are shown as single ones
        shown = f"{OPEN}{e.display_text()}{CLOSE}"
        assert shown in quotes, f"not verbatim on any slide: {e.text[:60]}"
        _, shape = quotes[shown]
        assert shape.text.split("\n")[1] == f"\u2014 [{e.ref}] {e.attribution()}"
        prov = Provenance.parse(shape.name)
        first, last = quote_span(e.text)
        assert prov is not None and (prov.source, prov.start, prov.end) == (
            e.source.file,
            e.start + first,
            e.start + last,
        )


def test_bullets_are_the_analysts_own(built) -> None:
    _, deck, slides = built
    shown = {
        line for slide in slides for s in slide.named("Bullets") for line in s.text.split("\n")
    }
    assert shown == {b for s in deck.slides for b in s.bullets}


def test_notes_on_every_slide_with_full_citations(built) -> None:
    _, deck, slides = built
    assert all(s.notes.strip() for s in slides)
    for slide in slides:
        for shape in slide.named("Excerpt"):
            prov = Provenance.parse(shape.name)
            assert prov is not None
            source = next(x for x in deck.cited_sources if x.file == prov.source)
            assert source.full_citation() in slide.notes
    quoted = len(deck.cited_sources)
    assert f"The deck quotes {quoted} sources" in slides[1].notes  # the outline's Jinja2 notes
    for source in deck.cited_sources:
        assert source.full_citation() in "\n".join(s.text for s in slides[-1].shapes)


def test_marking_top_and_bottom_and_a_slide_number_field_on_every_slide(built) -> None:
    _, deck, slides = built
    for number, slide in enumerate(slides, 1):
        markings = [s for s in slide.shapes if s.text == deck.marking]
        assert len(markings) == 2, f"slide {number}"
        assert min(m.top for m in markings) < 30 and max(m.bottom for m in markings) > 510
        numbers = [s for s in slide.shapes if s.is_field]
        assert [s.text for s in numbers] == [str(number)]


def test_widescreen_and_document_properties(built) -> None:
    path, deck, _ = built
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    cp = prs.core_properties
    assert (cp.title, cp.author, cp.subject) == (deck.title, deck.presenter, deck.subtitle)
    themes = [s.theme_title for s in deck.slides if s.theme_title]
    assert len(themes) == 4 and cp.keywords == "; ".join(themes)
    assert cp.created == cp.modified == cp.last_printed == datetime(2023, 11, 20)
    assert cp.revision == 1
    assert cp.comments == "" and cp.last_modified_by == deck.presenter


def test_no_leftovers_from_python_pptx_default_template(built) -> None:
    path, _, slides = built
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        core = z.read("docProps/core.xml").decode()
        app = z.read("docProps/app.xml").decode()
    assert not [n for n in names if "thumbnail" in n or "printerSettings" in n]
    for leftover in ("python-pptx", "Steve Canny", "PowerPoint Presentation"):
        assert leftover not in core
    assert f"<Slides>{len(slides)}</Slides>" in app and "4:3" not in app
    assert names[0] == "[Content_Types].xml"


def test_openxml_audit_finds_nothing(built) -> None:
    result = validate_pptx(str(built[0]))
    assert result.errors == [] and result.warning_count == 0, result.errors[:5]


def test_two_builds_are_byte_identical(built, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = tmp_path / "again.pptx"
    assert run_cli("build", EXAMPLE, "-o", again).exit_code == 0
    assert again.read_bytes() == built[0].read_bytes()


def test_source_date_epoch_wins_and_stays_reproducible(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    for out in (first, second):
        assert run_cli("build", EXAMPLE, "-o", out).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert Presentation(str(first)).core_properties.created == datetime(2023, 11, 14, 22, 13, 20)
    with zipfile.ZipFile(first) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_default_output_is_the_outline_name_here(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("build", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "us-vietnam.pptx").is_file()
    assert result.stdout == ""  # messages go to stderr
