"""ZIP packages (.docx sources, .pptx templates and decks) measured before a library unpacks them.

python-docx and python-pptx read every part of a package into memory and parse its XML whole,
and a package is a ZIP file: a small one can unpack to gigabytes (1.6 MB of deflated spaces in
one slide made `verify` hold 3.2 GB for 12 s). A package's central directory states each
member's unpacked size, and Python's zipfile never unpacks a member past the size it states
(one that would fails its checksum), so checking the stated sizes first bounds what opening
the package can cost.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_MEMBER_BYTES = 128 << 20  # a 2,000-page report's document.xml is tens of MB
MAX_TOTAL_BYTES = 512 << 20  # its pictures included
MAX_MEMBERS = 20_000  # a 1,000-slide deck with notes and media has a few thousand


class TooLarge(ValueError):
    """The package unpacks to more than any real document: the message says how much."""


def check_unpacked(path: Path) -> None:
    """Raise TooLarge when the package at `path` unpacks to more than a real document does.
    A file that is no ZIP package at all is left for the library to refuse in its own words."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return
    if len(members) > MAX_MEMBERS:
        raise TooLarge(
            f"its ZIP package holds {len(members):,} files, more than any real document holds"
        )
    total = sum(m.file_size for m in members)
    biggest = max(members, key=lambda m: m.file_size, default=None)
    if biggest is None:
        return
    if biggest.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
        raise TooLarge(
            f"its ZIP package unpacks to {_size(total)} ({biggest.filename} alone "
            f"{_size(biggest.file_size)}), more than any real document holds"
        )


def _size(count: int) -> str:
    return f"{count / (1 << 30):.1f} GB" if count >= 1 << 30 else f"{count / (1 << 20):.0f} MB"
