"""The excerpt index: sentence windows in SQLite, their words in the full-text index
(fulltext.py), cached on disk by file content.

A re-run on an unchanged corpus only stats the files; a changed file (new size or mtime, then a
new content hash) is re-analysed alone. A file modified just before it was listed is stored
without its mtime, so the next run compares its content (see DocFile.stamp). Large batches
are analysed on every core, and committed in batches (both halves together, see opening.py).
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.cachedir import cache_dir, notice
from briefing.errors import CorpusError, display_path
from briefing.progress import Tracker
from briefing.sources import fulltext, listing_record, opening, rows, store, worker_pool, workers
from briefing.sources.canonical import Canonical, is_extracted
from briefing.sources.documents import DocFile, check_folder, list_documents
from briefing.sources.index_lock import IndexLock, lock_for

Listed = tuple[list[DocFile], dict[str, str]]  # a folder's documents, and what was left out
PARALLEL_BYTES = 4_000_000  # below this, worker start-up costs more than it saves
# Source bytes per commit: a commit per document cost ~40% more CPU, and a commit more often
# than the text index's writer fills its heap (HEAP_BYTES, ~33 MB of source) adds a segment
# Tantivy merges again (16 MB: its threads' CPU +25% at 10k documents, the merge of 8 segments)
BATCH_BYTES = 48_000_000


@dataclass(frozen=True)
class SyncReport:
    """What a sync did: how many documents were analysed, kept, removed or skipped."""

    analysed: int
    unchanged: int
    removed: int
    skipped: dict[str, str]  # file name -> reason
    bytes_analysed: int
    settled: store.Settled | None = None  # the file as the sync left it, its checksum pending


def default_path(sources: Path) -> Path:
    """The index file of a sources folder in the cache folder (one per folder)."""
    key = hashlib.sha256(str(sources.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / f"index-{key}.sqlite"


class Index:
    """An open index for one sources folder."""

    def __init__(
        self,
        sources: Path,
        db_path: Path | str | None = None,
        keep: dict[str, tuple[str, ...]] | None = None,
        settled: store.Settled | None = None,
    ) -> None:
        self.sources = sources
        self.keep = keep or {}  # file name -> passages sources.yaml rescues from cleaning
        check_folder(sources)  # a clear refusal before any cache file is named or opened
        if db_path is None:
            db_path = default_path(sources)
        self.path = None if str(db_path) == ":memory:" else Path(db_path)
        self.lock: AbstractContextManager[object] = nullcontext()
        self._dirty = False  # written since the last seal
        self._wrote = False  # the docs table written by the sync at work
        self._manifest: dict[str, list] | None = None  # the text index's, before the write
        self._listed: Listed | None = None
        self._settled: store.Settled | None = None  # sealed but for the SQLite file's checksum
        pair = opening.in_memory() if self.path is None else self._open(self.path, settled)
        self.db, self.text = pair

    def _open(
        self, path: Path, settled: store.Settled | None = None
    ) -> tuple[sqlite3.Connection, fulltext.TextIndex]:
        """The index files, or an index in memory (with a notice) when the cache cannot be
        used. `settled`: as this run's sync left the file, trusted while it still is so."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = lock_for(path)
            with lock:
                pair = opening.open_pair(path, settled)
        except (OSError, sqlite3.Error, fulltext.Damaged) as exc:
            self.path = None
            notice(f"{store.unusable(path, exc)}; working without the index cache this run")
            return opening.in_memory()
        self.lock = lock
        return pair

    def close(self) -> None:
        self.text.close()
        self.db.close()
        self.finish_seal()

    def finish_seal(self) -> None:
        """Record the checksum a `sync(seal_later=True)` left to take (see `store.seal`)."""
        settled, self._settled = self._settled, None
        if settled is not None and isinstance(self.lock, IndexLock):
            store.seal_settled(settled, self.lock)

    @property
    def generation(self) -> int:
        """Changes (to a new random number, so a rebuilt index never repeats an old one) each
        time a sync changes the indexed corpus: a cheap test of 'unchanged'."""
        row = self.db.execute("SELECT value FROM info WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    # -- keeping the index in step with the folder -------------------------------------------

    def sync(self, listed: Listed | None = None, *, seal_later: bool = False) -> SyncReport:
        """Bring the index up to date with the sources folder; return what changed. One run
        at a time syncs a shared index; a cache that fails mid-way is rebuilt, or bypassed.
        `listed`: the folder as the caller just listed it (files, and what was left out), so
        a large folder is not walked twice in one run. `seal_later`: the SQLite file's
        checksum is taken when the index is closed (`finish_seal`), not before returning."""
        self._listed = listed
        for attempt in range(3):
            try:
                with self.lock:
                    self.text.refresh()  # another run may have written since we opened it
                    if self.text.token != opening.stored_token(self.db):
                        raise fulltext.Damaged("its text index is out of step with it")
                    try:
                        report = self._sync()
                    finally:
                        self.text.finish()  # merges done, writer (and its lock) dropped
                    if self.path is not None and (self._dirty or not store.sealed(self.path)):
                        self._settled = opening.seal(
                            self.path, self.db, self._manifest, later=seal_later
                        )
                    self._dirty, self._manifest = False, None
                    return replace(report, settled=self._settled)
            except (sqlite3.Error, TimeoutError, fulltext.Damaged) as exc:  # Timeout: the lock
                self.close()
                self._manifest = None  # the folder may be rebuilt: its files hashed anew
                damaged = isinstance(exc, fulltext.Damaged) or store.is_damage(exc)
                if attempt == 0 and self.path is not None and damaged:
                    self.db, self.text = self._reopen(self.path, exc)
                else:
                    if self.path is not None:
                        notice(f"{store.unusable(self.path, exc)}; working without the index cache")
                    self.path, self.lock = None, nullcontext()
                    self.db, self.text = opening.in_memory()
        report = self._sync()
        self.text.finish()  # the searcher sees what was just indexed
        return report

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, committed with the text index's changes (the text index
        first, then the SQLite rows with its token); the first of a sync makes the seals
        stale."""
        if self.path is not None and not self._dirty:
            self._manifest = opening.unseal(self.path)
            self._dirty = True
        with store.transaction(self.db):
            try:
                if not self._wrote:  # the record no longer says what the table holds
                    listing_record.drop(self.db)
                    self._wrote = True
                yield
            except BaseException:
                self.text.rollback()
                raise
            if self.text.pending:
                token = secrets.randbits(62)
                self.text.commit(token)
                opening.record_token(self.db, token)

    def _reopen(
        self, path: Path, exc: BaseException
    ) -> tuple[sqlite3.Connection, fulltext.TextIndex]:
        notice(f"{display_path(path)}: the index cache was damaged ({exc}); rebuilt it")
        with self.lock:
            opening.remove(path)
        return self._open(path)

    def _sync(self) -> SyncReport:
        if self._listed is None:
            unlisted: dict[str, str] = {}
            files = list_documents(self.sources, unlisted)
        else:
            files, unlisted = self._listed[0], dict(self._listed[1])
        self._wrote = False
        generation, token = self.generation, opening.stored_token(self.db)
        record = listing_record.read(self.db, generation, token)
        if record is None:
            record = listing_record.from_rows(self.db)
        self._forced: set[str] = set()
        kept = record.keep_changes(self.keep)
        stale = record.stale(files)  # then the few `keep:` concerns
        unchanged = len(files) - len(stale)
        if self.keep or kept:
            stale_names = {f.name for f in stale}
            stale = []
            for file in files:
                if file.name in self.keep:
                    file = file._replace(keep=self.keep[file.name])
                if file.name in kept:
                    self._forced.add(file.name)
                    stale.append(file)
                elif file.name in stale_names:
                    stale.append(file)
            unchanged = len(files) - len(stale)
        previous_skipped = dict(
            self.db.execute("SELECT name, skipped FROM docs WHERE skipped IS NOT NULL")
        )
        present = {f.name for f in files}
        changed = [f.name for f in stale] + [n for n in record.stamps if n not in present]
        known = listing_record.rows_of(self.db, changed)
        gone = [row[0] for name, row in known.items() if name not in present]
        if gone:  # a write, even an empty one, unseals: resealing hashes the whole file
            with self._write():
                for doc_id in gone:
                    rows.delete(self.db, self.text, doc_id)
        analysed, nbytes = self._update(stale, known)
        skipped = dict(self.db.execute("SELECT name, skipped FROM docs WHERE skipped IS NOT NULL"))
        if len(skipped) == len(files):
            names = sorted(skipped)
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            raise CorpusError(
                f"{display_path(self.sources)}: no readable source documents: {shown} "
                f"(first: {names[0]}: {skipped[names[0]]})"
            )
        corpus_changed = bool(analysed or gone or skipped != previous_skipped)
        if corpus_changed or self._wrote:
            with self._write():  # the last write: a new generation, and the record made anew
                if corpus_changed:
                    generation = secrets.randbits(62)
                    self.db.execute(
                        "INSERT OR REPLACE INTO info VALUES ('generation', ?)", (str(generation),)
                    )
                token = opening.stored_token(self.db)
                listing_record.write(self.db, record.updated(self.db, changed), generation, token)
        skipped.update(unlisted)
        return SyncReport(analysed, unchanged + len(stale) - analysed, len(gone), skipped, nbytes)

    def _update(self, stale: list[DocFile], known: dict[str, tuple]) -> tuple[int, int]:
        if not stale:
            return 0, 0
        from briefing.sources.analysis import CHUNK_CHARS

        def is_big(file: DocFile) -> bool:
            # Huge text files are chunked; an extracted format's bytes are not its text's
            # size, and its extraction runs whole on a worker.
            return file.size > CHUNK_CHARS and not is_extracted(file.name)

        pool = early = None
        try:
            if not any(f.name in known for f in stale):  # all new (a first index): every
                # readable one is analysed, so the workers start while the files are checked
                small = [(f, "") for f in stale if not is_big(f)]
                nbytes = sum(f.size for f in stale)
                if nbytes >= PARALLEL_BYTES and (len(small) > 1 or len(small) < len(stale)):
                    pool = worker_pool.pool()
                    early = workers.analyse_small(small, pool) if pool else None
            with self._write():
                jobs, refused = rows.check_files(self.db, self.text, stale, known, self._forced)
            if not jobs:
                return 0, 0
            nbytes = sum(f.size for f, _ in jobs)
            big = [j for j in jobs if is_big(j[0])]
            small = [j for j in jobs if j not in big]
            tracker = Tracker("indexing", len(jobs), nbytes)
            try:
                if early is None:
                    # Workers only pay when there is work to share: several documents, or a
                    # huge one's chunks; or when a reader in C (PDF, Word, web page) is to
                    # read a file, which may crash it or allocate without end: in a worker
                    # that costs the document (~0.3 s to start one), here the whole run.
                    shared = len(small) > 1 or bool(big)
                    pool = worker_pool.pool() if nbytes >= PARALLEL_BYTES and shared else None
                    if pool is None and any(is_extracted(f.name) for f, _sha in small):
                        # one a core for one file that may hold a chunk's text (compressed
                        # up to 8:1): the second starts only if its chunks need it. A few
                        # pages on two cores saved 4-14% of the wall time for 16-30% more CPU
                        alone = len(small) == 1 and small[0][0].size * 8 > CHUNK_CHARS
                        pool = (alone and worker_pool.pool()) or worker_pool.Workers(1)
                    early = workers.analyse_small(small, pool)
                self._store_small(early, refused, known, tracker, pool)
                for file, _sha in big:
                    old = known.get(file.name)
                    with self._write():
                        rows.store_big(self.db, self.text, file, pool, tracker, old)
                    tracker.advance(docs=1)
            finally:
                tracker.finish()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        return len(jobs), nbytes

    def _store_small(
        self,
        results: Iterator[tuple[DocFile, workers.Analysed]],
        refused: set[str],
        known: dict[str, tuple],
        tracker: Tracker,
        pool: worker_pool.Workers | None,
    ) -> None:
        """Store the workers' results in order, one commit per BATCH_BYTES, not per document;
        an extracted text too long to analyse whole is analysed here in chunks on `pool`."""
        with ExitStack() as batch:
            pending = 0
            for file, result in results:
                if file.name in refused:
                    continue  # stored as skipped when it was checked
                if not pending:
                    batch.enter_context(self._write())
                pending += max(file.size, 1)
                row = known.get(file.name)
                if isinstance(result, Canonical):  # read, not analysed: its chunks on `pool`
                    rows.store_big(self.db, self.text, file, pool, tracker, row, result)
                    tracker.advance(docs=1)  # its bytes were counted chunk by chunk
                else:
                    rows.store_analysed(self.db, self.text, file, result, row)
                    tracker.advance(docs=1, nbytes=file.size)
                if pending >= BATCH_BYTES:
                    batch.close()
                    pending = 0
