"""Which theme keywords each candidate paragraph holds, kept between runs by content hash.

Tokenising a candidate's paragraph (words, lemmas, adjacency) is most of what judging a theme
costs, and its result depends only on the paragraph's text and the theme's concepts, never on
the rest of the corpus. A changed source re-ranks every theme (the index generation changed);
with this cache only that source's paragraphs are tokenised again, the others' keyword hits are
read back, keyed by their document's content hash and the paragraph's span. Everything that
depends on the corpus (IDF, which paragraphs are candidates, their company) is recomputed from
them each time, so a re-rank gives exactly what a fresh one would. Each paragraph's text is
kept with its hits, so judging a re-rank's candidates (openers, surfaces) reads no source but
the changed one: reading ~1,300 whole sources cost ~0.3 s at 10,000 documents. A theme's hits,
texts and window judgements are kept in batches (`kept_batches`), one per ranking that
computed any, merged past COMPACT; the texts also once per paragraph for every theme (`texts`,
for `paragraph_texts`: a ranking read back from the rankings cache).

The hits live in their own SQLite file beside the index (`hit_file`, like the rankings). It
is a cache and untrusted: a batch or row whose checksum fails, or an item whose shape or
offsets are not as written, is recomputed; a damaged file is deleted with a one-line notice; a
file that cannot be used costs time, never a result.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from weakref import WeakKeyDictionary

from briefing.compose import hit_file, kept_batches
from briefing.compose.rank_cache import code_digest
from briefing.sources import store
from briefing.sources.library import Library

Hits = kept_batches.Hits
MAX_ROWS = 200_000  # a theme's candidates are a few thousand paragraphs; past this, start over
COMPACT = 8  # a theme's batches (one per re-rank that computed anything) before they are merged
MAX_BATCHES = 2_000  # past this, other themes' batches (old versions, mostly) go

# Paragraph texts this run has judged, by (document sha, start, end): a re-rank's selection
# then reads them from here, not from the file again (content-addressed: never stale).
_judged: WeakKeyDictionary[Library, dict[tuple[str, int, int], str]] = WeakKeyDictionary()
# Each document's content hash (None: not indexed) for one index generation.
_shas: WeakKeyDictionary[Library, tuple[int, dict[str, str | None]]] = WeakKeyDictionary()
# Themes' kept evidence read before their library was open (`read_ahead`), by (file, key).
_ahead: dict[tuple[Path, str], Kept] = {}


def theme_key(concepts: list[str]) -> str:
    """The cache key of a theme's concepts (in order: hits name them by index) under this
    code, which includes the tokeniser, the lemma folds and the evidence rules."""
    from briefing.compose import lemma_store  # the lemmas' own version (simplemma, folds)

    spec = [code_digest(), lemma_store.store_path().name, concepts]
    return hashlib.sha256(json.dumps(spec).encode()).hexdigest()[:32]


class Paragraph(NamedTuple):
    """A candidate paragraph's text (its source's text from `start`) and its keyword hits (a
    tuple: a re-rank makes ~600 per theme)."""

    start: int
    text: str
    hits: Hits
    sha: str | None = None  # its document's content hash (None: not indexed, never kept)


@dataclass
class Kept:
    """A theme's kept evidence as read for one ranking, and what the ranking adds to it."""

    key: str
    stored: kept_batches.Batch
    last: int = 0  # the last batch read (a compaction replaces it and those before it)
    batches: int = 0
    unsound: bool = False  # a batch whose checksum failed: the next write replaces them all
    fresh: kept_batches.Batch = field(default_factory=kept_batches.Batch)
    used: set[kept_batches.Para] = field(default_factory=set)


def kept_theme(library: Library, concepts: list[str]) -> Kept:
    """What is kept for a theme whose concepts are `concepts` (their reprs: lemmas, aliases,
    ...: whatever the hits depend on besides the text), read in one query, or as `read_ahead`
    read it."""
    key, path = theme_key(concepts), _path(library)
    ahead = _ahead.pop((path, key), None) if path is not None else None
    return ahead if ahead is not None else _read(path, key, len(concepts))


def file_ahead(index_path: Path) -> Path | None:
    """The hits file beside the index at `index_path` if there is one to `read_ahead` from:
    none yet (a first build) is left alone, never made."""
    path = hit_file.beside(index_path)
    return path if hit_file.usable(path) and path.is_file() else None


def read_ahead(path: Path, concepts: list[str]) -> None:
    """Read what the hits file `path` keeps for a theme before the index it lies beside is
    open (a composer waiting on another process's sync: `compose.meanwhile`), for `kept_theme`
    to take. What is kept is addressed by content: as good after that sync as before it."""
    key = theme_key(concepts)
    _ahead[(path, key)] = _read(path, key, len(concepts))


def _read(path: Path | None, key: str, concepts: int) -> Kept:
    kept = Kept(key, kept_batches.Batch())
    rows = []
    if path is not None:
        with hit_file.connected(path) as db:
            if db is not None:
                sql = "SELECT rowid, value, crc FROM evidence WHERE theme = ? ORDER BY rowid"
                rows = db.execute(sql, (key,)).fetchall()
    for rowid, value, crc in rows:
        kept.last, kept.batches = rowid, kept.batches + 1
        if isinstance(value, bytes) and crc == kept_batches.checksum(key, value):
            kept.stored.update(kept_batches.decode(value, concepts))
        else:
            kept.unsound = True
    return kept


def paragraph_hits(
    library: Library, kept: Kept, rows: list[tuple], compute: Callable[[str, int], Hits]
) -> dict[tuple[str, int], Paragraph]:
    """Each candidate paragraph (name, start) of `rows` (id, name, start, end, p_start, p_end,
    ...) with its text and hits: read back where the same text was judged before (`kept`),
    else `compute(text, p_start)` (which tokenises it) and added to `kept.fresh`."""
    wanted: dict[tuple[str, int], int] = {}
    for row in rows:
        wanted.setdefault((row[1], row[4]), row[5])
    shas = doc_shas(library, {name for name, _start in wanted})
    found: dict[tuple[str, int], Paragraph] = {}
    judged = _judged.setdefault(library, {})
    stored, fresh = kept.stored.paragraphs, kept.fresh.paragraphs
    new_texts: list[tuple[str, int, int, str]] = []
    for (name, start), end in wanted.items():
        sha = shas.get(name)
        known = stored.get((sha, start, end)) if sha else None
        if known is not None:
            text, hits = known
        else:
            text = library.text(name)[start:end]
            hits = compute(text, start)
            if sha and len(text) == end - start:
                new_texts.append((sha, start, end, text))
                fresh[(sha, start, end)] = (text, hits)
        found[(name, start)] = Paragraph(start, text, hits, sha)
        if sha and len(text) == end - start:
            judged[(sha, start, end)] = text
            kept.used.add((sha, start, end))
    path = _path(library)
    if new_texts and path is not None:
        _write_texts(path, new_texts)
    return found


def remember(library: Library, kept: Kept, windows: set[kept_batches.Window]) -> None:
    """Keep what a ranking computed anew as one batch; past COMPACT batches (or beside a
    damaged one) the theme's batches are replaced by one holding what this ranking used
    (`kept.used`, `windows`)."""
    path = _path(library)
    if not kept.fresh or path is None:
        return
    compact = kept.unsound or kept.batches + 1 > COMPACT
    batch = kept.fresh
    if compact:
        batch = kept_batches.Batch()
        batch.update(kept.stored)
        batch.update(kept.fresh)
        batch = batch.only(kept.used, windows)
    value = kept_batches.encode(batch)
    with hit_file.connected(path) as db:
        if db is None:
            return
        with store.transaction(db):
            db.execute("DROP TABLE IF EXISTS hits")  # an older code's, one row per paragraph
            (count,) = db.execute("SELECT count(*) FROM evidence").fetchone()
            if count >= MAX_BATCHES:
                db.execute("DELETE FROM evidence WHERE theme != ?", (kept.key,))
            if compact:
                sql = "DELETE FROM evidence WHERE theme = ? AND rowid <= ?"
                db.execute(sql, (kept.key, kept.last))
            db.execute(
                "INSERT INTO evidence VALUES (?, ?, ?)",
                (kept.key, value, kept_batches.checksum(kept.key, value)),
            )


def paragraph_texts(
    library: Library, spans: set[tuple[str, int, int]]
) -> dict[tuple[str, int], str]:
    """The kept texts of paragraphs (name, start, end), by (name, start), where they are kept
    and sound; the others are left out (the caller reads their sources)."""
    path = _path(library)
    shas = doc_shas(library, {name for name, _s, _e in spans})
    keys: dict[tuple[str, int, int], list[tuple[str, int]]] = {}
    for name, start, end in spans:  # two sources with the same bytes share their texts
        if name in shas:
            keys.setdefault((shas[name], start, end), []).append((name, start))
    judged = _judged.get(library, {})
    found = {where: judged[span] for span in keys if span in judged for where in keys[span]}
    keys = {span: where for span, where in keys.items() if span not in judged}
    if path is None or not keys:
        return found
    rows = []
    with hit_file.connected(path) as db:
        if db is not None:
            rows = db.execute(
                "SELECT t.sha, t.start, t.end, t.text, t.crc FROM json_each(?) j JOIN texts t"
                " ON t.sha = json_extract(j.value, '$[0]')"
                " AND t.start = json_extract(j.value, '$[1]')"
                " AND t.end = json_extract(j.value, '$[2]')",
                (json.dumps(list(keys)),),
            ).fetchall()
    read = _texts(rows)
    return found | {where: text for span, text in read.items() for where in keys.get(span, ())}


def kept_file(library: Library) -> Path | None:
    """The hits file beside the library's index; None without one, or once it proved unusable."""
    return _path(library)


def checksum(key: str, name: str, value: str) -> int:
    """The checksum a row of `key` named `name` holding `value` is stored with."""
    return _crc(key, name, 0, 0, value)


def _path(library: Library) -> Path | None:
    index_path = library.index.path
    if index_path is None:
        return None
    path = hit_file.beside(index_path)
    return path if hit_file.usable(path) else None


def remember_shas(library: Library, shas: dict[str, object]) -> None:
    """Documents' content hashes as the caller read them from the index just now (with their
    windows), for `doc_shas` to answer from."""
    known = _known_shas(library)
    known.update((name, sha if isinstance(sha, str) else None) for name, sha in shas.items())


def doc_shas(library: Library, names: set[str]) -> dict[str, str]:
    """These indexed documents' content hashes, in one query (a recompose from stored
    rankings needs a few hundred of them, not the whole corpus's); each read once per index
    generation (judging, selecting and attributing each theme ask for the same ones)."""
    known = _known_shas(library)
    wanted = names - known.keys()
    if wanted:
        rows = library.db.execute(
            "SELECT name, sha FROM docs WHERE name IN (SELECT value FROM json_each(?))"
            " AND skipped IS NULL",
            (json.dumps(sorted(wanted)),),
        )
        found = {name: sha for name, sha in rows if isinstance(sha, str)}
        known.update((name, found.get(name)) for name in wanted)  # None: not indexed
    return {name: sha for name in names if (sha := known[name]) is not None}


def _known_shas(library: Library) -> dict[str, str | None]:
    """The hashes known for the library's index generation (a new one forgets them)."""
    generation = library.index.generation
    known = _shas.get(library)
    if known is None or known[0] != generation:
        known = _shas[library] = (generation, {})
    return known[1]


def _crc(key: str, sha: str, start: int, end: int, value: str) -> int:
    return zlib.crc32(f"{key}\x1f{sha}\x1f{start}\x1f{end}\x1f{value}".encode())


def _texts(rows: list[tuple]) -> dict[tuple[str, int, int], str]:
    """The paragraph texts (rows sha, start, end, text, crc) whose checksum and length hold."""
    found = {}
    for sha, start, end, text, crc in rows:
        if (
            isinstance(sha, str)
            and type(start) is int
            and type(end) is int
            and isinstance(text, str)
            and len(text) == end - start
            and crc == _crc("", sha, start, end, text)
        ):
            found[(sha, start, end)] = text
    return found


def _write_texts(path: Path, texts: list[tuple[str, int, int, str]]) -> None:
    """Remember paragraph texts (for `paragraph_texts`); past MAX_ROWS, start over."""
    rows = [(sha, s, e, text, _crc("", sha, s, e, text)) for sha, s, e, text in texts]
    with hit_file.connected(path) as db:
        if db is None:
            return
        with store.transaction(db):
            (count,) = db.execute("SELECT count(*) FROM texts").fetchone()
            if count + len(rows) > MAX_ROWS:
                db.execute("DELETE FROM texts")
            db.executemany("INSERT OR REPLACE INTO texts VALUES (?, ?, ?, ?, ?)", rows)
