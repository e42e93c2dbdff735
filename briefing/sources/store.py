"""The index's SQLite file: its schema, opening it soundly, and the lock for writing it.
(The windows' words are in the full-text index beside it: see fulltext.py.)

Several `briefing` runs may share one cache. Each takes an inter-process lock (a `.lock`
file beside the database) while it opens and syncs the index, so only one writes at a time;
SQLite's WAL journal and busy timeout let the others read meanwhile. A file that is not a
sound index (random bytes, truncated, another program's schema) is deleted and rebuilt with a
one-line notice. Whatever goes wrong with the cache folder, an index in memory does the job:
the cache only ever costs or saves time, never changes a result.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefing.cachedir import notice
from briefing.errors import display_path
from briefing.sources.canonical import extractors_version
from briefing.sources.code_version import code_digest
from briefing.sources.index_lock import IndexLock

SCHEMA_VERSION = "8"  # 8: the window text moved from FTS5 to fulltext.py
BUSY_TIMEOUT = 30.0  # seconds SQLite waits for another connection's write

_SCHEMA = """
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs(
    id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, sha TEXT NOT NULL, size INTEGER,
    mtime_ns INTEGER, chars INTEGER, quality REAL, meta TEXT, noise TEXT, skipped TEXT);
CREATE TABLE IF NOT EXISTS paras(
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, start INTEGER, end INTEGER);
CREATE INDEX IF NOT EXISTS paras_doc ON paras(doc);
CREATE TABLE IF NOT EXISTS windows(
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, para INTEGER NOT NULL, start INTEGER,
    end INTEGER, words INTEGER, dangling INTEGER, quality REAL);
CREATE INDEX IF NOT EXISTS windows_doc ON windows(doc);
"""
# What shapes an index row; their imports are followed (code_version.py).
INDEXING_ROOTS = ("sources.analysis", "sources.rows", "sources.workers", "sources.documents")
SEAL_SUFFIX = ".sum"
CHECKSUM = "crc32"  # how a seal's checksum is taken (`file_checksum`)
SEAL_WAIT = 1.0  # seconds a seal left for later waits for the lock (`seal_settled`)
RACY_NS = 3_000_000_000  # file systems that keep times to 1-2 s


class Damaged(Exception):
    """The index file is not a sound index of this version; the message says what is wrong."""


@cache
def analysis_version() -> str:
    """Changes whenever the code that turns text into windows changes (the analysis and row
    writing, and every module of ours they import), so an index built by older code is rebuilt
    rather than trusted."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    digest.update(code_digest(INDEXING_ROOTS).encode())
    digest.update(extractors_version().encode())  # a new extractor makes new text to index
    return digest.hexdigest()[:16]


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode: the index writes in explicit transactions (see
    `transaction`), so no reader ever holds a snapshot open that a later write must upgrade
    (in WAL mode that fails at once with 'database is locked', whatever the busy timeout)."""
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taking the write lock up front (waiting up to the busy
    timeout for another process's write), committed whole or rolled back."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite rolls back by itself after some errors (disk full)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def in_memory() -> sqlite3.Connection:
    """A fresh index that lives only as long as this run."""
    db = connect(":memory:")
    _create(db)
    return db


def open_file(path: Path, settled: Settled | None = None) -> sqlite3.Connection:
    """Open the index at `path`, rebuilding it if damaged; the caller holds its lock.
    `settled`: the file as a sync of this run left it, its checksum still being taken
    (`seal`): while the file is as it was then, it is trusted as a sealed one would be."""
    try:
        return _open_checked(path, settled)
    except (Damaged, sqlite3.DatabaseError) as exc:
        if isinstance(exc, sqlite3.Error) and not is_damage(exc):
            raise  # busy, full or read-only: the caller works without the cache
        notice(f"{display_path(path)}: the index cache was damaged ({exc}); rebuilt it")
    remove(path)
    return _open_checked(path)


def remove(path: Path) -> None:
    """Delete an index file, its WAL companions and its seal (under its lock)."""
    for suffix in ("", "-wal", "-shm", "-journal", SEAL_SUFFIX):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def unusable(path: Path, exc: BaseException) -> str:
    """Why the cache folder cannot hold the index, for a one-line notice."""
    if isinstance(exc, TimeoutError):
        return f"another briefing run has held {display_path(path)}.lock for too long"
    reason = getattr(exc, "strerror", None) or str(exc)
    return f"cannot use the index cache {display_path(path)} ({reason})"


def is_damage(exc: BaseException) -> bool:
    """Whether an error means the file is corrupt (rather than busy, full or read-only)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and any(
        word in text for word in ("malformed", "not a database", "corrupt", "no such")
    )


def seal(path: Path, db: sqlite3.Connection, *, later: bool = False) -> Settled | None:
    """After a write (under the lock): fold the WAL into the file and record the file's
    checksum, so the next run can tell a file damaged since from one written since. `later`:
    the file is only settled, and hashed by `seal_settled` once the caller has handed the
    index on (54 MB at 10,000 documents: ~35 ms off the path of a recompose that waits)."""
    unseal(path)
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy == 0 and _wal_empty(path):
        settle(path, time.time_ns() - RACY_NS)
        if later:
            return Settled.of(path)
        _restamp(path, file_checksum(path))
    return None


@dataclass(frozen=True)
class Settled:
    """An index file checkpointed and settled under the lock, its checksum not yet recorded."""

    path: Path
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Settled | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(path, stat.st_size, stat.st_mtime_ns)

    def unchanged(self) -> bool:
        return Settled.of(self.path) == self and _wal_empty(self.path)


def seal_settled(settled: Settled, lock: IndexLock) -> None:
    """`seal` finished: the file hashed without the lock (reading it keeps no other run
    waiting), its checksum recorded under the lock only if no run wrote it meanwhile (a run
    unseals before it writes and any write gives the settled file a new mtime), and only if
    the lock is free within SEAL_WAIT: the processes of this run hold it a few ms to open the
    index, but this run has its deck and does not wait behind another's indexing. Best
    effort: unrecorded, the next sync seals it."""
    try:
        checksum = file_checksum(settled.path)
        with lock.if_free(SEAL_WAIT) as held:
            if held and settled.unchanged() and not sealed(settled.path):
                _restamp(settled.path, checksum)
    except OSError:
        return


def settle(path: Path, before: int) -> None:
    """Under the lock, just before hashing a file for its seal: date its mtime back to
    `before` (RACY_NS before the seal), so the stamp is not racy and the next run trusts a
    stat instead of hashing the file again (54 MB at 10,000 documents, after every changed
    source); any write from here on, during the hashing too, gives it a new mtime, which the
    stamp then does not match. Best effort: left as it is, the stamp is racy, as before."""
    try:
        stat = path.stat()
        if stat.st_mtime_ns > before:
            os.utime(path, ns=(stat.st_atime_ns, before))
    except OSError:
        return


def unseal(path: Path) -> None:
    """Before a write (under the lock): the recorded checksum is about to go stale."""
    Path(f"{path}{SEAL_SUFFIX}").unlink(missing_ok=True)


def sealed(path: Path) -> bool:
    """Whether the file has a recorded checksum."""
    return Path(f"{path}{SEAL_SUFFIX}").exists()


def _verify_seal(path: Path) -> bool:
    """True when the file matches its recorded checksum; False when there is none to check
    (or the WAL holds writes since); Damaged when it does not match."""
    try:
        recorded, *stamp = Path(f"{path}{SEAL_SUFFIX}").read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    if not _wal_empty(path) or not path.exists():
        return False
    if not checked_alike(recorded):
        return False  # an older version's seal: checked as an unsealed file is (SQLite's check)
    if _untouched(path, stamp):
        return True  # hashing a 400 MB index on every run cost a second; a stat costs nothing
    if file_checksum(path) != recorded:
        raise Damaged("checksum mismatch")
    _restamp(path, recorded)  # checked whole once; from now on a stat will do
    return True


def _restamp(path: Path, checksum: str) -> None:
    """Record the verified file's stat now (callers hold the lock); best effort."""
    try:
        stat = path.stat()
        stamp = f"{checksum} {stat.st_size} {stat.st_mtime_ns} {time.time_ns()}"
        Path(f"{path}{SEAL_SUFFIX}").write_text(stamp, encoding="utf-8")
    except OSError:
        return


def _untouched(path: Path, stamp: list[str]) -> bool:
    """The file has the size and mtime it was sealed with, and was sealed long enough after
    its last write that a same-tick change could not hide behind an unchanged mtime (git's
    racily-clean rule, as for sources)."""
    try:
        size, mtime_ns, sealed_ns = (int(v) for v in stamp)
        stat = path.stat()
    except (ValueError, OSError):
        return False
    racy = sealed_ns - mtime_ns < RACY_NS
    return not racy and (stat.st_size, stat.st_mtime_ns) == (size, mtime_ns)


def _wal_empty(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def file_checksum(path: Path) -> str:
    """The file's CRC-32, tagged ("crc32:89abcdef"), read in 1 MB pieces (an index can be
    hundreds of MB). A seal finds accidental damage (a torn write, a flipped bit, another
    program's bytes), which CRC-32 was made for; it is no proof against a forger, who could
    rewrite a SHA-256 beside the file as easily. It costs a third of SHA-256 (10 ms against
    32 ms for the 54 MB index at 10,000 documents), hashed while a recompose ranks."""
    crc = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return f"{CHECKSUM}:{crc:08x}"


def checked_alike(recorded: object) -> bool:
    """Whether a recorded checksum was taken as `file_checksum` takes one; one an older
    version recorded (SHA-256, untagged) cannot be compared and is treated as no seal."""
    return isinstance(recorded, str) and recorded.startswith(f"{CHECKSUM}:")


def _open_checked(path: Path, settled: Settled | None = None) -> sqlite3.Connection:
    verified = (settled is not None and settled.path == path and settled.unchanged()) or (
        _verify_seal(path)
    )
    db = connect(path)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        objects = _objects(db)
        if not objects:
            _create(db)
            return db
        version = _version(db)
        if version is not None and version != analysis_version():  # built by older code
            db.close()
            remove(path)
            db = connect(path)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            _create(db)
            return db
        if version is None or objects != _expected_objects():
            raise Damaged("not an index of this version")
        if verified:
            return db
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise Damaged(problems[0])
        return db
    except BaseException:
        db.close()
        raise


def _create(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA synchronous=NORMAL")
    with transaction(db):
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("INSERT OR REPLACE INTO info VALUES ('schema', ?)", (analysis_version(),))


def _objects(db: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    rows = db.execute("SELECT type, name, COALESCE(sql, '') FROM sqlite_master")
    return frozenset((kind, name, " ".join(sql.split())) for kind, name, sql in rows)


@cache
def _expected_objects() -> frozenset[tuple[str, str, str]]:
    db = in_memory()
    try:
        return _objects(db)
    finally:
        db.close()


def _version(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute("SELECT value FROM info WHERE key='schema'").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row and isinstance(row[0], str) else None
