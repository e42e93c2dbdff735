"""Writing a deck file safely and reproducibly. Pure stdlib: no pptx import.

Reproducible: the same inputs give byte-identical files, so a deck can be rebuilt and diffed
(zip entries get fixed times and a stable order). Safe: the file is written next to its
target and moved into place with os.replace, so a failed build leaves no partial file and
never clobbers the deck already there.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from briefing import atomic
from briefing.errors import OutputError, display_path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FIRST = ("[Content_Types].xml", "_rels/.rels")  # readers expect these first


def build_time(outline_date: date | None) -> datetime | None:
    """The deck's timestamp: SOURCE_DATE_EPOCH when set (reproducible-builds convention),
    else the outline's date at midnight UTC, else None (no timestamp is written)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            raise OutputError(f"SOURCE_DATE_EPOCH is not a Unix time: {epoch!r}") from None
    if outline_date is not None:
        return datetime(outline_date.year, outline_date.month, outline_date.day)
    return None


def zip_entries(entries: dict[str, bytes], when: datetime | None) -> bytes:
    """A zip of `entries` with fixed entry times, permissions and order, so equal content
    gives equal bytes."""
    stamp = ZIP_EPOCH
    if when is not None and when.year >= 1980:
        stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second // 2 * 2)
    ordered = [n for n in FIRST if n in entries] + sorted(n for n in entries if n not in FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            dst.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()


def check_destination(path: Path) -> None:
    """Fail early, in one line, when the deck cannot be written where asked."""
    folder = path.parent if str(path.parent) else Path(".")
    where = display_path(path)
    if path.suffix.lower() != ".pptx":
        raise OutputError(f"{where}: the output file must end in .pptx")
    if path.is_dir():
        raise OutputError(f"{where}: is a folder; give a file name ending in .pptx")
    if not folder.exists():
        raise OutputError(f"{where}: output folder {display_path(folder)} does not exist")
    if not folder.is_dir():
        raise OutputError(f"{where}: {display_path(folder)} is not a folder")


def write_atomic(path: Path, data: bytes) -> None:
    """Write the deck all at once (see briefing.atomic): a failed build leaves no partial
    file and the previous deck untouched."""
    check_destination(path)
    atomic.write_atomic(path, data)
