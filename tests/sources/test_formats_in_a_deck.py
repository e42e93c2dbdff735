"""PDF, HTML and DOCX sources end to end, as a user meets them: listed, indexed, quoted
verbatim against `briefing text`, cited with their pages and URL on the slide, in the notes,
on the Sources slide and in the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import ROOT, briefing, write
from tests.sources.fixtures_formats import build_docx, build_news_html, build_report_pdf

OUTLINE = """title: Formats
sources: ../sources
themes: ../themes
slides:
  - title: Defence
    theme: defence-four-nos
    excerpts: 4
  - title: Chips
    theme: semiconductors
    excerpts: 4
"""


@pytest.fixture(scope="module")
def formats_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formats")
    sources = root / "sources"
    sources.mkdir()
    build_report_pdf(sources / "report.pdf", labels=True)
    build_news_html(sources / "ap-news.html")
    build_docx(sources / "note.docx")
    write(root / "outlines" / "deck.yaml", OUTLINE)
    (root / "themes").mkdir()
    for theme in ("defence-four-nos", "semiconductors"):
        (root / "themes" / f"{theme}.yaml").write_bytes(
            (ROOT / "themes" / f"{theme}.yaml").read_bytes()
        )
    return root


@pytest.fixture(scope="module")
def composed(formats_project: Path) -> dict:
    result = briefing("compose", "outlines/deck.yaml", "--json", cwd=formats_project)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def canonical(project: Path, name: str) -> dict:
    result = briefing("text", project / "sources" / name, "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_format_is_quoted_verbatim_against_briefing_text(formats_project, composed):
    excerpts = [e for slide in composed["slides"] for e in slide["excerpts"]]
    assert {e["source"] for e in excerpts} >= {"report.pdf", "ap-news.html"}
    for e in excerpts:
        text = canonical(formats_project, e["source"])["text"]
        assert text[e["start"] : e["end"]] == e["text"]


def test_pdf_quotes_carry_the_page_whose_text_holds_them(formats_project, composed):
    pdf = [e for s in composed["slides"] for e in s["excerpts"] if e["source"] == "report.pdf"]
    assert pdf
    pages = {p["page"]: p for p in canonical(formats_project, "report.pdf")["pages"]}
    for e in pdf:
        page = pages[e["page"]]
        assert page["start"] <= e["start"] < page["end"]
        assert e["page_label"] == page["label"]
        assert f"p. {page['label'] or page['page']}" in e["citation"] or "pp. " in e["citation"]


def test_text_prints_exactly_the_canonical_text(formats_project):
    plain = briefing("text", "sources/report.pdf", cwd=formats_project)
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == canonical(formats_project, "report.pdf")["text"]
    assert "Parliamentary Library — Research Paper" not in plain.stdout  # running header


def test_html_metadata_and_url_reach_the_json(composed):
    sources = {s["source"]: s for s in composed["sources"]}
    html = sources.get("ap-news.html")
    assert html is not None
    assert html["url"] and html["url"].startswith("http")
    assert html["url"] in html["citation"]
    assert html["publisher"]


def test_citations_with_pages_on_the_slides_notes_and_sources_slide(formats_project, composed):
    result = briefing("build", "outlines/deck.yaml", "-o", "deck.pptx", cwd=formats_project)
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(formats_project / "deck.pptx"))
    slide_text = [
        "\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in deck.slides
    ]
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    pdf = [e for s in composed["slides"] for e in s["excerpts"] if e["source"] == "report.pdf"]
    assert any(pdf[0]["citation"] in text for text in slide_text)
    html_url = next(s["url"] for s in composed["sources"] if s["source"] == "ap-news.html")
    assert html_url in slide_text[-1]  # the Sources slide
    assert any(html_url in n for n in notes)


def test_unreadable_formats_are_skipped_naming_them(formats_project, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (sources / "fake.docx").write_bytes(b"not a zip at all")
    build_news_html(sources / "page.html")
    result = briefing("sources", "--sources", sources, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "broken.pdf" in result.stderr + result.stdout
    assert "fake.docx" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


def test_verify_re_extracts_every_format(formats_project, composed):
    built = briefing("build", "outlines/deck.yaml", "-o", "v.pptx", cwd=formats_project)
    assert built.returncode == 0, built.stderr
    verified = briefing("verify", "v.pptx", "outlines/deck.yaml", cwd=formats_project)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    quoted = sum(len(s["excerpts"]) for s in composed["slides"])
    assert str(quoted) in verified.stdout + verified.stderr
