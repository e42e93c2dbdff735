"""The excerpt index: sentence windows in SQLite FTS5, cached on disk by file content.

A re-run on an unchanged corpus only stats the files; a changed file (new size or mtime, then a
new content hash) is re-analysed alone. Large batches are analysed on every core.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefing.corpus.analysis import DocAnalysis, analyse
from briefing.corpus.documents import DocFile, Unreadable, list_documents, read_document
from briefing.errors import CorpusError, display_path

SCHEMA_VERSION = "4"
PARALLEL_BYTES = 4_000_000  # below this, worker start-up costs more than it saves

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
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS ranked(key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True)
class SyncReport:
    """What a sync did: how many documents were analysed, kept, removed or skipped."""

    analysed: int
    unchanged: int
    removed: int
    skipped: dict[str, str]  # file name -> reason
    bytes_analysed: int


def cache_dir() -> Path:
    """Where indexes live: $BRIEFING_CACHE_DIR, else the user's cache folder."""
    if env := os.environ.get("BRIEFING_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


class Index:
    """An open index for one sources folder."""

    def __init__(self, sources: Path, db_path: Path | str | None = None) -> None:
        self.sources = sources
        if db_path is None:
            key = hashlib.sha256(str(sources.resolve()).encode()).hexdigest()[:16]
            db_path = cache_dir() / f"index-{key}.sqlite"
        self.db = self._open(db_path)

    def _open(self, db_path: Path | str) -> sqlite3.Connection:
        if str(db_path) != ":memory:":
            try:
                Path(db_path).parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(db_path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
            except (OSError, sqlite3.Error):
                db = sqlite3.connect(":memory:")  # an unwritable cache costs speed, not results
        else:
            db = sqlite3.connect(":memory:")
        db.execute("PRAGMA synchronous=NORMAL")
        version = self._version(db)
        if version != SCHEMA_VERSION:
            for table in ("info", "docs", "paras", "windows", "fts", "ranked"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
        db.executescript(_SCHEMA)
        db.execute("INSERT OR REPLACE INTO info VALUES ('schema', ?)", (SCHEMA_VERSION,))
        db.commit()
        return db

    @staticmethod
    def _version(db: sqlite3.Connection) -> str | None:
        try:
            row = db.execute("SELECT value FROM info WHERE key='schema'").fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def close(self) -> None:
        self.db.close()

    # -- keeping the index in step with the folder -------------------------------------------

    def sync(self) -> SyncReport:
        """Bring the index up to date with the sources folder; return what changed."""
        files = list_documents(self.sources)
        known = {
            name: (doc_id, sha, size, mtime)
            for doc_id, name, sha, size, mtime in self.db.execute(
                "SELECT id, name, sha, size, mtime_ns FROM docs"
            )
        }
        stale: list[DocFile] = []
        unchanged = 0
        for file in files:
            row = known.get(file.name)
            if row and (row[2], row[3]) == (file.size, file.mtime_ns):
                unchanged += 1
            else:
                stale.append(file)
        present = {f.name for f in files}
        gone = [row[0] for name, row in known.items() if name not in present]
        with self.db:
            for doc_id in gone:
                self._delete(doc_id)
        analysed, nbytes = self._update(stale, known)
        skipped = dict(self.db.execute("SELECT name, skipped FROM docs WHERE skipped IS NOT NULL"))
        if len(skipped) == len(files):
            raise CorpusError(
                f"{display_path(self.sources)}: no readable source documents "
                f"({len(files)} skipped: {next(iter(skipped.values()))})"
            )
        if analysed or gone:
            self.db.execute("DELETE FROM ranked")
            self.db.commit()
        return SyncReport(analysed, unchanged + len(stale) - analysed, len(gone), skipped, nbytes)

    def _update(self, stale: list[DocFile], known: dict[str, tuple]) -> tuple[int, int]:
        jobs: list[tuple[DocFile, str]] = []
        with self.db:
            for file in stale:
                row = known.get(file.name)
                try:
                    text, sha = read_document(file.path)
                except Unreadable as why:
                    self._store_skipped(file, row, str(why))
                    continue
                except OSError as exc:
                    self._store_skipped(file, row, f"cannot read: {exc.strerror}")
                    continue
                if row and row[1] == sha:  # touched but not changed: keep its windows
                    self.db.execute(
                        "UPDATE docs SET size=?, mtime_ns=? WHERE id=?",
                        (file.size, file.mtime_ns, row[0]),
                    )
                    continue
                jobs.append((file, sha))  # text is read again where it is analysed
        nbytes = sum(f.size for f, _ in jobs)
        for file, text, doc in _analyse_all(jobs, parallel=nbytes >= PARALLEL_BYTES):
            with self.db:
                row = known.get(file.name)
                if row:
                    self._delete(row[0])
                self._store(file, text, doc)
        return len(jobs), nbytes

    def _store_skipped(self, file: DocFile, row: tuple | None, reason: str) -> None:
        if row:
            self._delete(row[0])
        self.db.execute(
            "INSERT INTO docs(name, sha, size, mtime_ns, chars, quality, meta, noise, skipped)"
            " VALUES (?, '', ?, ?, 0, 0, '{}', '[]', ?)",
            (file.name, file.size, file.mtime_ns, reason),
        )

    def _delete(self, doc_id: int) -> None:
        self.db.execute(
            "DELETE FROM fts WHERE rowid IN (SELECT id FROM windows WHERE doc=?)", (doc_id,)
        )
        self.db.execute("DELETE FROM windows WHERE doc=?", (doc_id,))
        self.db.execute("DELETE FROM paras WHERE doc=?", (doc_id,))
        self.db.execute("DELETE FROM docs WHERE id=?", (doc_id,))

    def _store(self, file: DocFile, text: str, doc: DocAnalysis) -> None:
        meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in doc.meta.items()}
        cur = self.db.execute(
            "INSERT INTO docs(name, sha, size, mtime_ns, chars, quality, meta, noise)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                file.name,
                doc.sha,
                file.size,
                file.mtime_ns,
                doc.chars,
                doc.quality,
                json.dumps(meta),
                json.dumps(doc.noise),
            ),
        )
        doc_id = cur.lastrowid
        para_ids = []
        for start, end in doc.paragraphs:
            para_ids.append(
                self.db.execute(
                    "INSERT INTO paras(doc, start, end) VALUES (?, ?, ?)", (doc_id, start, end)
                ).lastrowid
            )
        for w in doc.windows:
            window_id = self.db.execute(
                "INSERT INTO windows(doc, para, start, end, words, dangling, quality)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc_id, para_ids[w.para], w.start, w.end, w.words, int(w.dangling), w.quality),
            ).lastrowid
            self.db.execute(
                "INSERT INTO fts(rowid, text) VALUES (?, ?)", (window_id, text[w.start : w.end])
            )


def _analyse_one(job: tuple[DocFile, str]) -> tuple[str, DocAnalysis]:
    file, sha = job
    text = file.path.read_bytes().decode("utf-8")
    return text, analyse(file.name, sha, text)


def _analyse_all(
    jobs: list[tuple[DocFile, str]], *, parallel: bool
) -> Iterator[tuple[DocFile, str, DocAnalysis]]:
    """Analyse documents, on every core when the batch is large enough to pay for it.

    Jobs go to the pool in bounded batches so a huge corpus never sits in memory at once.
    """
    workers = min(os.cpu_count() or 1, 4)
    if not parallel or workers < 2 or len(jobs) < 2:
        for job in jobs:
            yield job[0], *_analyse_one(job)
        return
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    batch = 64 * workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for offset in range(0, len(jobs), batch):
            chunk = jobs[offset : offset + batch]
            results: Iterable[tuple[str, DocAnalysis]] = pool.map(_analyse_one, chunk, chunksize=8)
            for job, (text, doc) in zip(chunk, results, strict=True):
                yield job[0], text, doc
