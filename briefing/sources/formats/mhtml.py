"""Web archives (MHTML: a browser's "Webpage, Single File" save, `.mhtml`/`.mht`) to canonical
text. The archive is a MIME message (RFC 2557): the standard library's `email` package reads
its headers and undoes the page's transfer encoding, and the page is then read as a saved
`.html` page is (`html.py`, trafilatura). Only the page is decoded: the pictures, fonts and
style sheets packed beside it are passed over, however large.
"""

from __future__ import annotations

import binascii
import email.parser
import email.policy
import quopri
import re
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

from briefing.sources.formats import html
from briefing.sources.formats.extracted import Extracted, ExtractError, web_address

EXTRACTOR = f"mhtml/1+{html.EXTRACTOR}"  # the page is read by the HTML extractor
HEAD_BYTES = 64 * 1024  # an archive's or part's headers longer than this are not MIME's
NOT_AN_ARCHIVE = "save the page again (as HTML only, or print it to PDF)"
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


def extract_mhtml(path: Path) -> Extracted:
    """The main text and metadata of the page a web archive holds."""
    data = path.read_bytes()
    outer, body = _headers(data, 0, "the archive")
    root, start, end = _root_part(data, outer, body)
    payload = _decoded(root, data[start:end])
    if not payload.strip():
        raise ExtractError(f"the archive's page is empty; {NOT_AN_ARCHIVE}")
    found = html.extract_markup(html.decode_html(payload, root.get_content_charset()))
    if found.meta.get("url") is None:  # the page names no canonical address: where it was saved
        for where in (root.get("Content-Location"), outer.get("Snapshot-Content-Location")):
            if url := web_address(str(where) if where else None):
                found.meta["url"] = url
                break
    return Extracted(text=found.text, meta=found.meta, extractor=EXTRACTOR)


def _headers(data: bytes, at: int, what: str) -> tuple[Message, int]:
    """The headers of the MIME entity at `at` (parsed) and where its body starts."""
    blank = _BLANK_LINE.search(data, at, at + HEAD_BYTES)
    block = data[at : blank.start()] if blank is not None else b""
    headers = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
        block, headersonly=True
    )
    if blank is None or b"\x00" in block or not headers.keys() or headers.defects:
        raise ExtractError(f"not a web archive: {what} has no MIME headers; {NOT_AN_ARCHIVE}")
    return headers, blank.end()


def _root_part(data: bytes, outer: Message, body: int) -> tuple[Message, int, int]:
    """The archive's page (its headers, where its body starts and ends): the whole archive
    when it is a page alone, else the part its `start` parameter names, else its first HTML
    part (RFC 2557's root is the first part; a browser's is the page). Without `start`, the
    parts after the page are never looked at."""
    if _is_page(outer):
        return outer, body, len(data)
    boundary = outer.get_boundary() if outer.get_content_maintype() == "multipart" else None
    if not boundary:
        kind = outer.get_content_type()
        raise ExtractError(f"not a web archive: the archive holds {kind}; {NOT_AN_ARCHIVE}")
    try:
        delimiter = b"--" + boundary.encode("ascii")
    except UnicodeEncodeError:
        raise ExtractError(f"the archive's boundary is not ASCII; {NOT_AN_ARCHIVE}") from None
    named = str(outer.get_param("start") or "").strip()
    fallback: tuple[Message, int, int] | None = None
    for start, end in _part_spans(data, body, delimiter):
        part = _part(data, start)
        if part is None or not _is_page(part[0]):
            continue
        if not named or part[0].get("Content-ID", "").strip() == named:
            return part[0], part[1], end
        fallback = fallback or (part[0], part[1], end)  # `start` names no page: the first
    if fallback is not None:
        return fallback
    raise ExtractError(f"the archive holds no web page; {NOT_AN_ARCHIVE}")


def _part(data: bytes, start: int) -> tuple[Message, int] | None:
    """A body part's headers and where its body starts; None for one without headers (plain
    text, by MIME's default) or with headers that are not MIME's: neither can be the page."""
    if data.startswith((b"\r\n", b"\n"), start):
        return None
    try:
        return _headers(data, start, "a part")
    except ExtractError:
        return None


def _is_page(part: Message) -> bool:
    return part.get_content_type() == "text/html"


def _part_spans(data: bytes, at: int, delimiter: bytes) -> Iterator[tuple[int, int]]:
    """Where each body part of a multipart body starts and ends, found one after another: the
    parts between delimiter lines ("--" boundary at a line's start), without the line break
    that belongs to the delimiter. The closing delimiter ends them; an archive cut short
    before it ends its last part at the end of the file."""
    begun: int | None = None
    found = data.find(delimiter, at)
    while found >= 0:
        line_end = data.find(b"\n", found)
        line_end = len(data) if line_end < 0 else line_end + 1
        tail = data[found + len(delimiter) : line_end].rstrip(b"\r\n \t")
        at_line_start = found == at or data[found - 1 : found] == b"\n"
        if at_line_start and tail in (b"", b"--"):
            if begun is not None:
                cut = found - 2 if data[found - 2 : found] == b"\r\n" else found - 1
                yield begun, max(begun, cut)
            if tail == b"--":  # the closing delimiter
                return
            begun = line_end
        found = data.find(delimiter, line_end)
    if begun is not None:
        yield begun, len(data)


def _decoded(part: Message, body: bytes) -> bytes:
    """A part's body with its transfer encoding (quoted-printable, base64) undone."""
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding == "quoted-printable":
        return quopri.decodestring(body)
    if encoding == "base64":
        try:
            return binascii.a2b_base64(body)
        except binascii.Error:
            raise ExtractError(
                f"the archive's page is damaged (base64); {NOT_AN_ARCHIVE}"
            ) from None
    return body  # 7bit, 8bit, binary: as it is
