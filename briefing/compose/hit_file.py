"""The keyword hits file beside the index (`hit_cache`, `window_cache`): its tables, and a
connection to it for a read or write (one a thread for all of them within `kept_open`: a
compose). It is a cache, never fsynced; a file that cannot be opened or used is given up on
for the rest of the run (time, never a result), and a damaged one is deleted with a one-line
notice."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.cachedir import notice
from briefing.errors import display_path
from briefing.sources import store

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS evidence(theme TEXT, value BLOB, crc INTEGER)",
    "CREATE INDEX IF NOT EXISTS evidence_theme ON evidence(theme)",
    "CREATE TABLE IF NOT EXISTS texts(sha TEXT, start INTEGER, end INTEGER, text TEXT,"
    " crc INTEGER, PRIMARY KEY (sha, start, end)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS windows(theme TEXT, span TEXT, value TEXT, crc INTEGER,"
    " PRIMARY KEY (theme, span)) WITHOUT ROWID",
)
_COLUMNS = {
    "evidence": ["theme", "value", "crc"],
    "texts": ["sha", "start", "end", "text", "crc"],
    "windows": ["theme", "span", "value", "crc"],
}
_broken: set[Path] = set()  # files this run found unusable: not tried again


def beside(index_path: Path | str) -> Path:
    """The hits file of the index at `index_path`."""
    return Path(f"{index_path}.hits")


def usable(path: Path) -> bool:
    """Whether this run has not given up on the file."""
    return path not in _broken


@contextmanager
def connected(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection for one read or write; None once the file proved unusable (this run).
    Within `kept_open` it is the thread's, kept for the next; else closed after this one."""
    if path in _broken:
        yield None
        return
    kept = _connections()
    db = kept.get(path)
    if db is None:
        db = _opened(path)
        if db is None:
            yield None
            return
        kept[path] = db
    try:
        yield db
    except sqlite3.Error as exc:  # busy past the timeout, disk full, damaged meanwhile
        _give_up(path, exc)
    finally:
        if not _local.depth:
            _close(path)


@contextmanager
def kept_open() -> Iterator[None]:
    """Within the block, this thread keeps each hits file it opens for its next read or write:
    a compose reads and writes it a few dozen times, and opening it (its tables checked) cost
    ~0.3 ms each time. Closed when the block ends, as each use closed it before (the last
    connection's close folds the file's write-ahead log back in)."""
    _connections()
    _local.depth += 1
    try:
        yield
    finally:
        _local.depth -= 1
        if not _local.depth:
            for path in list(_local.by_path):
                _close(path)


class _Local(threading.local):
    """A thread's open connections by file (kept within `kept_open`, closed with the thread),
    how deep in `kept_open` it is, and the process that opened them."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.depth = 0
        self.by_path: dict[Path, sqlite3.Connection] = {}


_local = _Local()
_inherited: list[dict[Path, sqlite3.Connection]] = []


def _connections() -> dict[Path, sqlite3.Connection]:
    """This thread's open connections; none in a process forked since they were opened
    (SQLite's rule: a connection is never used, or closed, across a fork; they are kept
    unclosed in `_inherited`)."""
    if _local.pid != os.getpid():
        _inherited.append(_local.by_path)
        _local.pid, _local.by_path = os.getpid(), {}
    return _local.by_path


def _close(path: Path) -> None:
    db = _connections().pop(path, None)
    if db is not None:
        db.close()


def _opened(path: Path) -> sqlite3.Connection | None:
    """A connection to the file, its tables made or checked; None if it is unusable."""
    try:
        db = sqlite3.connect(path, timeout=store.BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.Error as exc:
        _give_up(path, exc)
        return None
    try:
        # A cache is never fsynced (a first build did ~60 fsyncs for its two caches): a crashed
        # process loses nothing, an OS crash at worst a damaged file, found and removed.
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA journal_mode=WAL")
        for statement in _SCHEMA:
            db.execute(statement)
        for table, columns in _COLUMNS.items():
            if [row[1] for row in db.execute(f"PRAGMA table_info({table})")] != columns:
                raise sqlite3.DatabaseError("not a keyword hits file (no such columns)")
    except sqlite3.Error as exc:
        db.close()
        _give_up(path, exc)
        return None
    return db


def _give_up(path: Path, exc: sqlite3.Error) -> None:
    """Work without the file for the rest of the run; delete it when it is damaged."""
    _broken.add(path)
    _close(path)
    if store.is_damage(exc):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        notice(f"{display_path(path)}: the keyword hits cache was damaged ({exc}); removed it")
