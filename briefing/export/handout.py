"""`briefing handout`: the deck on paper, one notes page per slide, as a PDF.

The deck is built as for `briefing build` into a private temporary folder, each notes page is
given the width of the page and a smaller type that shrinks further when a slide's notes are
long (so every citation and context paragraph is printed, none cut off), and LibreOffice exports
the notes pages with its own throwaway profile. The PDF's creation date and file id are then
fixed, so the same deck gives the same bytes, and it is written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from briefing import atomic
from briefing.deck import Deck
from briefing.errors import OutputError, display_path

NOTES_FILTER = (
    'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},'
    '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}'
)
# The notes box on a 7.5 x 10 in notes page: below the slide image, the page's width less
# half-inch margins; 10 pt type, shrunk by LibreOffice when the notes are longer.
NOTES_BOX = (
    '<p:spPr><a:xfrm><a:off x="457200" y="4114800"/>'
    '<a:ext cx="5943600" cy="4572000"/></a:xfrm></p:spPr>'
)
NOTES_TEXT = (
    "<a:bodyPr><a:normAutofit/></a:bodyPr>"
    '<a:lstStyle><a:lvl1pPr><a:defRPr sz="1000"/></a:lvl1pPr></a:lstStyle>'
)
_NOTES_PART = re.compile(r"ppt/notesSlides/notesSlide\d+\.xml")
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
_DATE = re.compile(rb"/CreationDate\s*\(D:(\d{14})")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
TIMEOUT = 300  # seconds: LibreOffice's first run in a fresh profile is slow


def find_soffice() -> str:
    """LibreOffice's command, or a one-line error naming what to install."""
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    raise OutputError(
        "briefing handout needs LibreOffice (soffice) to lay out the notes pages, and it is not "
        "installed: install LibreOffice Impress (e.g. apt-get install libreoffice-impress)"
    )


def check_destination(path: Path) -> None:
    """Fail early, in one line, when the handout cannot be written where asked."""
    folder = path.parent if str(path.parent) else Path(".")
    where = display_path(path)
    if path.suffix.lower() != ".pdf":
        raise OutputError(f"{where}: the handout file must end in .pdf")
    if path.is_dir():
        raise OutputError(f"{where}: is a folder; give a file name ending in .pdf")
    if not folder.is_dir():
        raise OutputError(f"{where}: output folder {display_path(folder)} does not exist")


def notes_for_print(xml: str) -> str:
    """A notes page whose notes box spans the page and shrinks its text to fit."""
    at = xml.find('type="body"')
    if at < 0:
        return xml
    box = xml.find("<p:spPr/>", at)
    if box >= 0:
        xml = xml[:box] + NOTES_BOX + xml[box + len("<p:spPr/>") :]
    text = xml.find("<a:bodyPr/><a:lstStyle/>", at)
    if text >= 0:
        xml = xml[:text] + NOTES_TEXT + xml[text + len("<a:bodyPr/><a:lstStyle/>") :]
    return xml


def printable(deck_file: Path, out: Path) -> None:
    """Copy the deck with each notes page laid out for print."""
    with zipfile.ZipFile(deck_file) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if _NOTES_PART.fullmatch(info.filename):
                data = notes_for_print(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)


def _each_group(pdf: bytes, pattern: re.Pattern[bytes], make: bytes) -> bytes:
    """`pdf` with every group of every match of `pattern` overwritten by `make` (cut to size)."""

    def put(m: re.Match[bytes]) -> bytes:
        text, start = bytearray(m.group(0)), m.start()
        for group in range(1, (pattern.groups or 0) + 1):
            a, b = m.start(group) - start, m.end(group) - start
            text[a:b] = make[: b - a]
        return bytes(text)

    return pattern.sub(put, pdf)


def fixed(pdf: bytes, when: dt.datetime) -> bytes:
    """The PDF with its creation date set to `when`, and its file id and checksum (which
    change with every run) derived from the content: each is replaced by text of the same
    length, so the cross-reference table stays right."""
    pdf = _each_group(pdf, _DATE, when.strftime("%Y%m%d%H%M%S").encode())
    for field in (_ID, _CHECKSUM):
        pdf = _each_group(pdf, field, b"0" * 64)
    digest = hashlib.sha256(pdf).hexdigest().upper().encode()
    for field in (_ID, _CHECKSUM):
        pdf = _each_group(pdf, field, digest)
    return pdf


def when_made(deck: Deck) -> dt.datetime:
    """$SOURCE_DATE_EPOCH, else the outline's date, else 1 January 2000 (never the clock)."""
    if epoch := os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError):
            pass
    day = deck.date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def write_handout(deck: Deck, out: Path, template: Path | None = None) -> int:
    """Write `deck` as a notes-page PDF at `out`; returns the number of pages."""
    check_destination(out)
    soffice = find_soffice()
    from briefing.export.pptx.writer import build_pptx

    with tempfile.TemporaryDirectory(prefix="briefing-handout-") as scratch:
        work = Path(scratch)
        built, handout = work / "deck.pptx", work / "handout.pptx"
        build_pptx(deck, built, template)
        printable(built, handout)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            NOTES_FILTER,
            "--outdir",
            str(work / "pdf"),
            str(handout),
        ]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OutputError(
                f"cannot write {display_path(out)}: LibreOffice failed ({exc})"
            ) from None
        pdf = work / "pdf" / "handout.pdf"
        if run.returncode != 0 or not pdf.is_file():
            said = (run.stderr or run.stdout).strip().splitlines()
            reason = said[-1] if said else f"exit status {run.returncode}"
            raise OutputError(f"cannot write {display_path(out)}: LibreOffice: {reason}")
        data = fixed(pdf.read_bytes(), when_made(deck))
    atomic.write_atomic(out, data)
    return len(_PAGE.findall(data))
