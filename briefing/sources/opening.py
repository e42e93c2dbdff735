"""The index's two halves opened, sealed and removed together: the SQLite file (store.py)
and the full-text index folder beside it (fulltext.py).

The SQLite file records the generation token of the text index commit its rows go with
(`info.fulltext`); the text index records it in the same commit as its windows. Opened
under the index's lock, a token that differs (a run stopped between the two commits), or a
text index that is unreadable or fails its manifest, rebuilds both with a one-line notice.
A fresh or rebuilt SQLite file starts with a fresh text index.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefing.cachedir import notice
from briefing.errors import display_path
from briefing.sources import fulltext, manifest, store
from briefing.sources.fulltext import TextIndex

TOKEN_KEY = "fulltext"


def text_folder(path: Path) -> Path:
    """The text index folder that goes with the SQLite file at `path`."""
    return path.with_name(f"{path.stem}.text")


def in_memory() -> tuple[sqlite3.Connection, TextIndex]:
    """A fresh index in memory, for this run only."""
    return store.in_memory(), TextIndex(None)


def open_pair(
    path: Path, settled: store.Settled | None = None
) -> tuple[sqlite3.Connection, TextIndex]:
    """Both halves of the index at `path`, in step; the caller holds the index's lock.
    `settled`: the SQLite file as a sync of this run left it (`store.open_file`)."""
    db = store.open_file(path, settled)
    folder = text_folder(path)
    try:
        token = stored_token(db)
        if token is None and db.execute("SELECT 1 FROM windows LIMIT 1").fetchone() is None:
            return db, TextIndex(folder, fresh=True)  # nothing indexed yet
        try:
            text = TextIndex(folder)
        except fulltext.Damaged as exc:
            why = f"its text index is unreadable: {exc}"
        else:
            if token is not None and text.token == token:
                return db, text
            text.close()
            why = "its text index is out of step with it"
        notice(f"{display_path(path)}: the index cache was damaged ({why}); rebuilt it")
        db.close()
        store.remove(path)
        db = store.open_file(path)
        return db, TextIndex(folder, fresh=True)
    except BaseException:
        db.close()
        raise


def stored_token(db: sqlite3.Connection) -> int | None:
    """The text index commit the SQLite rows go with (None before the first)."""
    row = db.execute("SELECT value FROM info WHERE key = ?", (TOKEN_KEY,)).fetchone()
    try:
        return int(row[0]) if row else None
    except (TypeError, ValueError):
        return -2  # matches no commit: rebuilt


def record_token(db: sqlite3.Connection, token: int) -> None:
    """In the SQLite transaction that goes with the text index commit `token`."""
    db.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (TOKEN_KEY, str(token)))


def remove(path: Path) -> None:
    """Delete both halves (under the index's lock)."""
    store.remove(path)
    fulltext.remove(text_folder(path))


def unseal(path: Path) -> dict[str, list]:
    """Before the first write of a sync: both seals are about to go stale. Returns the text
    index's manifest as it was, for `seal`."""
    store.unseal(path)
    return manifest.unseal(text_folder(path))


def seal(
    path: Path, db: sqlite3.Connection, known: dict[str, list] | None = None, *, later: bool = False
) -> store.Settled | None:
    """After a sync that wrote (under the lock): record both halves' checksums. `known`: the
    text index's manifest before the write (`unseal`), so only its new files are hashed.
    `later`: the SQLite file's checksum is left to `store.seal_settled` (returned)."""
    settled = store.seal(path, db, later=later)
    folder = text_folder(path)
    if folder.is_dir():
        manifest.seal(folder, known)
    return settled
