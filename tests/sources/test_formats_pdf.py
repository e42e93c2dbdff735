"""PDF extraction: prose paragraphs, resolved hyphens, no running headers or page numbers,
page offsets and labels, metadata, determinism, and clear errors for unreadable files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from briefing.sources.formats import ExtractError, extract
from briefing.sources.formats.pdf import extract_pdf
from tests.sources import fixtures_formats as fx


def prose(paragraph: str) -> str:
    """What a fixture paragraph should read as: forced breaks gone, layout hyphens resolved."""
    return paragraph.replace("infra|structure", "infrastructure").replace("|", "")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> fx.PdfLayout:
    return fx.build_report_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf")


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> fx.PdfLayout:
    folder = tmp_path_factory.mktemp("pdf")
    return fx.build_report_pdf(folder / "labelled.pdf", labels=True, xmp=True)


@pytest.fixture(scope="module")
def text(report: fx.PdfLayout) -> str:
    return extract(report.path).text


def test_paragraphs_read_as_prose(text: str) -> None:
    paragraphs = text.split("\n\n")
    for source in (fx.INTRO, fx.HYPHENATED, fx.CO_OP, fx.SEMICONDUCTORS, fx.CONCLUSION):
        assert prose(source) in paragraphs
    assert "Key points" in paragraphs  # a heading is a paragraph of its own
    assert "\n" not in text.replace("\n\n", "")  # no line wraps left inside a paragraph
    assert "  " not in text


def test_layout_hyphens_resolved_and_real_ones_kept(text: str) -> None:
    assert "infrastructure" in text
    assert "infra-" not in text and "infra " not in text
    assert "well-known" in text  # a known prefix keeps its hyphen
    assert "co-operation" in text
    assert "Indo-Pacific" in text  # a capital after the break keeps it too


def test_running_header_footer_and_page_numbers_left_out(report: fx.PdfLayout, text: str) -> None:
    assert fx.HEADER not in text
    assert "Parliamentary Library" not in text
    assert "Commonwealth of Australia" not in text
    for paragraph in text.split("\n\n"):
        assert not re.fullmatch(r"[\divx]+", paragraph), paragraph
    assert text.startswith("Vietnam and the United States: a comprehensive strategic")


def test_paragraph_running_over_a_page_break_stays_whole(report: fx.PdfLayout, text: str) -> None:
    assert report.page_of("paper of 2019 restates the four nos") == 2
    assert report.page_of("another, no foreign military bases") == 3
    assert prose(fx.CROSSING) in text.split("\n\n")


def test_page_spans(report: fx.PdfLayout) -> None:
    extracted = extract(report.path)
    assert [p.number for p in extracted.pages] == [1, 2, 3, 4, 5]
    phrase = "Human rights remain the most contested"
    assert report.page_of(phrase) == 3
    assert extracted.page_at(extracted.text.index(phrase)).number == 3
    start = extracted.text.index(prose(fx.CROSSING))
    end = start + len(prose(fx.CROSSING))
    assert [p.number for p in extracted.pages_for(start, end)] == [2, 3]
    assert extracted.citation_pages(start, end) == "pp. 2-3"
    intro = extracted.text.index(fx.INTRO)
    assert extracted.citation_pages(intro, intro + 40) == "p. 1"
    # every line drawn on a page is inside that page's span, and in no other
    for page in extracted.pages:
        own = extracted.text[page.start : page.end]
        for line in report.lines[page.number]:
            if len(line) > 30 and not line.endswith("-"):
                assert line in own, (page.number, line)
                others = [p for p in extracted.pages if p is not page]
                assert not any(line in extracted.text[p.start : p.end] for p in others)


def test_page_labels(labelled: fx.PdfLayout) -> None:
    extracted = extract(labelled.path)
    assert [p.label for p in extracted.pages] == ["i", "ii", "1", "2", "3"]
    phrase = extracted.text.index("Human rights remain the most contested")
    assert extracted.page_at(phrase).label == "1"
    start = extracted.text.index(prose(fx.CROSSING))
    assert extracted.citation_pages(start, start + len(prose(fx.CROSSING))) == "pp. ii-1"


def test_metadata_from_the_information_dictionary(report: fx.PdfLayout) -> None:
    meta = extract(report.path).meta
    assert meta == {
        "title": fx.PDF_TITLE,
        "author": fx.PDF_AUTHOR,
        "publisher": None,
        "date": "2023-11-17",
        "url": None,
    }


def test_publisher_from_xmp(labelled: fx.PdfLayout) -> None:
    assert extract(labelled.path).meta["publisher"] == "Parliamentary Library"


def test_title_falls_back_to_the_first_page_heading(tmp_path: Path) -> None:
    layout = fx.build_report_pdf(tmp_path / "bare.pdf", metadata=False)
    meta = extract(layout.path).meta
    assert meta["title"] == fx.PDF_TITLE
    assert meta["author"] is None


def test_deterministic_and_independent_of_the_file_name(report: fx.PdfLayout, tmp_path: Path):
    copy = tmp_path / "other name.pdf"
    shutil.copyfile(report.path, copy)
    first, second, third = extract(report.path), extract(report.path), extract(copy)
    assert first == second == third
    assert first.meta == third.meta
    assert first.extractor == "pdf/6"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ExtractError) as caught:
        extract(path)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    return message


def test_truncated_pdf(report: fx.PdfLayout, tmp_path: Path) -> None:
    data = report.path.read_bytes()
    message = error_of(write(tmp_path / "cut.pdf", data[: len(data) // 2]))
    assert "truncated PDF" in message


def test_random_bytes_named_pdf(tmp_path: Path) -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(5000))
    assert "not a PDF" in error_of(write(tmp_path / "noise.pdf", noise))


def test_empty_file(tmp_path: Path) -> None:
    assert "empty file" in error_of(write(tmp_path / "empty.pdf", b""))


def test_damaged_pdf_with_header_and_end_marker(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\ntrailer <<>>\n%%EOF\n"
    assert "damaged PDF" in error_of(write(tmp_path / "damaged.pdf", data))


def test_encrypted_pdf(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(20, 20, "Nothing to see without the password.")
    pdf.output(str(tmp_path / "locked.pdf"))
    assert "encrypted PDF: remove the password" in error_of(tmp_path / "locked.pdf")


def test_pdf_without_a_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 100, 150, style="F")  # stands in for a scanned image
    pdf.output(str(tmp_path / "scan.pdf"))
    assert "no text layer (scanned image?): run OCR first" in error_of(tmp_path / "scan.pdf")


def test_extract_pdf_alone_raises_without_the_file_name(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"^empty file"):
        extract_pdf(write(tmp_path / "empty.pdf", b"  \n"))
