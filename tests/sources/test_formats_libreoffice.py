"""Word files and PDFs an office suite wrote: headless LibreOffice (Writer, installed by
`.ci/run`) saves a news page as .docx, as a colleague's "Save as Word" would, and exports a
briefing note to PDF. `test_formats_docx.py` reads files python-docx wrote; these come from a
producer nobody here wrote, with its own styles, core properties and PDF layout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.sources.formats import extract
from tests.sources import fixtures_formats as fx

SOFFICE = shutil.which("soffice")


def convert(source: Path, to: str, out: Path) -> Path:
    """`source` converted by headless LibreOffice (its own profile, so runs never clash)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: no office-made file to read")
    out.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", to, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    made = out / f"{source.stem}.{to.split(':')[0]}"
    if not made.is_file():
        pytest.fail(f"LibreOffice made no {made.name}: {result.stdout} {result.stderr}")
    return made


def test_a_page_saved_as_word_by_libreoffice(tmp_path: Path) -> None:
    """Every paragraph of the article, verbatim, and its two authors (LibreOffice stores the
    page's "A; B" author list in the document's properties as Word does) as one byline."""
    page = tmp_path / "chip-race.html"
    page.write_bytes(fx._page(fx.NIKKEI_PAGE, fx.NIKKEI_PARAGRAPHS).encode("utf-8"))
    found = extract(convert(page, "docx:MS Word 2007 XML", tmp_path / "out"))
    paragraphs = found.text.split("\n\n")
    for paragraph in fx.NIKKEI_PARAGRAPHS:
        assert paragraph in paragraphs, paragraph
    assert found.meta["author"] == "Lim Wei Ling and Đỗ Quang Huy"
    assert found.meta["title"] == "Malaysia and Vietnam race for chip-packaging plants - " + (
        "Asia Markets Review"
    )


def test_a_note_exported_to_pdf_by_libreoffice(tmp_path: Path) -> None:
    """The Word note as LibreOffice lays it out in a PDF reads as the note: its paragraphs
    whole and in order, its title from the PDF's properties."""
    note = fx.build_docx(tmp_path / "note.docx")
    as_word = extract(note)
    found = extract(convert(note, "pdf", tmp_path / "out"))
    assert found.meta["title"] == as_word.meta["title"] == fx.DOCX_TITLE
    position = 0
    for paragraph in fx.DOCX_PARAGRAPHS:
        at = found.text.find(paragraph, position)
        assert at >= 0, paragraph
        position = at


def _field(paragraph: object, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) at the end of `paragraph`, filled in as it is laid out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
        else:
            mark = OxmlElement("w:instrText")
            mark.set(qn("xml:space"), "preserve")
            mark.text = text
        run._r.append(mark)


def test_a_report_exported_to_pdf_loses_its_running_header_and_page_count(tmp_path: Path):
    """A think-tank report as LibreOffice exports it: a running header on every page and a
    "Page 2 of 5" footer are left out, every paragraph reads whole, and the two authors its
    properties list ("A; B") are one byline."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Lowy Institute Analysis — Vietnam's balancing act"
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    document.add_paragraph("Vietnam's balancing act", style="Title")
    paragraphs = fx.NIKKEI_PARAGRAPHS + fx.AP_PARAGRAPHS
    for number in range(1, 5):
        document.add_heading(f"Part {number}", level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.core_properties.title = "Vietnam's balancing act"
    document.core_properties.author = "Susannah Patton; Lachlan McGrath"
    report = tmp_path / "report.docx"
    document.save(str(report))
    found = extract(convert(report, "pdf", tmp_path / "out"))
    assert len(found.pages) >= 3
    assert "Lowy Institute Analysis" not in found.text
    assert "Page 2 of" not in found.text and "Page 1 of" not in found.text
    for paragraph in paragraphs:
        assert found.text.count(paragraph) == 4, paragraph
    assert found.meta["author"] == "Susannah Patton and Lachlan McGrath"
