"""Theme rankings kept between runs, so an outline edit re-ranks only the themes it changed.

Ranking a theme over a large corpus takes seconds; an edited bullet or a new slide should not
pay it again for every theme. A ranking is valid for exactly one state of the index: its
generation, which every sync that changes the corpus replaces with a new random number. The
rankings live in their own SQLite file beside the index (not in it: the index file is sealed
with a checksum, and every run would otherwise unseal it), written without the index's lock
(SQLite's own locking suffices for independent rows).

The file is a cache and untrusted: a row that does not parse, names a source the index does not
hold, or points outside that source's text is ignored and re-ranked; a damaged file is deleted
with a one-line notice; a file that cannot be used costs time, never a result.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from operator import attrgetter
from pathlib import Path

from briefing.cachedir import notice
from briefing.compose.candidate import Candidate
from briefing.errors import display_path
from briefing.sources import store
from briefing.sources.library import Library

_SCHEMA = "CREATE TABLE IF NOT EXISTS ranked(key TEXT PRIMARY KEY, generation INTEGER, value BLOB)"
_FIELDS = tuple(f.name for f in fields(Candidate))
_row = attrgetter(*_FIELDS)  # a candidate's fields in order (a tuple: stored as a JSON list)
MAX_BLOB = 64 << 20  # a ranking is a few hundred KB; anything far bigger is not ours


@cache
def code_digest() -> str:
    """Changes with the code that ranks (the whole compose stage), so a ranking stored by
    older code is never read back as if this code had made it."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


class RankCache:
    """The rankings of one library's index: on disk beside it, else for this run only."""

    def __init__(self, library: Library) -> None:
        # No reference to the library is kept: it is this cache's key in a weak mapping.
        self.generation = library.index.generation
        self._memory: dict[str, list[Candidate]] = {}
        self._missing: set[str] = set()  # looked up and not there: not read again this run
        self._pending: dict[str, bytes] | None = None  # rankings to write (within `batched`)
        index_path = library.index.path
        self.path = None if index_path is None else Path(f"{index_path}.rankings")

    def get(self, library: Library, key: str) -> list[Candidate] | None:
        """The ranking stored under `key` for this index generation, if it is sound."""
        if key in self._memory:
            return self._memory[key]
        if key in self._missing:  # asked again by the ranking after its searches were planned
            return None
        with self._file() as db:
            row = None
            if db is not None:
                sql = "SELECT value FROM ranked WHERE key = ? AND generation = ?"
                row = db.execute(sql, (key, self.generation)).fetchone()
        found = _decode(library, row[0]) if row else None
        if found is not None:
            self._memory[key] = found
        else:
            self._missing.add(key)
        return found

    def prefetch(self, library: Library, keys: list[str]) -> None:
        """Read the rankings stored under `keys` in one query, so that `get` answers each
        from memory (one connection instead of one per theme)."""
        wanted = [
            k for k in dict.fromkeys(keys) if k not in self._memory and k not in self._missing
        ]
        if not wanted:
            return
        rows: list[tuple] = []
        with self._file() as db:
            if db is not None:
                rows = db.execute(
                    "SELECT key, value FROM ranked WHERE generation = ?"
                    " AND key IN (SELECT value FROM json_each(?))",
                    (self.generation, json.dumps(wanted)),
                ).fetchall()
        stored = {key: value for key, value in rows if isinstance(key, str)}
        for key in wanted:
            found = _decode(library, stored[key]) if key in stored else None
            if found is not None:
                self._memory[key] = found
            else:
                self._missing.add(key)

    def put(self, key: str, ranked: list[Candidate]) -> None:
        """Remember a ranking for this generation; rankings of older generations go. Within
        `batched`, written when it ends."""
        self._memory[key] = ranked
        payload = zlib.compress(json.dumps(list(map(_row, ranked))).encode(), 1)
        if self._pending is not None:
            self._pending[key] = payload
            return
        self._write({key: payload})

    @contextmanager
    def batched(self) -> Iterator[None]:
        """Within the block, rankings put are written together at its end, in one
        transaction (a compose ranks several themes; each write was a connection and a commit)."""
        if self._pending is not None:  # already batching: the outer block writes
            yield
            return
        self._pending = {}
        try:
            yield
        finally:
            pending, self._pending = self._pending, None
            if pending:
                self._write(pending)

    def _write(self, payloads: dict[str, bytes]) -> None:
        with self._file() as db:
            if db is not None:
                with store.transaction(db):
                    db.execute("DELETE FROM ranked WHERE generation != ?", (self.generation,))
                    db.executemany(
                        "INSERT OR REPLACE INTO ranked VALUES (?, ?, ?)",
                        [(key, self.generation, value) for key, value in payloads.items()],
                    )

    @contextmanager
    def _file(self) -> Iterator[sqlite3.Connection | None]:
        """A connection for one read or write (None once the file proved unusable). Not kept
        open: a run may hold many libraries, and an open file would outlive its index."""
        if self.path is None:
            yield None
            return
        try:
            db = sqlite3.connect(self.path, timeout=store.BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            self._give_up(exc)
            yield None
            return
        try:
            # A cache is never fsynced (a first build did ~60 fsyncs for its two caches): a crashed
            # process loses nothing, an OS crash at worst a damaged file, found and removed.
            db.execute("PRAGMA synchronous=OFF")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            columns = [row[1] for row in db.execute("PRAGMA table_info(ranked)")]
            if columns != ["key", "generation", "value"]:
                raise sqlite3.DatabaseError("not a rankings file (no such columns)")
        except sqlite3.Error as exc:
            db.close()
            self._give_up(exc)
            yield None
            return
        try:
            yield db
        except sqlite3.Error as exc:  # busy past the timeout, disk full, damaged meanwhile
            self._give_up(exc)
        finally:
            db.close()

    def _give_up(self, exc: sqlite3.Error) -> None:
        """Work from memory for the rest of the run; delete the file when it is damaged."""
        path, self.path = self.path, None
        if path is not None and store.is_damage(exc):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            notice(f"{display_path(path)}: the rankings cache was damaged ({exc}); removed it")


def _decode(library: Library, blob: object) -> list[Candidate] | None:
    """The stored candidates, or None when anything about them is not as written."""
    if not isinstance(blob, bytes):
        return None
    try:
        rows = json.loads(zlib.decompressobj().decompress(blob, MAX_BLOB))
        found = [_candidate(row) for row in rows]
    except (zlib.error, ValueError, TypeError):
        return None
    return found if _within_sources(library, found) else None


def _within_sources(library: Library, found: list[Candidate]) -> bool:
    """Each candidate's spans lie inside an indexed source's text."""
    lengths = library.indexed_lengths({c.source for c in found})  # one query, not one each
    for c in found:
        chars = lengths.get(c.source)
        if chars is None or not (0 <= c.para_start <= c.start < c.end <= c.para_end <= chars):
            return False
    return True


def _candidate(row: object) -> Candidate:
    """A Candidate from its stored row; ValueError/TypeError when the row is malformed."""
    if not isinstance(row, list) or len(row) != len(_FIELDS):
        raise ValueError("not a candidate row")
    values = dict(zip(_FIELDS, row, strict=True))
    ints = ("start", "end", "para_start", "para_end", "words")
    floats = ("score", "relevance", "quality")
    if not isinstance(values["source"], str) or not isinstance(values["dangling"], bool):
        raise TypeError("bad field")
    if any(type(values[n]) is not int for n in ints):
        raise TypeError("bad offset")
    if any(not isinstance(values[n], int | float) or isinstance(values[n], bool) for n in floats):
        raise TypeError("bad score")
    terms = values["terms"]
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        raise TypeError("bad terms")
    return Candidate(**{**values, "terms": tuple(terms)})
