"""What the index holds, by name, kept as one row: a sync compares the folder against it
without reading every document's row.

To tell which sources changed, a sync needs each indexed document's size and mtime and the
`keep:` list it was analysed with. Read row by row from `docs` (the lists out of each row's
metadata), that cost ~40 ms at 10,000 documents on every sync: most of a sync after one source
changed, spent before its analysis can start. The same facts are kept in `info` as one value
(UTF-8 text separated by NULs, which no file name holds; a blob, as SQLite's text functions
stop at a NUL), read and split in a few ms.

Trusted only while it is the docs table's: the first write of a sync deletes it in that
write's transaction, and the sync's last write makes it anew. It also names the generation and
text-index token it was made at, so a write by code that does not keep it (an older version
sharing the cache) leaves it stale. One that is missing, stale or not as written is not used:
the rows are read as before (time, never a result).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.sources.documents import keep_fingerprint

if TYPE_CHECKING:
    from briefing.sources.documents import DocFile

KEY = "listing"
SEP = "\0"


def stamp(size: object, mtime_ns: object) -> str:
    """A document's size and mtime as one comparable text (what the record keeps, and what
    `Stored.stale` formats inline for each file)."""
    return f"{size}:{mtime_ns}"


@dataclass
class Stored:
    """The indexed documents' stamps, and the `keep:` fingerprints they were analysed with."""

    stamps: dict[str, str]  # name -> stamp(size, mtime)
    keeps: dict[str, str]  # name -> keep fingerprint, for documents analysed with one

    def stale(self, files: list[DocFile]) -> list[DocFile]:
        """The files whose size or mtime is not the one recorded (or that are not recorded):
        one pass, `stamp` inline (10,000 files: ~7 ms, most of it formatting the numbers)."""
        stored = self.stamps.get
        return [f for f in files if stored(f.name) != f"{f.size}:{f.mtime_ns}"]

    def keep_changes(self, keep: dict[str, tuple[str, ...]]) -> set[str]:
        """Documents whose `keep:` list (`keep`: the catalogue's, by name) differs from the
        one they were analysed with."""
        wanted = {name: keep_fingerprint(passages) for name, passages in keep.items()}
        stored = self.keeps
        return {n for n in stored.keys() | wanted.keys() if stored.get(n) != wanted.get(n)}

    def updated(self, db: sqlite3.Connection, names: Iterable[str]) -> Stored:
        """This record with the rows of `names` (changed by a sync) read again."""
        stamps, keeps = dict(self.stamps), dict(self.keeps)
        wanted = sorted(set(names))
        for name in wanted:
            stamps.pop(name, None)
            keeps.pop(name, None)
        _add(stamps, keeps, _named(db, _ROWS, wanted))
        return Stored(stamps, keeps)


_ROWS = "SELECT name, size, mtime_ns, json_extract(meta, '$._keep') FROM docs"


def rows_of(db: sqlite3.Connection, names: list[str]) -> dict[str, tuple]:
    """The docs rows (id, sha, size, mtime) of these names, by name, where indexed: what a
    sync needs of the documents it found changed or gone, and no others."""
    found = _named(db, "SELECT id, name, sha, size, mtime_ns FROM docs", names)
    return {name: (doc_id, sha, size, mtime) for doc_id, name, sha, size, mtime in found}


def _named(db: sqlite3.Connection, select: str, names: list[str]) -> sqlite3.Cursor:
    """`select` over the docs rows of these names, in one query."""
    return db.execute(
        f"{select} WHERE name IN (SELECT value FROM json_each(?))", (json.dumps(names),)
    )


def from_rows(db: sqlite3.Connection) -> Stored:
    """The record read from the docs table itself (the slow way)."""
    stamps: dict[str, str] = {}
    keeps: dict[str, str] = {}
    _add(stamps, keeps, db.execute(_ROWS))
    return Stored(stamps, keeps)


def _add(stamps: dict[str, str], keeps: dict[str, str], rows: Iterable[tuple]) -> None:
    for name, size, mtime_ns, keep in rows:
        stamps[name] = stamp(size, mtime_ns)
        if keep is not None:
            keeps[name] = keep


def read(db: sqlite3.Connection, generation: object, token: object) -> Stored | None:
    """The record, if there is one made at this generation and token and sound; else None."""
    row = db.execute("SELECT value FROM info WHERE key = ?", (KEY,)).fetchone()
    if row is None or not isinstance(row[0], bytes):
        return None
    try:
        parts = row[0].decode("utf-8").split(SEP)
    except UnicodeDecodeError:
        return None
    if len(parts) < 3 or len(parts) % 2 == 0 or parts[:2] != [str(generation), str(token)]:
        return None
    try:
        keeps = json.loads(parts[2])
    except ValueError:
        return None
    if not isinstance(keeps, dict) or not all(isinstance(v, str) for v in keeps.values()):
        return None
    stamps = dict(zip(parts[3::2], parts[4::2], strict=True))
    if len(stamps) != (len(parts) - 3) // 2:
        return None  # a name twice: not as written
    return Stored(stamps, keeps)


def write(db: sqlite3.Connection, record: Stored, generation: object, token: object) -> None:
    """Keep `record` as made at this generation and token (in the sync's last write)."""
    head = [str(generation), str(token), json.dumps(record.keeps, sort_keys=True)]
    body = SEP.join(f"{name}{SEP}{value}" for name, value in record.stamps.items())
    value = SEP.join(head) + (SEP + body if body else "")
    db.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (KEY, value.encode("utf-8")))


def drop(db: sqlite3.Connection) -> None:
    """Before a sync's first change to the docs table (in that change's transaction)."""
    db.execute("DELETE FROM info WHERE key = ?", (KEY,))
