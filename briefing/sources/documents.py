"""Find and read source documents; unreadable files are skipped with a warning naming them."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import NamedTuple

from briefing.errors import CorpusError, display_path
from briefing.sources.canonical import Unreadable, decode, is_source, read_canonical

__all__ = ["DocFile", "Unreadable", "decode", "list_documents", "read_document"]

RACY_NS = 3_000_000_000  # FAT keeps file times to 2 s, some network shares to 1 s
NOT_UTF8 = "its file name is not valid UTF-8; rename it to include it"


class DocFile(NamedTuple):
    """A source file on disk, before reading: enough to decide whether the cache is fresh.
    A named tuple, not a frozen dataclass: a listing makes one per source, and 10,000 frozen
    dataclasses took 22 ms to make (each field set through `object.__setattr__`) against 8."""

    name: str  # file name relative to the sources folder
    folder: Path
    size: int
    mtime_ns: int
    listed_ns: int = 0  # when it was listed
    keep: tuple[str, ...] = ()  # passages `sources.yaml` rescues from cleaning

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


def list_documents(folder: Path, skipped: dict[str, str] | None = None) -> list[DocFile]:
    """Every source document (.txt, .md, .pdf, .html, .htm, .docx) under the sources folder,
    sorted by name for determinism.

    Symbolic links to folders are never followed, so a link loop cannot trap the walk, and the
    file system root or the home folder is refused outright. What cannot be listed (an
    unreadable subfolder, a file name that is not UTF-8, a file gone mid-listing) is left out
    and named in `skipped`, with the reason.
    """
    check_folder(folder)
    skipped = {} if skipped is None else skipped
    found = []
    listed = time.time_ns()  # before any stat: errs towards calling a file recent
    stack = [(os.fspath(folder), "")]
    while stack:  # os.scandir: names and stat without pathlib, ~3x faster on 10,000 files
        where, prefix = stack.pop()
        try:
            with os.scandir(where) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    name = prefix + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((entry.path, f"{name}/"))
                    elif is_source(entry.name):
                        if not _utf8(name):
                            skipped[shown_name(name)] = NOT_UTF8
                            continue
                        try:
                            stat = entry.stat()
                        except OSError:  # deleted since it was listed: nothing to index
                            continue
                        found.append(DocFile(name, folder, stat.st_size, stat.st_mtime_ns, listed))
        except OSError as exc:
            if not prefix:
                raise CorpusError(
                    f"{display_path(folder)}: cannot read the sources folder "
                    f"({exc.strerror or exc}); check its permissions"
                ) from None
            skipped[shown_name(prefix)] = (
                f"cannot read this folder ({exc.strerror or exc}); its documents were left out"
            )
    found.sort(key=lambda d: d.name)
    if not found:
        left = f" ({len(skipped)} left out: {_first(skipped)})" if skipped else ""
        raise CorpusError(
            f"{display_path(folder)}: no source documents (.txt, .md, .pdf, .html, .docx) "
            f"found{left}; add documents or point `sources:` at the right folder"
        )
    return found


def documents_from(
    folder: Path, rows: list[tuple[str, int, int]], listed_ns: int, skipped: dict[str, str]
) -> list[DocFile]:
    """`list_documents`'s answer from a listing already taken (name, size and mtime of every
    source, by name, at `listed_ns`: `compose/cache_proof.Scan`), so a recompose that listed
    the folder to fingerprint it does not walk it again; a name that is not UTF-8 is left out
    and named in `skipped`, as there (none left: the caller lists, and says why)."""
    check_folder(folder)
    make = DocFile._make  # a third of the time of calling the class, 10,000 times
    found = []
    for name, size, mtime_ns in rows:
        if name.isascii() or _utf8(name):
            found.append(make((name, folder, size, mtime_ns, listed_ns, ())))
        else:
            skipped[shown_name(name)] = NOT_UTF8
    return found


def check_folder(folder: Path) -> None:
    """Refuse a sources folder that is missing, not a folder, a link loop, `/` or home."""
    shown = display_path(folder)
    try:
        resolved = folder.resolve(strict=True)
        is_dir = folder.is_dir()
    except FileNotFoundError:
        raise CorpusError(
            f"{shown}: sources folder not found; create it or set `sources:` in the outline"
        ) from None
    except (OSError, RuntimeError) as exc:  # ELOOP: a symbolic link loop
        reason = getattr(exc, "strerror", None) or "a symbolic link loop"
        raise CorpusError(
            f"{shown}: cannot open the sources folder ({reason}); "
            "point `sources:` at a real folder of documents"
        ) from None
    if not is_dir:
        raise CorpusError(f"{shown}: sources must be a folder, not a file")
    whole = {Path(resolved.anchor): "the whole file system", _home(): "your whole home folder"}
    if resolved in whole:
        raise CorpusError(
            f"{shown}: refusing to read {whole[resolved]} as sources; "
            "point `sources:` at a folder of documents"
        )


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (OSError, RuntimeError):
        return None


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_name(name: str) -> str:
    """A file name fit to print: bytes that are not UTF-8 shown as \\xNN escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _first(skipped: dict[str, str]) -> str:
    name = sorted(skipped)[0]
    return f"{name}: {skipped[name]}"


def cannot_read(exc: OSError) -> str:
    """Why a listed source could not be read, and what to do: for a skip warning."""
    if isinstance(exc, FileNotFoundError):
        return "deleted or moved while it was being indexed; left out (run again to include it)"
    return f"cannot read it ({exc.strerror or exc}); check its permissions"


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
    if not to_store:
        return tuple((d.name, d.size, d.mtime_ns) for d in listed)
    # DocFile.stamp inline, each tuple unpacked: half the time of a property call per file
    racy = RACY_NS
    return tuple([(n, size, m if at - m >= racy else -1) for n, _f, size, m, at, _k in listed])


def keep_fingerprint(keep: tuple[str, ...]) -> str:
    """What a document's `keep:` list was when it was analysed: a change re-analyses it."""
    return hashlib.sha256("\x1f".join(keep).encode()).hexdigest()[:16]
