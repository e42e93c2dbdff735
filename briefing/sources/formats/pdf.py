"""PDF to canonical text with PDFium (pypdfium2): prose paragraphs, page offsets and labels,
and the document's own metadata; anything unreadable raises ExtractError saying why."""

from __future__ import annotations

import ctypes
import re
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from briefing.forked import Forked, cores
from briefing.sources.formats.extracted import (
    Extracted,
    ExtractError,
    PageSpan,
    clean_value,
    empty_meta,
)
from briefing.sources.formats.pdf_furniture import printed_address, strip_furniture
from briefing.sources.formats.pdf_layout import Line, assemble, rejoin_pieces
from briefing.sources.formats.pdf_meta import info_meta, printed_by_browser, title_from_paragraphs
from briefing.sources.formats.site_name import split_site_name

EXTRACTOR = "pdf/6"
LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b-\x1f\x7f\uffff]")
# PDFium reports a hyphen it judged to end a line as U+FFFE and runs the two lines together;
# they are split again after it, so that the layout rules decide what the hyphen means.
LINES = re.compile(r"[^\r\n\ufffe]+\ufffe?|\ufffe")
TALL = 1.6  # type sizes: a text line whose box is taller holds more than one line of the page
SPLIT_PAGES = 16  # a PDF this long has its later half read by a forked process meanwhile
LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF: remove the password (or save an unlocked copy)",
    pdfium_c.FPDF_ERR_SECURITY: "PDF uses an unsupported security handler: save an unlocked copy",
    pdfium_c.FPDF_ERR_FILE: "cannot read the file",
}


def extract_pdf(path: Path) -> Extracted:
    """Read a PDF's text layer as prose paragraphs, with page offsets, labels and metadata."""
    data = path.read_bytes()
    check_bytes(data)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        raise ExtractError(LOAD_ERRORS.get(code, "damaged PDF: PDFium cannot open it")) from exc
    try:
        pages = read_pages(doc)
        labels = [page_label(doc, i) for i in range(len(doc))]
        info = doc.get_metadata_dict()
    finally:
        doc.close()
    if not any(pages):
        raise ExtractError("no text layer (scanned image?): run OCR first")
    text, spans, paragraphs = assemble(strip_furniture(pages))
    meta = empty_meta()
    meta.update(info_meta(info, data))
    if printed_by_browser(info):  # a web page: where it was printed from, and by whom
        meta["url"] = printed_address(pages)
        meta["title"], site = split_site_name(meta["title"], meta["url"])
        meta["publisher"] = meta["publisher"] or site
    if meta["title"] is None:
        meta["title"] = title_from_paragraphs(paragraphs)
    page_spans = tuple(
        PageSpan(number=i + 1, start=s, end=e, label=labels[i]) for i, (s, e) in enumerate(spans)
    )
    return Extracted(text=text, pages=page_spans, meta=meta, extractor=EXTRACTOR)


def check_bytes(data: bytes) -> None:
    """Refuse, with the reason, what is not a whole PDF before PDFium tries to repair it: an
    empty file, no "%PDF-" header near the start, or no "%%EOF" near the end (truncated)."""
    if not data.strip():
        raise ExtractError("empty file: not a PDF")
    if b"%PDF-" not in data[:1024]:
        raise ExtractError("not a PDF (no %PDF- header): is it another format renamed .pdf?")
    if b"%%EOF" not in data[-2048:]:
        raise ExtractError("truncated PDF (no %%EOF end marker): download or copy it again")


def read_pages(doc: pdfium.PdfDocument) -> list[list[Line]]:
    """Every page's lines. A long PDF's later half is read by a forked process while this one
    reads the first (PDFium's text pages are most of a PDF's cost, each page independent), so a
    report on two cores is read in half the time. Whatever goes wrong in that process (a page
    PDFium cannot read, a crash in C) has its half read again here, so it fails as it would."""
    count = len(doc)
    if count < SPLIT_PAGES or cores() < 2:
        return [read_page(doc, i) for i in range(count)]
    half = count // 2
    later = Forked(partial(_pages_or_none, doc, half, count))
    try:
        pages = [read_page(doc, i) for i in range(half)]
    except BaseException:
        later.cancel()
        raise
    rest = later.result()
    if rest is None:
        rest = [read_page(doc, i) for i in range(half, count)]
    return pages + rest


def _pages_or_none(doc: pdfium.PdfDocument, start: int, stop: int) -> list[list[Line]] | None:
    """Pages start..stop-1, or None if one cannot be read (read again by the caller, whose
    ExtractError then names it: a forked process's error would come back as another type)."""
    try:
        return [read_page(doc, i) for i in range(start, stop)]
    except ExtractError:
        return None


def read_page(doc: pdfium.PdfDocument, index: int) -> list[Line]:
    """One page's text lines in PDFium's reading order, each with its box and font size."""
    try:
        page = doc[index]
        textpage = page.get_textpage()
    except pdfium.PdfiumError as exc:
        raise ExtractError(f"damaged PDF: page {index + 1} cannot be read") from exc
    try:
        raw = textpage.get_text_range()
        lines = []
        for match in LINES.finditer(raw):
            line = make_line(textpage, raw, match.start(), match.end(), index)
            if line is None:
                continue
            if line.top - line.bottom <= TALL * line.size:
                lines.append(line)
                continue
            for begin, end in rows(textpage, raw, match.start(), match.end()):
                row = make_line(textpage, raw, begin, end, index)
                if row is not None:
                    lines.append(row)
        return rejoin_pieces(lines)
    finally:
        textpage.close()
        page.close()


def rows(textpage: pdfium.PdfTextPage, raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The visual lines of one text line PDFium ran together across lines (its box taller than
    TALL type sizes: seen where a browser split a word at a soft hyphen): split where a
    character's baseline drops below the one before it by half its height or more."""
    found: list[tuple[int, int]] = []
    begun, base = start, None
    for at in range(start, end):
        if raw[at].isspace():
            continue
        box = char_box(textpage, at)
        if box is None:
            continue
        if base is not None and base - box[1] > 0.5 * (box[3] - box[1]):
            found.append((begun, at))
            begun = at
        base = box[1]
    found.append((begun, end))
    return found


def make_line(
    textpage: pdfium.PdfTextPage, raw: str, start: int, end: int, page: int
) -> Line | None:
    """The Line for raw[start:end], or None if it holds no text; whitespace is collapsed,
    ligatures spelled out and control characters dropped (PDFium's line-end hyphen marker
    \\x02 is kept for the joiner)."""
    segment = raw[start:end]
    first = len(segment) - len(segment.lstrip())
    last = len(segment.rstrip()) - 1
    if last < first:
        return None
    if not segment.isascii():  # most lines: no ligature to spell out (11,000 at 300 pages)
        segment = segment.translate(LIGATURES)
    text = " ".join(CONTROL.sub("", segment).split()).replace("\ufffe", "-")
    if not text:
        return None
    opening = text_to_char(textpage, start + first)
    lo = _box(textpage, opening)
    hi = char_box(textpage, start + last)
    size = pdfium_c.FPDFText_GetFontSize(textpage, opening)
    if lo is None or hi is None:
        lo = hi = lo or hi or (0.0, 0.0, 0.0, 0.0)
    return Line(
        text=text,
        page=page,
        left=lo[0],
        bottom=min(lo[1], hi[1]),
        right=hi[2],
        top=max(lo[3], hi[3]),
        size=float(size) or (lo[3] - lo[1]) / 1.15,
    )


def text_to_char(textpage: pdfium.PdfTextPage, text_index: int) -> int:
    """PDFium's char index for a position in the page text (they differ for generated chars)."""
    return int(pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index))


def char_box(textpage: pdfium.PdfTextPage, text_index: int) -> tuple[float, ...] | None:
    """The loose (font-height) box of a character: left, bottom, right, top; None if unknown."""
    return _box(textpage, text_to_char(textpage, text_index))


def _box(textpage: pdfium.PdfTextPage, index: int) -> tuple[float, ...] | None:
    """`char_box` of PDFium's char `index` (negative: none)."""
    if index < 0:
        return None
    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(rect)):
        return None
    return (rect.left, rect.bottom, rect.right, rect.top)


def page_label(doc: pdfium.PdfDocument, index: int) -> str | None:
    """The page's printed label from the PDF's /PageLabels ("iv", "A-3"), or None."""
    try:
        label = doc.get_page_label(index)
    except (pdfium.PdfiumError, ValueError):
        return None
    return clean_value(label)
