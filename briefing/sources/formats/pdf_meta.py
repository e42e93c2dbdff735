"""PDF metadata: the document information dictionary first, an uncompressed XMP packet for
what it lacks, and the first page's largest heading as a last resort for the title; for a web
page a browser printed, the address it printed in the margin, and no date of printing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from statistics import median

from briefing.sources.formats.extracted import clean_value, join_authors, join_names
from briefing.sources.formats.pdf_layout import Line

PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# Titles that authoring tools write instead of the document's own.
TOOL_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|pdf|indd)$", re.IGNORECASE
)
XMP_PACKET = re.compile(rb"<rdf:RDF\b.*?</rdf:RDF>", re.DOTALL)
# A web page printed to PDF by a browser (Chromium's and Edge's Skia, a browser's user agent as
# the creator): its creation date is the day it was printed, never the page's own.
BROWSER_PRODUCER = re.compile(r"^Skia/PDF\b", re.IGNORECASE)
BROWSER_CREATOR = re.compile(r"Mozilla/\d|\bChrom(?:e|ium)\b|\bFirefox\b|\bSafari\b|\bEdg/\d", re.I)
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


def iso_date(value: str | None, pattern: re.Pattern[str] = PDF_DATE) -> str | None:
    """ "D:20231117103000+11'00'" (or "2023-11-17T...") as "2023-11-17"; a date stated only to
    the year or month keeps that precision ("2023", "2023-11"); None if it is not a date."""
    if not value:
        return None
    match = pattern.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        return None
    return "-".join(part for part in (year, month, day if month else None) if part)


def printed_by_browser(info: dict[str, str]) -> bool:
    """Is this a web page a browser printed to PDF (its info dictionary's producer or creator)?"""
    return bool(
        BROWSER_PRODUCER.match(info.get("Producer") or "")
        or BROWSER_CREATOR.search(info.get("Creator") or "")
    )


def info_meta(info: dict[str, str], data: bytes) -> dict[str, str | None]:
    """title, author, publisher and date from the info dictionary, filled in from XMP; a page a
    browser printed has no date from either (theirs is the day it was printed: the page's
    own date, if it shows one, is read from its text)."""
    title = clean_value(info.get("Title"))
    if title and TOOL_TITLE.search(title):
        title = None
    meta: dict[str, str | None] = {
        "title": title,
        "author": join_authors(info.get("Author")),  # several: "A; B", as office suites write
        "publisher": None,
        "date": iso_date(info.get("CreationDate")),
    }
    if any(value is None for value in meta.values()):
        for key, value in xmp_meta(data).items():
            if meta.get(key) is None:
                meta[key] = value
    if printed_by_browser(info):
        meta["date"] = None
    return meta


def xmp_meta(data: bytes) -> dict[str, str | None]:
    """Dublin Core title, creators, publisher and xmp:CreateDate from the first XMP packet
    stored uncompressed in the file (as the XMP specification asks); {} if there is none."""
    match = XMP_PACKET.search(data)
    if not match:
        return {}
    try:
        root = ET.fromstring(match.group(0))
    except ET.ParseError:
        return {}

    def values(tag: str) -> list[str]:
        found = []
        for element in root.iterfind(f".//{tag}", NS):
            items = element.findall(".//rdf:li", NS) or [element]
            found += [v for v in (clean_value(i.text) for i in items) if v]
        return found

    def attribute_or_element(tag: str) -> str | None:
        for element in root.iterfind(".//rdf:Description", NS):
            prefix, name = tag.split(":")
            value = element.get(f"{{{NS[prefix]}}}{name}")
            if value:
                return clean_value(value)
        found = values(tag)
        return found[0] if found else None

    creators = values("dc:creator")
    return {
        "title": (values("dc:title") or [None])[0],
        "author": join_names(creators),
        "publisher": (values("dc:publisher") or [None])[0],
        "date": iso_date(attribute_or_element("xmp:CreateDate"), ISO_DATE),
    }


def title_from_paragraphs(paragraphs: list[list[Line]]) -> str | None:
    """The first page's heading in the largest type, among its first five paragraphs, when
    that is larger than the body text and reads like a title (under 200 characters)."""
    if not paragraphs:
        return None
    body = median(line.size for para in paragraphs for line in para)
    first = [p for p in paragraphs[:5] if p[0].page == paragraphs[0][0].page]
    best = max(first, key=lambda p: p[0].size)
    text = " ".join(line.text for line in best)
    if best[0].size < 1.15 * body or len(text) > 200:
        return None
    return clean_value(text)
