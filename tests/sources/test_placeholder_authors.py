"""What a tool writes in an author field when nobody named one ("Microsoft Office User",
"Windows User", a site's "admin", python-docx's template) is no author: a citation says
"Author unknown" rather than name it; real names beside it are kept. The same holds for the
creation date a library's blank template carries."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from briefing.sources.formats import extract
from briefing.sources.formats.extracted import join_authors
from tests.sources import fixtures_formats as fx


@pytest.mark.parametrize(
    ("stored", "byline"),
    [
        ("Microsoft Office User", None),
        ("Windows User", None),
        ("ADMINISTRATOR", None),
        ("admin", None),
        ("Owner; Mai Anh Pham", "Mai Anh Pham"),
        ("Staff; Editor", None),
        ("Adminah Rahman", "Adminah Rahman"),  # a name that only starts like one
        ("Reuters Staff", "Reuters Staff"),  # a byline, not the bare word
        ("Jane Roe; John Doe", "Jane Roe and John Doe"),
    ],
)
def test_a_placeholder_is_no_author(stored: str, byline: str | None) -> None:
    assert join_authors(stored) == byline


def test_a_word_file_left_as_its_template_made_it_has_no_author_or_date(tmp_path: Path) -> None:
    """python-docx's blank template says "python-docx", 23 Dec 2013: a script that did not set
    its own properties made the file, not a person on that day."""
    path = tmp_path / "generated.docx"
    document = docx.Document()
    document.add_paragraph(fx.DOCX_PARAGRAPHS[0])
    document.save(str(path))
    meta = extract(path).meta
    assert (meta["author"], meta["date"]) == (None, None)


def test_a_word_file_with_its_own_date_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "dated.docx"
    document = docx.Document()
    document.add_paragraph(fx.DOCX_PARAGRAPHS[0])
    document.core_properties.created = datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    document.save(str(path))
    meta = extract(path).meta
    assert (meta["author"], meta["date"]) == (None, "2024-03-05")


def test_an_office_user_in_a_word_file_is_no_author(tmp_path: Path) -> None:
    path = fx.build_docx(tmp_path / "note.docx")
    document = docx.Document(str(path))
    document.core_properties.author = "Microsoft Office User"
    document.save(str(path))
    meta = extract(path).meta
    assert meta["author"] is None
    assert meta["date"] == "2023-11-20"  # the file's own date stays


def test_an_administrator_in_a_pdf_is_no_author(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_author("Administrator")
    pdf.set_title("Port security after the upgrade")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, fx.cp1252_safe(fx.AP_PARAGRAPHS[1]))
    path = tmp_path / "memo.pdf"
    pdf.output(str(path))
    meta = extract(path).meta
    assert meta["author"] is None
    assert meta["title"] == "Port security after the upgrade"


def test_a_sites_admin_account_is_no_author(tmp_path: Path) -> None:
    page = fx._page(fx.BLOG_PAGE, fx.BLOG_PARAGRAPHS)
    page = page.replace('content="Huong Le Thu"', 'content="admin"')
    page = page.replace(">Huong Le Thu |", ">admin |")
    box = page.index('<div class="author-box">')
    page = page[:box] + page[page.index("</div>", box) + len("</div>") :]  # no other byline
    path = tmp_path / "post.html"
    path.write_bytes(page.encode("windows-1252"))
    meta = extract(path).meta
    assert meta["author"] is None
    assert meta["publisher"] == "The Interpreter"


BLOG_TEXT = """Hanoi's quiet hedge

{byline}

Vietnam's leaders have spent the past year balancing between Washington and Beijing, a
strategy officials describe as bamboo diplomacy. The approach has deep roots in history.

Analysts in Hanoi say the upgrade of ties with the United States did not come at China's
expense. Instead, it widened the space in which Vietnam can manoeuvre.
"""


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Admin | March 3, 2024", None),  # a blog saved as text: its account, not a person
        ("By ADMIN | March 3, 2024", None),
        ("By Staff | March 3, 2024", None),
        ("By Reuters Staff | March 3, 2024", "Reuters Staff"),
        ("By Adminah Rahman | March 3, 2024", "Adminah Rahman"),
        ("By Admin | March 3, 2024\n\nBy Linh Tran and Peter Ho", "Linh Tran and Peter Ho"),
    ],
)
def test_a_texts_byline_naming_a_placeholder_is_no_author(byline: str, author: str | None) -> None:
    from briefing.sources.analysis import prepare

    meta = prepare("post.txt", "0", BLOG_TEXT.format(byline=byline)).meta
    assert meta["author"] == author
    assert str(meta["date"]) == "2024-03-03"  # the byline's date is still read
