"""Writing one document's rows into the index tables: its entry, paragraphs, windows (and
their text into the full-text index), or a skipped entry saying why; and deleting them again.
Callers hold the index's write transaction."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from briefing.sources import tie_order, workers
from briefing.sources.canonical import (
    Canonical,
    Unreadable,
    content_sha,
    merged_meta,
    read_canonical,
)
from briefing.sources.documents import cannot_read
from briefing.sources.worker_pool import bounded_map

if TYPE_CHECKING:
    from briefing.progress import Tracker
    from briefing.sources.analysis import DocAnalysis, Window, Windows
    from briefing.sources.documents import DocFile
    from briefing.sources.fulltext import TextIndex
    from briefing.sources.worker_pool import Workers


def store_skipped(
    db: sqlite3.Connection, text: TextIndex, file: DocFile, row: tuple | None, reason: str
) -> None:
    """A document left out of the index, with the reason (replacing its old rows)."""
    if row:
        delete(db, text, row[0])
    db.execute(
        "INSERT INTO docs(name, sha, size, mtime_ns, chars, quality, meta, noise, skipped)"
        " VALUES (?, '', ?, ?, 0, 0, '{}', '[]', ?)",
        (file.name, file.size, file.stamp, reason),
    )


def store_analysed(
    db: sqlite3.Connection,
    fulltext: TextIndex,
    file: DocFile,
    result: tuple[str, DocAnalysis, Windows] | str,
    row: tuple | None,
) -> None:
    """A document a worker analysed whole (its text, analysis and windows), in place of its
    old rows (`row`); or, given why it could not be, the document as skipped."""
    from briefing.sources.analysis import doc_quality
    from briefing.sources.translation import declared_machine_translation

    if isinstance(result, str):  # unreadable now: deleted or changed since it was listed
        store_skipped(db, fulltext, file, row, result)
        return
    text, doc, found = result
    if row:
        delete(db, fulltext, row[0])
    doc_id, paras = store_doc(db, file, doc)
    store_windows(db, fulltext, (doc_id, file.name), paras, text, found.windows)
    machine = declared_machine_translation(text)
    set_quality(db, doc_id, doc_quality(found.sentences, found.garbled, machine))


def check_files(
    db: sqlite3.Connection,
    text: TextIndex,
    stale: list[DocFile],
    known: dict[str, tuple],
    forced: set[str],
) -> tuple[list[tuple[DocFile, str]], set[str]]:
    """The files to analyse, with their hashes; an unreadable one is stored as skipped (its
    name returned, so a result the workers already made for it is dropped), and one only
    touched (same content, not `forced`) gets its new stamp."""
    jobs: list[tuple[DocFile, str]] = []
    refused: set[str] = set()
    for file in stale:
        row = known.get(file.name)
        try:
            sha = content_sha(file.path)  # validate only; analysis reads it again
        except (Unreadable, OSError) as exc:
            why = str(exc) if isinstance(exc, Unreadable) else cannot_read(exc)
            store_skipped(db, text, file, row, why)
            refused.add(file.name)
            continue
        if row and row[1] == sha and file.name not in forced:  # touched only
            db.execute(
                "UPDATE docs SET size=?, mtime_ns=? WHERE id=?", (file.size, file.stamp, row[0])
            )
            continue
        jobs.append((file, sha))
    return jobs, refused


def delete(db: sqlite3.Connection, text: TextIndex, doc_id: int) -> None:
    """Every row of one document, and its windows in the full-text index."""
    text.delete_doc(doc_id)
    db.execute("DELETE FROM windows WHERE doc=?", (doc_id,))
    db.execute("DELETE FROM paras WHERE doc=?", (doc_id,))
    db.execute("DELETE FROM docs WHERE id=?", (doc_id,))


def store_doc(db: sqlite3.Connection, file: DocFile, doc: DocAnalysis) -> tuple[int, list[int]]:
    """A document's entry and paragraphs; returns its id and its paragraphs' ids."""
    meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in doc.meta.items()}
    cur = db.execute(
        "INSERT INTO docs(name, sha, size, mtime_ns, chars, quality, meta, noise)"
        " VALUES (?, ?, ?, ?, ?, 1.0, ?, ?)",
        (
            file.name,
            doc.sha,
            file.size,
            file.stamp,
            doc.chars,
            json.dumps(meta),
            json.dumps(doc.noise),
        ),
    )
    doc_id = cur.lastrowid
    first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM paras").fetchone()[0]
    db.executemany(
        "INSERT INTO paras(id, doc, start, end) VALUES (?, ?, ?, ?)",
        ((first + i, doc_id, s, e) for i, (s, e) in enumerate(doc.paragraphs)),
    )
    return doc_id, list(range(first, first + len(doc.paragraphs)))


def store_windows(
    db: sqlite3.Connection,
    fulltext: TextIndex,
    doc: tuple[int, str],
    paras: list[int],
    text: str,
    windows: list[Window],
) -> None:
    """A document's (id, name) sentence windows, and their text in the full-text index (by
    id only, with the key that orders ties: `tie_order`)."""
    doc_id, part, key = doc[0], tie_order.document_part(doc[1]), tie_order.key
    first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM windows").fetchone()[0]
    db.executemany(
        "INSERT INTO windows(id, doc, para, start, end, words, dangling, quality)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                first + i,
                doc_id,
                paras[w.para],
                w.start,
                w.end,
                w.words,
                int(w.dangling),
                w.quality,
            )
            for i, w in enumerate(windows)
        ),
    )
    fulltext.add_many(
        doc_id,
        ((first + i, key(part, w.start), text[w.start : w.end]) for i, w in enumerate(windows)),
    )


def set_quality(db: sqlite3.Connection, doc_id: int, value: float) -> None:
    """A document's quality score, once all its windows are in."""
    db.execute("UPDATE docs SET quality=? WHERE id=?", (value, doc_id))


def store_big(
    db: sqlite3.Connection,
    fulltext: TextIndex,
    file: DocFile,
    pool: Workers | None,
    tracker: Tracker,
    row: tuple | None,
    canonical: Canonical | None = None,
) -> None:
    """A huge document: phase 1 here, phase 2 in chunks, streamed into the index in place of
    its old rows (`row`). `canonical`: its text, when a worker has read it already (an
    extracted format's)."""
    from briefing.sources.analysis import chunks, doc_quality, prepare
    from briefing.sources.translation import declared_machine_translation

    if canonical is None:
        try:
            canonical = read_canonical(file.path)  # as it is now, should it have changed
        except Unreadable as why:
            return store_skipped(db, fulltext, file, row, str(why))
        except OSError as exc:
            return store_skipped(db, fulltext, file, row, cannot_read(exc))
    if row:
        delete(db, fulltext, row[0])
    text, sha = canonical.text, canonical.sha
    doc = prepare(file.name, sha, text, file.keep)
    doc.meta = merged_meta(doc.meta, canonical)
    doc_id, paras = store_doc(db, file, doc)
    runs = list(chunks(doc))
    spans = [(doc.paragraphs[run[0]][0], doc.paragraphs[run[-1]][1]) for run in runs]
    units = (
        (text[start:end], start, [(i, *doc.paragraphs[i]) for i in run], doc.lexicon)
        for run, (start, end) in zip(runs, spans, strict=True)
    )
    if pool:
        results = bounded_map(pool, workers.windows_unit, units)
    else:
        results = map(workers.windows_unit, units)
    sentences = garbled = reported = 0
    for found, (_, end) in zip(results, spans, strict=True):
        store_windows(db, fulltext, (doc_id, file.name), paras, text, found.windows)
        sentences += found.sentences
        garbled += found.garbled
        share = file.size * end // len(text)  # how far into the file, roughly
        tracker.advance(nbytes=share - reported)
        reported = share
    set_quality(db, doc_id, doc_quality(sentences, garbled, declared_machine_translation(text)))
    tracker.advance(nbytes=file.size - reported)
