"""Canonical text for sources that are not plain text: PDF, HTML, web archives (MHTML) and DOCX,
one extractor each.

`.txt` and `.md` sources are not handled here: their canonical text is the file itself,
decoded as UTF-8. Each extractor is deterministic for a given file and extractor version, and
the version (`Extracted.extractor`, also in FORMATS) belongs in any cache of its output.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.sources.formats.extracted import (
    META_KEYS,
    Extracted,
    ExtractError,
    PageSpan,
)

__all__ = ["FORMATS", "META_KEYS", "ExtractError", "Extracted", "PageSpan", "extract", "handles"]

# suffix -> extractor name and version (the format modules' EXTRACTOR; a web archive's page is
# read by the HTML extractor, so its version is in the archive's)
FORMATS: dict[str, str] = {
    ".pdf": "pdf/6",
    ".html": "html/6",
    ".htm": "html/6",
    ".mhtml": "mhtml/1+html/6",
    ".mht": "mhtml/1+html/6",
    ".docx": "docx/4",
}


def handles(path: Path) -> bool:
    """Is this a format extracted here (by suffix, case-insensitive)?"""
    return path.suffix.lower() in FORMATS


def extract(path: Path) -> Extracted:
    """The canonical text and metadata of a PDF, HTML, MHTML or DOCX file, chosen by suffix; raises
    ExtractError (naming the file and the problem) when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ExtractError(
            f"{path.name}: no extractor for {suffix or 'files without a suffix'} "
            f"(extracted formats: {known})"
        )
    try:
        return _extractor(suffix)(path)
    except ExtractError as exc:
        raise ExtractError(f"{path.name}: {exc}") from exc
    except OSError as exc:
        raise ExtractError(f"{path.name}: cannot read: {exc.strerror or exc}") from exc


def _extractor(suffix: str) -> Callable[[Path], Extracted]:
    """The extractor function for a suffix, importing only that format's libraries."""
    if suffix == ".pdf":
        from briefing.sources.formats.pdf import extract_pdf

        return extract_pdf
    if suffix == ".docx":
        from briefing.sources.formats.docx import extract_docx

        return extract_docx
    if suffix in (".mhtml", ".mht"):
        from briefing.sources.formats.mhtml import extract_mhtml

        return extract_mhtml
    from briefing.sources.formats.html import extract_html

    return extract_html
