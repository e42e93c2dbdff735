"""A web page printed to PDF by a real browser, as the warnings advise for a page briefing
cannot read: headless Chromium (installed by `.ci/run`) prints a news analysis with its
default header and footer (the date and title, the address and "1/3"), and the PDF must read
as the article: those left out, every paragraph's words in order, and a compound broken at its
own hyphen ("chip-/packaging") kept whole wherever the page spells it whole elsewhere.
`test_formats_pdf.py` lays out its PDFs line by line with fpdf2; this is a producer nobody
here wrote."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import threading
import unicodedata
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from briefing.sources.formats import extract
from tests.sources import fixtures_formats as fx

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
MORE = [
    "The chip-packaging push is also a test of whether back-end work can seed front-end "
    "design: neither government has yet drawn a wafer fab.",
    "“Back-end plants employ thousands, but the chip-packaging margin is thin,” said Lê Văn "
    "Tâm, a consultant in Hanoi.",
]


def words(text: str) -> str:
    """Letters and digits only: what must survive whatever the line breaks and hyphens."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isalnum())


def print_to_pdf(url: str, pdf: Path, *options: str) -> Path:
    """`url` printed to `pdf` by headless Chromium, with its default header and footer."""
    assert BROWSER is not None
    subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--timeout=15000",
         *options, f"--print-to-pdf={pdf}", url],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return pdf


@pytest.fixture(scope="module", params=[18, 30], ids=lambda w: f"{w}em")  # 3 pages, 1 page
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The page printed by Chromium with its article set `width` em wide (narrow columns
    break more lines, and more of them at hyphens), and the raw lines PDFium reads."""
    if BROWSER is None:
        pytest.skip("headless Chromium is not installed: no browser-printed PDF to read")
    folder = tmp_path_factory.mktemp(f"print{request.param}")
    page = fx._page(fx.NIKKEI_PAGE, fx.NIKKEI_PARAGRAPHS + MORE).replace(
        "</head>", f"<style>article {{ width: {request.param}em }}</style></head>"
    )
    html = folder / "page.html"
    html.write_bytes(page.encode("utf-8"))
    pdf = print_to_pdf(html.as_uri(), folder / "page.pdf")
    document = pdfium.PdfDocument(pdf)
    try:
        raw = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return pdf, html, raw


def test_the_browser_s_header_and_footer_are_left_out(printed) -> None:
    pdf, html, raw = printed
    text = extract(pdf).text
    assert html.as_uri() in raw[0]  # Chromium did print its footer (on one page or several)
    assert html.as_uri() not in text and "file://" not in text
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}\s?[AP]M", text), text[:300]
    assert not re.search(r"(?m)^\d+/\d+$", text)  # "1/3"
    assert text.count("Asia Markets Review") <= 1  # the footer line; never the running title


def test_every_paragraph_reads_whole_and_in_order(printed) -> None:
    pdf, _, _ = printed
    text = extract(pdf).text
    position = 0
    for paragraph in fx.NIKKEI_PARAGRAPHS + MORE:
        found = words(text).find(words(paragraph), position)
        assert found >= 0, paragraph
        position = found
    for paragraph in fx.NIKKEI_PARAGRAPHS:  # lines joined with single spaces, nothing glued
        if "-" not in paragraph:
            assert paragraph in text, paragraph


def test_a_compound_broken_at_its_own_hyphen_stays_whole(printed) -> None:
    pdf, _, raw = printed
    text = extract(pdf).text
    spelled = {w.lower() for w in re.findall(r"\w+(?:-\w+)+", "\n".join(raw))}
    assert {"chip-packaging", "back-end"} <= spelled
    for compound in spelled:
        assert compound.replace("-", "") not in text.lower(), compound


def test_a_page_printed_from_the_web_is_cited_by_its_address_not_the_day_it_was_printed(
    tmp_path: Path,
) -> None:
    """The PDF's creation date is the day of printing: never the page's date. Its address,
    printed in the footer, is the source's URL; the site's name that ends the page's title
    (its browser tab's) is the publisher, not part of the title, as the address names it."""
    if BROWSER is None:
        pytest.skip("headless Chromium is not installed: no browser-printed PDF to read")
    site = tmp_path / "site"
    site.mkdir()
    page = fx._page(fx.NIKKEI_PAGE, fx.NIKKEI_PARAGRAPHS)  # its date only in a meta tag
    (site / "chip-race.html").write_bytes(page.encode("utf-8"))
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://asiamarkets.test:{server.server_address[1]}/chip-race.html"
        resolve = "--host-resolver-rules=MAP asiamarkets.test 127.0.0.1"
        pdf = print_to_pdf(url, tmp_path / "chip-race.pdf", resolve)
    finally:
        server.shutdown()
        server.server_close()
    meta = extract(pdf).meta
    assert meta["url"] == url
    assert meta["date"] is None
    assert meta["title"] == "Malaysia and Vietnam race for chip-packaging plants"
    assert meta["publisher"] == "Asia Markets Review"


def test_soft_hyphens_a_browser_drew_leave_whole_words(tmp_path: Path) -> None:
    """A German page with soft hyphens (&shy;) in its long compounds: Chromium draws the dash
    of one it breaks at, and splits a word at one it does not, as text of their own; each
    word reads whole, without the dash, and each paragraph as one."""
    if BROWSER is None:
        pytest.skip("headless Chromium is not installed: no browser-printed PDF to read")
    sentence = (
        "Die Bundes&shy;regierung will die Halbleiter&shy;liefer&shy;ketten mit Vietnam "
        "stärken, sagte die Wirtschafts&shy;ministerin am Dienstag in Hanoi vor Vertretern "
        "der Industrie."
    )
    page = tmp_path / "de.html"
    page.write_text(
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Chips</title>"
        "<style>p { width: 12em; font-size: 16px }</style></head><body>"
        + f"<p>{sentence}</p>" * 6
        + "</body></html>",
        encoding="utf-8",
    )
    text = extract(print_to_pdf(page.as_uri(), tmp_path / "de.pdf")).text
    assert "‐" not in text and "\xad" not in text
    # PDFium also runs two of such a page's lines into one text line: split again by the
    # characters' baselines, each paragraph reads whole
    assert text.split("\n\n").count(sentence.replace("&shy;", "")) == 6, text[:400]
