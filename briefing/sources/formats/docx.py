"""Word documents to canonical text with python-docx: every non-empty paragraph (headings and
table cells included) in document order, and the core properties as metadata."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing.packages import TooLarge, check_unpacked
from briefing.sources.formats.extracted import (
    Extracted,
    ExtractError,
    clean_value,
    empty_meta,
    join_authors,
)

EXTRACTOR = "docx/4"
# (author, creation time) a library's blank template carries, kept by every file made from it
# that does not set its own: python-docx's.
TEMPLATE_PROPERTIES = frozenset({("python-docx", "2013-12-23T23:15:00+00:00")})
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, or an encrypted .docx
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_docx(path: Path) -> Extracted:
    """Paragraphs separated by a blank line, with title, author and date from the properties."""
    import docx  # python-docx; imported here so other formats never pay for it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    check_package(path)
    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError, XMLSyntaxError) as exc:
        raise ExtractError(f"not a Word document (.docx): {exc}") from exc
    text = "\n\n".join(paragraphs(document))
    meta = empty_meta()
    props = document.core_properties
    created = props.created
    if created and (props.author, created.isoformat()) in TEMPLATE_PROPERTIES:
        created = None  # the day a library's template was made, not this document
    meta.update(
        title=clean_value(props.title) or first_title(document),
        author=join_authors(props.author),  # several: "A; B", as Word stores them
        publisher=company(path),
        date=created.date().isoformat() if created else None,
        url=clean_value(props.identifier) if is_url(props.identifier) else None,
    )
    return Extracted(text=text, meta=meta, extractor=EXTRACTOR)


def check_package(path: Path) -> None:
    """Name the usual ways a .docx file is not one: empty, an old .doc or password-protected
    file (both OLE compound files), not a ZIP package at all, or one that unpacks to gigabytes."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise ExtractError("empty file: not a Word document")
    if head == OLE_MAGIC:
        raise ExtractError(
            "password-protected or old-format Word file: save it as .docx without a password"
        )
    if not zipfile.is_zipfile(path):
        raise ExtractError("not a Word document (.docx is a ZIP package; this is not one)")
    try:
        check_unpacked(path)  # before python-docx reads every part into memory
    except TooLarge as exc:
        hint = "if it is a real document, save it again in Word"
        raise ExtractError(f"{exc}; left out ({hint})") from None


def blocks(document: Any) -> Iterator[Any]:
    """The body's paragraphs in order, reading each table cell's paragraphs in place (cells
    merged across columns are read once)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            yield Paragraph(child, document)
        elif child.tag == f"{W}tbl":
            seen: set[Any] = set()  # cell elements, kept alive so identity is stable
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    yield from cell.paragraphs


def paragraphs(document: Any) -> list[str]:
    """Each non-empty paragraph as one line: tabs, line breaks and runs of spaces become one
    space (a soft line break does not start a new paragraph)."""
    out = []
    for paragraph in blocks(document):
        text = " ".join(paragraph.text.split())
        if text:
            out.append(text)
    return out


def first_title(document: Any, within: int = 50) -> str | None:
    """The first paragraph styled Title (or else Heading 1) among the first `within`, for
    documents without a title property. Style ids are mapped to names once: python-docx's own
    per-paragraph style lookup scans every style each time."""
    names = {style.style_id: style.name for style in document.styles}
    found: dict[str, str] = {}
    for paragraph in document.paragraphs[:within]:
        style = names.get(paragraph._p.style or "", "")
        text = clean_value(paragraph.text)
        if text and style in ("Title", "Heading 1"):
            found.setdefault(style, text)
    return found.get("Title") or found.get("Heading 1")


def company(path: Path) -> str | None:
    """The Company of the extended properties (docProps/app.xml), standing for the publisher."""
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(path) as package:
            root = ET.fromstring(package.read("docProps/app.xml"))
    except (KeyError, zipfile.BadZipFile, ET.ParseError):
        return None
    for element in root:
        if element.tag.endswith("}Company"):
            return clean_value(element.text)
    return None


def is_url(value: str | None) -> bool:
    """Is the identifier property a web address (some tools store the source URL there)?"""
    return bool(value) and str(value).startswith(("http://", "https://"))
