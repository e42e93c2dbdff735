"""DOCX extraction: non-empty paragraphs in order (headings and table cells included), core
properties as metadata, determinism, and clear errors for files that are not .docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing.sources.formats import ExtractError, extract
from tests.sources import fixtures_formats as fx

EXPECTED = [
    fx.DOCX_TITLE,
    "Background",
    fx.DOCX_PARAGRAPHS[0],
    "First line of an address second line after a tab",
    "Assessment",
    fx.DOCX_PARAGRAPHS[1],
    "Partner",
    "Level",
    "United States: comprehensive strategic partnership",  # merged cell, read once
    "Prepared for the Asia-Pacific Desk.",
]


@pytest.fixture(scope="module")
def note(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fx.build_docx(tmp_path_factory.mktemp("docx") / "note.docx")


def test_paragraphs_in_order(note: Path) -> None:
    assert extract(note).text == "\n\n".join(EXPECTED)


def test_core_properties(note: Path) -> None:
    assert extract(note).meta == {
        "title": fx.DOCX_TITLE,
        "author": "Asia-Pacific Desk",
        "publisher": None,
        "date": "2023-11-20",
        "url": None,
    }


@pytest.mark.parametrize(
    ("stored", "byline"),
    [
        ("Jane Roe; John Doe", "Jane Roe and John Doe"),
        ("Nguyễn Thị Lan;Trần Văn Bình; Le Anh", "Nguyễn Thị Lan, Trần Văn Bình and Le Anh"),
        ("Roe, Jane", "Roe, Jane"),  # one author, surname first
    ],
)
def test_several_authors_as_word_stores_them(tmp_path: Path, stored: str, byline: str) -> None:
    import docx

    path = fx.build_docx(tmp_path / "note.docx")
    document = docx.Document(str(path))
    document.core_properties.author = stored
    document.save(str(path))
    assert extract(path).meta["author"] == byline


def test_title_from_the_title_paragraph_when_the_property_is_empty(tmp_path: Path) -> None:
    meta = extract(fx.build_docx(tmp_path / "bare.docx", properties=False)).meta
    assert meta["title"] == fx.DOCX_TITLE
    assert meta["author"] is None


def test_deterministic(note: Path) -> None:
    first, second = extract(note), extract(note)
    assert first == second
    assert first.extractor == "docx/4"
    assert first.pages == ()
    assert first.page_at(0) is None and first.citation_pages(0, 5) is None


def error_of(path: Path) -> str:
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value).startswith(f"{path.name}: ")
    return str(caught.value)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.docx").write_bytes(b"")
    assert "empty file" in error_of(tmp_path / "empty.docx")


def test_random_bytes(tmp_path: Path) -> None:
    (tmp_path / "noise.docx").write_bytes(bytes((i * 31 + 7) % 256 for i in range(3000)))
    assert "not a Word document" in error_of(tmp_path / "noise.docx")


def test_legacy_or_encrypted_word_file(tmp_path: Path) -> None:
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "password-protected or old-format" in error_of(tmp_path / "old.docx")


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "archive.docx", "w") as archive:
        archive.writestr("notes.txt", "just a zip")
    assert "not a Word document" in error_of(tmp_path / "archive.docx")
