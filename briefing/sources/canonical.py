"""A source's canonical text, whatever its format: what excerpt offsets index and `verify`
re-reads. `.txt`/`.md` are the file itself; PDF, HTML (a web archive's page too) and DOCX are
what their extractor makes, cached by the file's content hash and the extractor's version (as
inert, checksummed JSON).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.cachedir import cache_dir
from briefing.errors import OutputError
from briefing.reading import NOT_REGULAR, NotRegular, read_regular
from briefing.sources.formats import FORMATS, Extracted, ExtractError, PageSpan, extract

TEXT_SUFFIXES = (".txt", ".md")
_WEB_ARCHIVE = "which briefing does not read; save the page as HTML only, or print it to PDF"
# Documents an analyst may well save into a sources folder in a format briefing does not read:
# each is listed like a source and left out with a warning saying how to save it instead, so a
# folder of them never makes a deck without a word about them (they were passed over unseen).
REFUSED = {
    ".webarchive": f"a Safari web archive, {_WEB_ARCHIVE}",
    ".doc": "an old-format Word document, which briefing does not read; save it as .docx",
    ".rtf": "a rich-text file, which briefing does not read; save it as .docx or plain text",
    ".odt": "an OpenDocument text, which briefing does not read; save it as .docx or PDF",
    ".pages": "an Apple Pages document, which briefing does not read; export it as .docx or PDF",
    ".epub": "an e-book, which briefing does not read; convert it to PDF or plain text",
}
SUFFIXES = TEXT_SUFFIXES + tuple(FORMATS) + tuple(REFUSED)
_LIBRARIES = {".pdf": "pypdfium2", ".html": "trafilatura", ".htm": "trafilatura"}
_LIBRARIES[".docx"] = "python-docx"
_LIBRARIES[".mhtml"] = _LIBRARIES[".mht"] = "trafilatura"  # the page; email is the stdlib's


class Unreadable(Exception):
    """A source file that cannot be read as text; the message says why and how to fix it."""


@dataclass(frozen=True)
class Canonical:
    """A source's canonical text, the sha256 of its bytes, and what its extractor knew."""

    text: str
    sha: str
    pages: tuple[PageSpan, ...] = ()
    meta: dict[str, str | None] | None = None  # from the document's structure, if any

    def extracted(self) -> Extracted:
        return Extracted(self.text, self.pages, dict(self.meta or {}))

    def page_info(self, start: int, end: int) -> tuple[int | None, str | None, str | None]:
        """(first page number, its printed label, "p. 4"/"pp. 4-5") for a span, or Nones."""
        if not self.pages:
            return None, None, None
        found = self.extracted()
        first = found.page_at(start)
        if first is None:
            return None, None, None
        return first.number, first.label, found.citation_pages(start, end)


def is_source(name: str) -> bool:
    """Is a file of this name a source document briefing reads?"""
    return name.lower().endswith(SUFFIXES)


def source_bytes(path: Path) -> bytes:
    """A source file's bytes; Unreadable for one that is no regular file (`reading`)."""
    try:
        return read_regular(path)
    except NotRegular:
        raise Unreadable(f"{NOT_REGULAR}; remove it") from None


def read_canonical(path: Path, extractor: Callable[[Path], Extracted] = extract) -> Canonical:
    """The canonical text of the source at `path`; raises Unreadable with the reason.
    `extractor`: what extracts a format not in the cache (`workers.extract_alone` runs its
    reader in a process of its own)."""
    _refuse(path)
    raw = source_bytes(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        text, sha = decode(raw)
        return Canonical(text, sha)
    sha = hashlib.sha256(raw).hexdigest()
    key = _cache_key(path.suffix.lower(), sha)
    cached = _load(key)
    if cached is not None:
        return cached
    try:
        found = extractor(path)
    except ExtractError as exc:
        raise Unreadable(str(exc).removeprefix(f"{path.name}: ")) from None
    result = Canonical(found.text, sha, found.pages, dict(found.meta))
    _store(key, result)
    return result


def content_sha(path: Path) -> str:
    """The sha256 of a source's bytes, checking a text source decodes; an extracted format is
    only hashed here, and extracted (or refused) by the index's workers, in parallel."""
    _refuse(path)
    raw = source_bytes(path)
    if is_extracted(path.name):
        return hashlib.sha256(raw).hexdigest()
    return decode(raw)[1]


def _refuse(path: Path) -> None:
    """Unreadable, saying how to save it instead, for a format briefing does not read."""
    reason = REFUSED.get(path.suffix.lower())
    if reason is not None:
        raise Unreadable(reason)


def is_extracted(name: str) -> bool:
    """Is this source's canonical text made by an extractor (PDF, HTML, DOCX)?"""
    return name.lower().endswith(tuple(FORMATS))


def decode(raw: bytes) -> tuple[str, str]:
    """Decode a text source's bytes as UTF-8, returning (text, sha256), or raise Unreadable."""
    digest = hashlib.sha256(raw).hexdigest()
    if b"\x00" in raw[:8192]:
        wide = _wide_encoding(raw[:8192])
        if wide:
            raise Unreadable(f"{wide} text, not UTF-8; re-save it as UTF-8 to include it")
        raise Unreadable("binary file (holds NUL bytes), not text; remove it from the sources")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise Unreadable(
            f"not UTF-8 (bad byte at line {line}); re-save it as UTF-8 to include it"
        ) from None
    return text, digest  # a BOM stays: offsets index the decoded file exactly


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),  # before UTF-16's, which it starts with
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(head: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when the bytes are text in one (a Windows "Unicode" save, a
    PowerShell redirect), by its byte-order mark or, without one, by the NULs of mostly-ASCII
    text on one side of each byte pair; None for anything else with NUL bytes (binary)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    even, odd = head[0::2], head[1::2]
    if len(odd) < 4:
        return None
    for zeros, chars, order in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.7 * len(zeros) and chars.count(0) <= 0.02 * len(chars):
            text = head[: len(head) // 2 * 2].decode(order, "replace")
            if sum(c.isprintable() or c.isspace() for c in text) >= 0.95 * len(text):
                return "UTF-16"  # not a table of small binary numbers
    return None


@cache
def _library_version(suffix: str) -> str:
    from importlib import metadata as package_metadata  # 30 ms: only when extracting

    try:
        return package_metadata.version(_LIBRARIES[suffix])
    except (KeyError, package_metadata.PackageNotFoundError):
        return "?"


@cache
def extractors_version() -> str:
    """Changes whenever the extractors' code changes, so no cache outlives the code."""
    digest = hashlib.sha256()
    for module in sorted((Path(__file__).parent / "formats").glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(suffix: str, sha: str) -> str:
    """The extracted text depends on the file, our extractor and the library under it."""
    version = f"{FORMATS[suffix]}|{_library_version(suffix)}|{extractors_version()}"
    return hashlib.sha256(f"{sha}|{version}".encode()).hexdigest()[:32]


def _path(key: str) -> Path:
    return cache_dir() / "extracted" / f"{key}.json"


def _load(key: str) -> Canonical | None:
    """A cached extraction, or None when absent, damaged or tampered with (then re-extract)."""
    try:
        record = json.loads(_path(key).read_bytes())
        body = record["body"]
        if hashlib.sha256(body.encode()).hexdigest() != record["sum"]:
            return None
        data = json.loads(body)
        pages = tuple(PageSpan(int(n), int(s), int(e), lb) for n, s, e, lb in data["pages"])
        meta = {str(k): (None if v is None else str(v)) for k, v in data["meta"].items()}
        return Canonical(str(data["text"]), str(data["sha"]), pages, meta)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(key: str, found: Canonical) -> None:
    """Remember an extraction; a cache that cannot be written is simply skipped."""
    body = json.dumps(
        {
            "text": found.text,
            "sha": found.sha,
            "pages": [[p.number, p.start, p.end, p.label] for p in found.pages],
            "meta": found.meta or {},
        },
        ensure_ascii=False,
    )
    record = {"sum": hashlib.sha256(body.encode()).hexdigest(), "body": body}
    target = _path(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(record, ensure_ascii=False).encode())
    except (OSError, OutputError):
        return


def merged_meta(from_text: dict[str, object], found: Canonical) -> dict[str, object]:
    """Citation metadata: what the document's structure states wins over what its text
    suggests (the catalogue, applied later, wins over both)."""
    stated = {k: v for k, v in (found.meta or {}).items() if v}
    return {**from_text, **stated}
