"""The full-text index of sentence windows: Tantivy, holding ids only, queried top-k.

Tantivy's top-k search prunes (block-max WAND): a common word does not score every window
that holds it, which FTS5's `ORDER BY bm25() LIMIT` did. The index keeps each window's terms
and positions, its id (a fast field) and its document's id (to delete by); never the text,
which is re-read from the sources (`Library.text`). Words are analysed as FTS5's `porter
unicode61 remove_diacritics 2` did: split on what is not a letter or digit, lower-cased,
diacritics folded, English-stemmed (Snowball's Porter2).

The folder sits beside the SQLite file and is written only under the index's lock, in the
same batches as the SQLite rows. Every commit records a generation token in a sentinel
document; the SQLite file records the token it was committed with, so a crash between the
two commits is seen as a mismatch (and the cache rebuilt). A manifest of the folder's files
and their checksums (written after each sync, checked on a stat when opened) catches damage.
This is the only module that imports tantivy.
"""

from __future__ import annotations

import shutil
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from briefing.errors import CorpusError
from briefing.sources import manifest

if TYPE_CHECKING:  # imported on first use: a warm compose that reuses its deck never needs it
    import tantivy

TOKENIZER = "briefing"
SENTINEL = -1  # the `doc` of the document that records the generation token
HEAP_BYTES = 64_000_000
TIE_FETCH = 8192  # at most this many windows beyond k fetched to break ties at the cut by id


class Damaged(CorpusError):
    """The text index is unreadable or does not match its manifest: caught and rebuilt when
    the index is opened; found later, while searching, a one-line error."""


@dataclass(frozen=True)
class Match:
    """A query as word lists (each a phrase): at least one of `any` (when given), every one
    of `all`, none of `none`."""

    any: tuple[tuple[str, ...], ...] = ()
    all: tuple[tuple[str, ...], ...] = ()
    none: tuple[tuple[str, ...], ...] = ()


def _tv() -> ModuleType:
    import tantivy

    return tantivy


@cache
def _analyzer() -> tantivy.TextAnalyzer:
    tantivy = _tv()
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


@cache
def _schema() -> tantivy.Schema:
    builder = _tv().SchemaBuilder()
    builder.add_text_field("text", tokenizer_name=TOKENIZER, index_option="position")
    builder.add_integer_field("id", fast=True)
    builder.add_integer_field("doc", indexed=True)
    return builder.build()


def terms(text: str) -> list[str]:
    """The index terms of a text, in order."""
    return _analyzer().analyze(text)


@contextmanager
def _guard() -> Iterator[None]:
    """Tantivy reports damage as ValueError, or as a Rust panic (a BaseException)."""
    try:
        yield
    except ValueError as exc:
        raise Damaged(str(exc).splitlines()[0] if str(exc) else "unreadable") from None
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise Damaged(str(exc).splitlines()[0] if str(exc) else "unreadable") from None


class TextIndex:
    """The text index in `folder`, or in memory when `folder` is None."""

    def __init__(self, folder: Path | None, *, fresh: bool = False) -> None:
        self.folder = folder
        self._writer: tantivy.IndexWriter | None = None
        self.pending = False  # changes not yet committed
        tantivy = _tv()
        with _guard():
            if folder is None:
                self._index = tantivy.Index(_schema())
            elif fresh or not (folder / "meta.json").exists():
                remove(folder)
                folder.mkdir(parents=True)
                self._index = tantivy.Index(_schema(), path=str(folder), reuse=False)
            else:
                try:
                    manifest.verify(folder)
                except manifest.Mismatch as exc:
                    raise Damaged(str(exc)) from None
                self._index = tantivy.Index.open(str(folder))
            self._configure()

    def _configure(self) -> None:
        self._index.register_tokenizer(TOKENIZER, _analyzer())
        self._index.config_reader(reload_policy="manual")
        self._index.reload()
        self._searcher = self._index.searcher()
        self._counts: dict[Match, int] = {}  # matching windows, as this searcher counted them
        self.token = self._read_token()

    def refresh(self) -> None:
        """Under the lock, before a sync: see what other runs committed since this one opened
        the folder (a stale view would also lose track of their files when cleaning up)."""
        if self.folder is not None and self._writer is None:
            with _guard():
                self._index = _tv().Index.open(str(self.folder))
                self._configure()

    # -- writing (the caller holds the index's lock) ------------------------------------------

    def _write(self) -> tantivy.IndexWriter:
        if self._writer is None:
            with _guard():
                self._writer = self._index.writer(heap_size=HEAP_BYTES, num_threads=1)
        self.pending = True
        return self._writer

    def add(self, window: int, doc: int, text: str) -> None:
        self._write().add_document(_tv().Document(id=window, doc=doc, text=text))

    def add_many(self, doc: int, windows: Iterable[tuple[int, str]]) -> None:
        """Windows (id, text) of one document: one writer and Document class looked up for all
        (a 10,000-document index adds a million windows)."""
        add, document = self._write().add_document, _tv().Document
        for window, text in windows:
            add(document(id=window, doc=doc, text=text))

    def delete_doc(self, doc: int) -> None:
        self._write().delete_documents_by_term("doc", doc)

    def commit(self, token: int) -> None:
        """Make the pending changes durable, recording `token` with them."""
        writer = self._write()
        writer.delete_documents_by_term("doc", SENTINEL)
        writer.add_document(_tv().Document(id=token, doc=SENTINEL))
        with _guard():
            writer.commit()
        self.pending = False
        self.token = token

    def rollback(self) -> None:
        if self._writer is not None and self.pending:
            with _guard():
                self._writer.rollback()
        self.pending = False

    def finish(self) -> None:
        """After a sync: let merges end, drop the writer (and its lock), see the new state."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            with _guard():
                writer.wait_merging_threads()
        with _guard():
            self._index.reload()
            self._searcher = self._index.searcher()
            self._counts = {}

    def close(self) -> None:
        self.rollback()
        self._writer = None

    # -- reading ------------------------------------------------------------------------------

    def _read_token(self) -> int | None:
        sentinel = _tv().Query.term_query(_schema(), "doc", SENTINEL)
        hits = self._searcher.search(sentinel, 1, count=False).hits
        if not hits:
            return None
        (value,) = self._searcher.fast_field_values("id", [hits[0][1]])
        return int(value) if value is not None else None

    def top(self, match: Match, k: int, *, wide: bool = False) -> list[tuple[int, float]]:
        """The best `k` windows as (id, score), best first; equal scores by id, so the same
        index gives the same list however Tantivy laid out its segments. BM25 over quantised
        lengths ties often (a thousand windows may share the k-th score of a common word), so
        the ties at the cut are fetched whole, up to TIE_FETCH more windows; past that, which
        tied windows make the cut follows Tantivy's own order, still the same for an index
        that has not changed. `wide`: fetch the most the rounds below would in one search,
        which gives the same list (a round that holds every tie gives the exact top k, and so
        does any larger one) and is cheaper where ties at the cut are the rule (a theme's
        pool), dearer where they are rare (a search for a rare word); a wide search also
        counts its matches, for `count`."""
        query = self._query(match)
        if query is None or k <= 0:
            return []
        fetch = _last_fetch(k) if wide else k + 16
        with _guard():
            while True:  # hits come best first
                # Wide, the search visits (nearly) every match anyway: counting them is free.
                result = self._searcher.search(query, fetch, count=wide)
                if wide:
                    self._counts[match] = result.count
                hits = result.hits
                if len(hits) < fetch or hits[-1][0] < hits[k - 1][0] or fetch > k + TIE_FETCH:
                    break  # every window tied with the k-th best is in hand
                # Ties at the cut after the first round are a common word's thousands: straight
                # to the last round (every search visits nearly every match, whatever it keeps).
                fetch = _last_fetch(k)
            if not hits:
                return []
            cut = hits[min(k, len(hits)) - 1][0]
            # Best first: those above the cut (fewer than k: all make it), then those tied with
            # it (often thousands: only their ids are sorted), found by bisection, not a scan.
            above = hits[: bisect_left(hits, -cut, key=_descending)]
            tied = hits[len(above) : bisect_right(hits, -cut, key=_descending)]
            ids = self._searcher.fast_field_values("id", [a for _s, a in above + tied])
        found = sorted(
            (-s, int(i)) for (s, _a), i in zip(above, ids, strict=False) if i is not None
        )
        ties = sorted([int(i) for i in ids[len(above) :] if i is not None])
        return [(i, -negated) for negated, i in found] + [(i, cut) for i in ties[: k - len(found)]]

    def count(self, match: Match, cap: int) -> int:
        """How many windows match, counting no further than `cap`: as a wide `top` for the
        same match counted them (a theme's IDF counts are mostly its keywords' searches)."""
        if match in self._counts:
            return min(cap, self._counts[match])
        query = self._query(match)
        if query is None:
            return 0
        unscored = _tv().Query.const_score_query(query, 1.0)  # a third faster: no BM25
        with _guard():
            return min(cap, self._searcher.search(unscored, 1, count=True).count)

    def matching(self, match: Match) -> list[int]:
        """Every matching window's id, in id order."""
        query = self._query(match)
        total = self._searcher.num_docs
        if query is None or total == 0:
            return []
        with _guard():
            hits = self._searcher.search(query, total, order_by_field="id").hits
        return sorted(int(value) for value, _a in hits)

    def _phrase(self, words: tuple[str, ...]) -> tantivy.Query | None:
        tantivy = _tv()
        found = [t for w in words for t in terms(w)]
        if not found:
            return None
        if len(found) == 1:
            return tantivy.Query.term_query(_schema(), "text", found[0])
        return tantivy.Query.phrase_query(_schema(), "text", found)

    def _query(self, match: Match) -> tantivy.Query | None:
        should = [q for words in match.any if (q := self._phrase(words))]
        must = [q for words in match.all if (q := self._phrase(words))]
        if (match.any and not should) or not (should or must):
            return None  # nothing to look for
        must_not = [q for words in match.none if (q := self._phrase(words))]
        if not must_not and len(should) + len(must) == 1:
            return (should or must)[0]  # alone, a term is searched top-k with block-max WAND
        tantivy = _tv()
        occur = tantivy.Occur
        clauses = [(occur.Should, q) for q in should] + [(occur.Must, q) for q in must]
        if should and must:  # "one of" under "all of": its own clause
            any_of = tantivy.Query.boolean_query([(occur.Should, q) for q in should])
            clauses = [(occur.Must, any_of)] + [(occur.Must, q) for q in must]
        clauses += [(occur.MustNot, q) for q in must_not]
        return tantivy.Query.boolean_query(clauses)


def _descending(hit: tuple[float, object]) -> float:
    """The bisection key of hits ranked best first (their scores negated: ascending)."""
    return -hit[0]


def _next_fetch(fetch: int, k: int) -> int:
    return max(fetch * 4, k + 2048)  # ties come in hundreds: one big step


def _last_fetch(k: int) -> int:
    """The fetch of the last round `TextIndex.top` would make for `k`."""
    fetch = k + 16
    while fetch <= k + TIE_FETCH:
        fetch = _next_fetch(fetch, k)
    return fetch


def remove(folder: Path) -> None:
    """Delete the text index folder (under the index's lock)."""
    shutil.rmtree(folder, ignore_errors=True)
