"""A folder's manifest: each file's size, mtime and checksum, written after a sync and
checked when the folder is opened again (on a stat for a file unchanged since, as git trusts
its index; a file changed since is hashed). Used for the full-text index's folder, whose
files Tantivy writes once and never changes, so a sync hashes only its new files."""

from __future__ import annotations

import json
import time
from pathlib import Path

from briefing.sources.store import file_checksum, settle

MANIFEST = "briefing-seal.json"
RACY_NS = 3_000_000_000  # as for the SQLite file's seal: a same-tick change could hide
_UNSEALED = (".tantivy-writer.lock", ".tantivy-meta.lock", MANIFEST)


class Mismatch(Exception):
    """A file the manifest lists is gone or no longer has its checksum."""


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name not in _UNSEALED)


def unseal(folder: Path) -> dict[str, list]:
    """Before a write: the manifest is about to go stale. Returns what it recorded, for
    `seal` (a file Tantivy wrote before this write keeps its stamp and is not hashed again)."""
    known = _manifest(folder)
    (folder / MANIFEST).unlink(missing_ok=True)
    return known


def seal(folder: Path, known: dict[str, list] | None = None) -> None:
    """After a sync (under the lock): record every file's size, mtime and checksum; a file
    whose stamp is unchanged since `known` (the last manifest) is not hashed again."""
    known = known if known is not None else _manifest(folder)
    files: dict[str, list] = {}
    now = time.time_ns()
    for path in _files(folder):
        stat = path.stat()
        old = known.get(path.name)
        same = old and old[:2] == [stat.st_size, stat.st_mtime_ns] and now - old[1] >= RACY_NS
        if same:
            files[path.name] = [stat.st_size, stat.st_mtime_ns, old[2]]
            continue
        settle(path, now - RACY_NS)  # dated back first, so the next run trusts its stat
        checksum = file_checksum(path)
        stat = path.stat()  # a write since (the hashing too) leaves it racy: hashed again
        files[path.name] = [stat.st_size, stat.st_mtime_ns, checksum]
    data = json.dumps({"sealed_ns": now, "files": files})
    temporary = folder / f"{MANIFEST}.tmp"
    temporary.write_text(data, encoding="utf-8")
    temporary.replace(folder / MANIFEST)


def _manifest(folder: Path) -> dict[str, list]:
    try:
        files = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return files if isinstance(files, dict) else {}


def verify(folder: Path) -> None:
    """Damaged when a file the manifest lists is gone or no longer has its checksum (a file
    with its sealed size and mtime, sealed long enough after it was written, is trusted)."""
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files, sealed_ns = recorded["files"], int(recorded["sealed_ns"])
    except FileNotFoundError:
        return  # not sealed since the last write: the generation tokens still guard it
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise Mismatch(f"unreadable manifest ({exc})") from None
    rehashed = False
    for name, (size, mtime_ns, checksum) in files.items():
        path = folder / name
        try:
            stat = path.stat()
        except OSError:
            raise Mismatch(f"{name} is missing") from None
        if (stat.st_size, stat.st_mtime_ns) == (size, mtime_ns) and sealed_ns - mtime_ns >= RACY_NS:
            continue
        if stat.st_size != size or file_checksum(path) != checksum:
            raise Mismatch(f"{name} does not match its checksum")
        rehashed = True
    if rehashed:  # checked whole: from now on a stat will do
        try:
            seal(folder, files)
        except OSError:
            return
