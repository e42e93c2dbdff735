"""The Extracted model (page lookup and citations), the suffix dispatcher, and the PDF layout
rules on hand-made lines (headers, page numbers, paragraph breaks, hyphens)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.sources.formats import FORMATS, Extracted, ExtractError, PageSpan, extract, handles
from briefing.sources.formats.pdf_furniture import is_notice, printed_address, strip_furniture
from briefing.sources.formats.pdf_layout import Lexicon, Line, assemble, join_lines, rejoin_pieces
from briefing.sources.formats.pdf_meta import info_meta, iso_date, printed_by_browser

#          0         1         2         3
#          0123456789012345678901234567890123456
TEXT = "page one text\n\npage two\n\npage three"
PAGES = (
    PageSpan(1, 0, 13, "iv"),
    PageSpan(2, 15, 23, "v"),
    PageSpan(3, 25, 35, None),
)


@pytest.fixture
def doc() -> Extracted:
    return Extracted(TEXT, PAGES, {}, "test/1")


def test_page_at(doc: Extracted) -> None:
    assert doc.page_at(0).number == 1
    assert doc.page_at(12).number == 1
    assert doc.page_at(13).number == 1  # the separator belongs to the page before
    assert doc.page_at(15).number == 2
    assert doc.page_at(25).number == 3
    assert doc.page_at(35).number == 3
    with pytest.raises(ValueError):
        doc.page_at(36)
    with pytest.raises(ValueError):
        doc.page_at(-1)


def test_pages_for_and_citations(doc: Extracted) -> None:
    assert [p.number for p in doc.pages_for(0, 13)] == [1]  # end is exclusive
    assert [p.number for p in doc.pages_for(5, 16)] == [1, 2]
    assert [p.number for p in doc.pages_for(5, 30)] == [1, 2, 3]
    assert doc.citation_pages(0, 13) == "p. iv"
    assert doc.citation_pages(5, 20) == "pp. iv-v"
    assert doc.citation_pages(16, 30) == "pp. v-3"  # a page without a label shows its number
    assert doc.citation_pages(26, 26) == "p. 3"


def test_no_pages() -> None:
    plain = Extracted("some text", (), {}, "html/1")
    assert plain.page_at(3) is None
    assert plain.pages_for(0, 4) == ()
    assert plain.citation_pages(0, 4) is None


def test_formats_name_each_module_version() -> None:
    from briefing.sources.formats import docx, html, mhtml, pdf

    assert FORMATS == {
        ".pdf": pdf.EXTRACTOR,
        ".html": html.EXTRACTOR,
        ".htm": html.EXTRACTOR,
        ".mhtml": mhtml.EXTRACTOR,
        ".mht": mhtml.EXTRACTOR,
        ".docx": docx.EXTRACTOR,
    }
    assert handles(Path("a.PDF")) and handles(Path("b.htm")) and handles(Path("e.MHT"))
    assert not handles(Path("c.txt")) and not handles(Path("d.md"))


def test_text_files_are_not_extracted_here(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("plain", encoding="utf-8")
    with pytest.raises(ExtractError, match=r"^notes\.txt: no extractor for \.txt"):
        extract(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"^gone\.pdf: cannot read"):
        extract(tmp_path / "gone.pdf")


def line(
    text: str, top: float, page: int = 0, left: float = 72, right: float = 520, size: float = 11
) -> Line:
    return Line(text, page, left, top - size * 1.2, right, top, size)


def test_strip_furniture_repeats_and_page_numbers() -> None:
    words = ["alpha", "bravo", "charlie", "delta"]
    pages = []
    for n, word in enumerate(words):
        pages.append(
            [
                line(f"Research Paper No. {n + 12}, 2023", 800, n),  # digits differ per page
                line(f"Body line about {word}, unique to its page", 700, n),
                line(f"Second body line, also {word}", 686, n),
                line(f"Page {n + 1} of 4", 40, n),
            ]
        )
    pages[2].append(line("xiv", 20, 2))
    kept = strip_furniture(pages)
    assert [ln.text for ln in kept[2]] == [
        "Body line about charlie, unique to its page",
        "Second body line, also charlie",
    ]


def test_a_line_on_only_one_page_is_not_furniture() -> None:
    pages = [
        [line("A one-off heading", 800, 0), line("body", 700, 0)],
        [line("Something else", 800, 1), line("more body", 700, 1)],
    ]
    kept = strip_furniture(pages)
    assert kept[0][0].text == "A one-off heading"


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("physical infra-", "structure", "physical infrastructure"),
        ("a well-", "known ambition", "a well-known ambition"),
        ("a self-", "made man", "a self-made man"),
        ("the Indo-", "Pacific", "the Indo-Pacific"),
        ("state-of-the-", "art", "state-of-the-art"),
        ("COVID-", "19", "COVID-19"),
        ("soft\u00ad", "hyphen", "softhyphen"),
        ("pdfium\x02", "marker", "pdfiummarker"),
        ("an aside—", "then more", "an aside—then more"),
        ("SINGAPORE —", "Malaysia and", "SINGAPORE — Malaysia and"),
        ("and/", "or", "and/or"),
        ("ends here -", "next", "ends here - next"),
        ("plain", "words", "plain words"),
    ],
)
def test_join_lines(a: str, b: str, joined: str) -> None:
    kept, separator = join_lines(a, b)
    assert kept + separator + b == joined


@pytest.mark.parametrize(
    ("elsewhere", "joined"),
    [
        # the document spells the compound within a line: the hyphen is the word's own
        ("chip-packaging plants in Penang", "the chip-packaging race"),
        ("the Chip-Packaging Race", "the chip-packaging race"),
        # it also runs the parts together somewhere: the layout's hyphen, as without a lexicon
        ("chip-packaging and chippackaging", "the chippackaging race"),
        # it never spells the compound whole: the layout's hyphen
        ("packaging plants for chips", "the chippackaging race"),
        ("", "the chippackaging race"),
    ],
)
def test_a_line_end_hyphen_is_read_by_the_document_s_own_words(elsewhere: str, joined: str) -> None:
    lexicon = Lexicon.of([[line(elsewhere, 500)]])
    for mark in ("-", "\x02"):  # a drawn hyphen, and PDFium's line-end marker for one
        kept, separator = join_lines(f"the chip{mark}", "packaging race", lexicon)
        assert kept + separator + "packaging race" == joined


def test_assemble_breaks_on_gaps_short_lines_and_size() -> None:
    lines = [
        line("Heading", 760, size=16),
        line("A paragraph that fills the whole measure of the line from margin to", 730),
        line("margin and then stops short.", 716, right=250),
        line("Next paragraph starts after a short line, no gap needed to see it", 702),
        line("and continues on a full line to the right margin before a gap", 688),
        line("After a gap.", 650, right=150),
    ]
    text, spans, _ = assemble([lines])
    assert text.split("\n\n") == [
        "Heading",
        "A paragraph that fills the whole measure of the line from margin to margin and then "
        "stops short.",
        "Next paragraph starts after a short line, no gap needed to see it and continues on a "
        "full line to the right margin before a gap",
        "After a gap.",
    ]
    assert spans == [(0, len(text))]


def test_paragraph_spacing_breaks_when_most_paragraphs_are_one_line() -> None:
    """The line spacing is the step inside a paragraph, not the most common step: on a page of
    one-line items (a memo, a press release) that is the paragraph spacing, and the items of
    similar length ran into one paragraph."""
    lines = [
        line("A first paragraph that wraps once across the full measure of the", 760),
        line("column before it ends.", 746, right=200),
        line("Short item one", 726, right=300),
        line("Short item two", 706, right=300),
        line("Short item three", 686, right=310),
        line("Short item four", 666, right=305),
    ]
    text, _, _ = assemble([lines])
    assert text.split("\n\n")[1:] == [
        "Short item one",
        "Short item two",
        "Short item three",
        "Short item four",
    ]


def test_assemble_page_offsets_and_a_paragraph_across_pages() -> None:
    first = [line("One paragraph running over the end of the first page and on to", 100)]
    second = [line("the next one.", 760, page=2, right=150)]
    text, spans, _ = assemble([first, [], second])
    assert text == "One paragraph running over the end of the first page and on to the next one."
    cut = text.index("the next")
    assert spans == [(0, cut - 1), (cut - 1, cut - 1), (cut, len(text))]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D:20231117103000+11'00'", "2023-11-17"),
        ("D:2023", "2023"),
        ("D:202311", "2023-11"),
        ("20231117", "2023-11-17"),
        ("D:20231317", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_two_columns_keep_their_paragraphs() -> None:
    """Margins are measured per column: a full line of the narrow left column is not "short"
    against the right column's margin, and a paragraph runs on from one column to the next."""
    col = {"left": 72, "right": 290}
    col2 = {"left": 310, "right": 528}
    lines = [
        line("First paragraph fills the left column", 760, **col),
        line("line after line until it ends on a", 746, **col),
        line("short line.", 732, left=72, right=130),
        line("Second paragraph starts in the left", 718, **col),
        line("column and runs down to its foot and", 704, **col),
        line("on into the right column where it", 760, **col2),
        line("ends.", 746, left=310, right=335),
        line("Third paragraph after a short line,", 732, **col2),
        line("also in the right column only.", 718, left=310, right=470),
    ]
    text, _, _ = assemble([lines])
    assert text.split("\n\n") == [
        "First paragraph fills the left column line after line until it ends on a short line.",
        "Second paragraph starts in the left column and runs down to its foot and on into the "
        "right column where it ends.",
        "Third paragraph after a short line, also in the right column only.",
    ]


@pytest.mark.parametrize("text", ["12", "- 12 -", "Page 3 of 40", "xiv", "IV", "p. 7", "(ii)"])
def test_page_number_lines(text: str) -> None:
    pages = [[line("Body text at the top of the page", 700), line(text, 40)]]
    assert [ln.text for ln in strip_furniture(pages)[0]] == ["Body text at the top of the page"]


@pytest.mark.parametrize("text", ["civil", "2023 budget", "Chapter 12", "Vietnam"])
def test_lines_that_are_not_page_numbers(text: str) -> None:
    pages = [[line("Body text at the top of the page", 700), line(text, 40)]]
    assert len(strip_furniture(pages)[0]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "© Commonwealth of Australia 2023",
        "Copyright 2023 Example Pty Ltd. All rights reserved.",
        "www.example.org",
        "https://www.aph.gov.au/library | library@aph.gov.au",
        "OFFICIAL: Sensitive",
        "UNCLASSIFIED",
        "Commercial-in-confidence",
        "For official use only",
        # what browsers print around a page: its address and page count, the date and time
        "https://asia.example.com/tech/chip-packaging-race 2/5",
        "file:///C:/Users/analyst/Downloads/page.html 1/1",
        "www.example.com Page 2 of 5",
        "12/2/26, 10:35 PM Malaysia and Vietnam race for chip-packaging plants",
        "02.12.26, 22:35 Malaysia und Vietnam im Wettlauf um Chipfabriken",
        "2026-12-02 22:35:10",
    ],
)
def test_notices_in_a_one_page_margin_are_left_out(text: str) -> None:
    """Nothing repeats on a single page: a notice is known by its shape and its place, set
    apart from the body by a wide gap or in smaller type, at the top or the foot."""
    body = [line("Body text at the top of the page", 700), line("and a second line", 686)]
    for notice in (line(text, 40), line(text, 690 - 14 * 3, size=7)):
        assert is_notice(text)
        kept = strip_furniture([[notice, *body]])[0]
        assert [ln.text for ln in kept] == [ln.text for ln in body]


@pytest.mark.parametrize(
    "text",
    [
        "Official figures show a fall",
        "See the website for details",
        "Protected areas",
        "12/2/26 was the day the talks began",
        "At 10:35 PM the talks ended",
        "Growth reached 2/3 of the target",
    ],
)
def test_lines_in_the_margin_that_are_not_notices_stay_after_the_body(text: str) -> None:
    body = [line("Body text at the top of the page", 700), line("and a second line", 686)]
    kept = strip_furniture([[line(text, 40), *body]])[0]
    assert [ln.text for ln in kept] == [*(ln.text for ln in body), text]


def test_a_notice_in_the_run_of_the_body_stays() -> None:
    """Shape alone is not enough: a copyright line or a URL set like the body, one line step
    below it, is part of the text (a closing line, a "visit" line) and stays where it is."""
    lines = [
        line("Body text at the top of the page", 700),
        line("and a second line", 686),
        line("© the authors, who reserve their rights", 672),
        line("www.example.org", 658),
    ]
    assert strip_furniture([lines])[0] == lines


CHROME_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.mark.parametrize(
    ("info", "printed"),
    [
        ({"Producer": "Skia/PDF m131", "Creator": CHROME_UA}, True),  # Chrome, Edge
        ({"Producer": "Skia/PDF m120", "Creator": ""}, True),
        (
            {"Producer": "cairo 1.18.0 (https://cairographics.org)", "Creator": "Mozilla Firefox"},
            True,
        ),
        ({"Producer": "macOS Version 14.5 Quartz PDFContext", "Creator": "Safari"}, True),
        ({"Producer": "Microsoft® Word for Microsoft 365", "Creator": "Microsoft® Word"}, False),
        ({"Producer": "Adobe PDF Library 17.0", "Creator": "Adobe InDesign 19.0"}, False),
        ({"Producer": "LibreOffice 7.4", "Creator": "Writer"}, False),
        ({"Producer": "EDGAR Filer", "Creator": "EDGARizer 2024"}, False),
        ({}, False),
    ],
)
def test_a_web_page_printed_by_a_browser_has_no_date_of_printing(
    info: dict[str, str], printed: bool
) -> None:
    """A browser's PDF is dated the day it was printed: that is no date of the page's, so it
    is left for the page's own text to give; a report's creation date is its own."""
    dated = {**info, "Title": "A report", "CreationDate": "D:20261202224855+00'00'"}
    assert printed_by_browser(dated) is printed
    assert info_meta(dated, b"")["date"] == (None if printed else "2026-12-02")


@pytest.mark.parametrize(
    ("footer", "address"),
    [
        ("https://asia.example.com/tech/chip-race 1/3", "https://asia.example.com/tech/chip-race"),
        ("https://asia.example.com/tech/chip-race", "https://asia.example.com/tech/chip-race"),
        # a long address the browser cut short is no address
        ("https://asia.example.com/a/very/long/path/malaysia-and-vietnam-race-for-chip… 1/3", None),
        ("file:///C:/Users/analyst/page.html 1/1", None),  # a file on someone's machine
        ("Prepared for the Asia-Pacific Desk", None),
    ],
)
def test_the_address_a_browser_printed_on_the_first_page(footer: str, address: str | None):
    body = [line("Body text at the top of the page", 700), line("and a second line", 686)]
    assert printed_address([[*body, line(footer, 40, size=8)]]) == address


def piece(text: str, left: float, right: float, top: float = 700, size: float = 16) -> Line:
    return Line(text, 0, left, top - size * 1.2, right, top, size)


def test_pieces_of_a_line_are_made_whole() -> None:
    """What PDFium reads in pieces on one baseline: abutting pieces continue a word, a word's
    space apart they are the next word; far apart, or on another line, they stay apart."""
    lines = [
        piece("Die Bundes", 33.8, 119.3),
        piece("‐", 119.3, 124.7),  # a soft hyphen's dash, drawn on its own
        piece("liefer", 33.8, 72.0, top=680),
        piece("ketten", 72.0, 119.8, top=680),
        piece("12/2/26,", 24.0, 57.3, top=660, size=10.7),
        piece("11:17", 59.9, 82.9, top=660, size=10.7),
        piece("PM", 85.5, 97.2, top=660, size=10.7),
        piece("Title in the middle", 300.0, 360.1, top=660, size=10.7),
        piece("next line", 33.8, 90.0, top=640),
    ]
    assert [ln.text for ln in rejoin_pieces(lines)] == [
        "Die Bundes‐",
        "lieferketten",
        "12/2/26, 11:17 PM",
        "Title in the middle",
        "next line",
    ]
    joined = rejoin_pieces(lines)[0]
    assert (joined.left, joined.right) == (33.8, 124.7)
