"""Find and read source documents; unreadable files are skipped with a warning naming them."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import CorpusError, display_path
from briefing.sources.canonical import Unreadable, decode, is_source, read_canonical

__all__ = ["DocFile", "Unreadable", "decode", "list_documents", "read_document"]

RACY_NS = 3_000_000_000  # FAT keeps file times to 2 s, some network shares to 1 s


@dataclass(frozen=True)
class DocFile:
    """A source file on disk, before reading: enough to decide whether the cache is fresh."""

    name: str  # file name relative to the sources folder
    folder: Path
    size: int
    mtime_ns: int
    listed_ns: int = 0  # when it was listed

    @property
    def stamp(self) -> int:
        """The mtime a cache may remember: the file's own, or -1 (which no file has, so the
        next run compares contents) when it was modified so shortly before it was listed that
        an edit of the same size in the same clock tick would keep it: git's "racily clean"."""
        return self.mtime_ns if self.listed_ns - self.mtime_ns >= RACY_NS else -1

    @property
    def path(self) -> Path:
        """Built on demand: only changed files are ever opened, and 10,000 Path objects cost
        more than the stat calls they would describe."""
        return self.folder / self.name


def list_documents(folder: Path) -> list[DocFile]:
    """Every source document (.txt, .md, .pdf, .html, .htm, .docx) under the sources folder,
    sorted by name for determinism."""
    if not folder.exists():
        raise CorpusError(
            f"{display_path(folder)}: sources folder not found; "
            "create it or set `sources:` in the outline"
        )
    if not folder.is_dir():
        raise CorpusError(f"{display_path(folder)}: sources must be a folder, not a file")
    found = []
    listed = time.time_ns()  # before any stat: errs towards calling a file recent
    stack = [(os.fspath(folder), "")]
    while stack:  # os.scandir: names and stat without pathlib, ~3x faster on 10,000 files
        where, prefix = stack.pop()
        with os.scandir(where) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, f"{prefix}{entry.name}/"))
                elif is_source(entry.name):
                    stat = entry.stat()
                    found.append(
                        DocFile(prefix + entry.name, folder, stat.st_size, stat.st_mtime_ns, listed)
                    )
    found.sort(key=lambda d: d.name)
    if not found:
        raise CorpusError(
            f"{display_path(folder)}: no source documents (.txt, .md, .pdf, .html, .docx) found; "
            "add documents or point `sources:` at the right folder"
        )
    return found


def read_document(path: Path) -> tuple[str, str]:
    """A source's canonical text and the sha256 of its bytes. Raises Unreadable with a reason."""
    found = read_canonical(path)
    return found.text, found.sha


Listing = tuple[tuple[str, int, int], ...]  # (name, size, mtime or -1) of every source


def list_stamped(sources: Path) -> list[DocFile]:
    """The sources folder's documents, or none when the folder is unusable right now."""
    try:
        return list_documents(sources)
    except (CorpusError, OSError):
        return []


def snapshot(
    sources: Path, *, to_store: bool = False, files: list[DocFile] | None = None
) -> Listing:
    """Name, size and mtime of every source: equal listings mean an unchanged corpus (the
    same test the index makes before it looks at contents). Empty if the folder is unusable.
    `to_store`: the listing to remember, where a file modified just before gets no mtime
    (see DocFile.stamp), so the next run asks the index, which compares its content."""
    listed = list_stamped(sources) if files is None else files
    return tuple((d.name, d.size, d.stamp if to_store else d.mtime_ns) for d in listed)
