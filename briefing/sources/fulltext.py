"""The full-text index of sentence windows: Tantivy, holding ids only, queried top-k.

Tantivy's top-k search prunes (block-max WAND): a common word does not score every window
that holds it (FTS5's `ORDER BY bm25() LIMIT` did). The index keeps each window's terms
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
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from briefing.sources import manifest, tie_cut, tie_order
from briefing.sources.text_match import Damaged, Match
from briefing.sources.text_match import guard as _guard

if TYPE_CHECKING:  # imported on first use: a warm compose that reuses its deck never needs it
    import tantivy

TOKENIZER = "briefing"
SENTINEL = -1  # the `doc` of the document that records the generation token
HEAP_BYTES = 64_000_000
TIE_FETCH = 8192  # at most this many windows beyond k fetched to break ties at the cut
PRUNED_UNION_K = 64  # a union's top k up to this is searched pruned first: a keyword's
# spellings ("defence", "defense"), 2 to 8 common words, k 20 or 40, took half the time of one
# wide search; a theme's pool (k 400, phrases among its words) took twice as long
TIE_MARGIN = 256  # hits a first search fetches beyond k + 16 when it cannot prune (a phrase,
# or words all required: Tantivy scores every window holding them all, whatever it fetches) or
# cuts deep (k > PRUNED_UNION_K: the evidence search's 180, where a common word's ties at the
# cut spill past 16). Ties past the fetch took probes and a second full search: at 30,000
# documents, k 180, "U.S." 90 ms against 40 ms with the margin, "the" 54 against 16 ms


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
    builder.add_integer_field("key", fast=True)  # the order ties are kept in (`tie_order`)
    builder.add_integer_field("blk", indexed=True)
    return builder.build()


def terms(text: str) -> list[str]:
    """The index terms of a text, in order."""
    return _analyzer().analyze(text)


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
                if self._index.schema != _schema():  # another version's fields: rebuilt
                    raise Damaged("its fields are not this version's")
            self._configure()

    def _configure(self) -> None:
        self._index.register_tokenizer(TOKENIZER, _analyzer())
        self._index.config_reader(reload_policy="manual")
        self._index.reload()
        self._searcher = self._index.searcher()
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

    def add(self, window: int, doc: int, text: str, key: int) -> None:
        """One window; `key` orders it among windows scoring the same (`tie_order.key`)."""
        self.add_many(doc, [(window, key, text)])

    def add_many(self, doc: int, windows: Iterable[tuple[int, int, str]]) -> None:
        """Windows (id, key, text) of one document: one writer and Document class looked up
        for all (a 10,000-document index adds a million windows)."""
        add, document, shift = self._write().add_document, _tv().Document, tie_order.block_shift()
        for window, key, text in windows:
            add(document(id=window, doc=doc, key=key, blk=key >> shift, text=text))

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

    def close(self) -> None:
        self.rollback()
        self._writer = None

    # -- reading ------------------------------------------------------------------------------

    def _read_token(self) -> int | None:
        hits = self._searcher.search(_sentinel(), 1, count=False).hits
        if not hits:
            return None
        (value,) = self._searcher.fast_field_values("id", [hits[0][1]])
        return int(value) if value is not None else None

    def top(self, match: Match, k: int) -> list[tuple[int, float]]:
        """The best `k` windows as (id, score), best first, equal scores (thousands, often) in
        key order (`tie_order`) whatever Tantivy's layout or the order they were indexed in. A
        term, or a few, is searched pruned (block-max WAND), its first ties at the cut then
        probed for (`tie_cut`); a union's long list (a theme's pool) prunes next to
        nothing, so it is one search wide enough for its ties, never all three; a phrase or
        words all required (which cannot prune), or a deep cut, take a margin of ties in their
        first search. Either way the answer is the same; only its cost differs."""
        query = self._query(match)
        if query is None or k <= 0:
            return []
        wide = k + 16 + TIE_FETCH
        union = len(match.any) > 1
        unpruned = len(match.all) > 1 or any(len(w) > 1 for w in (*match.any, *match.all))
        if union and k > PRUNED_UNION_K:
            fetch = wide
        elif unpruned or k > PRUNED_UNION_K:
            fetch = k + 16 + TIE_MARGIN
        else:
            fetch = k + 16
        with _guard():
            hits = self._searcher.search(query, fetch, count=False).hits
            if len(hits) < fetch or hits[-1][0] < hits[k - 1][0]:
                return tie_cut.ranked(self._searcher, hits, k)  # the k-th's ties all in hand
            ranked = tie_cut.probed(self._searcher, query, hits, k, _within)
            if ranked is None and fetch < wide:
                hits = self._searcher.search(query, wide, count=False).hits
        return tie_cut.ranked(self._searcher, hits, k) if ranked is None else ranked

    def count(self, match: Match, cap: int) -> int:
        """How many windows match, counting no further than `cap`. A common word reaches the
        cap within the first blocks of keys: those are counted first, from the lowest, as
        far as the count so far says the cap is (a theme's IDF counts its keywords' windows,
        and "Vietnam" is in 2.1 M of 3.0 M); a rarer one is counted whole."""
        query = self._query(match)
        if query is None:
            return 0
        unscored = _tv().Query.const_score_query(query, 1.0)  # a third faster: no BM25
        blocks = tie_order.blocks()
        lo, width, found = 0, max(1, blocks // tie_cut.FIRST_PROBE), 0
        with _guard():
            while found < cap and lo + width <= blocks // tie_cut.PROBE_SHARE:
                found += self._searcher.search(_within(unscored, lo, lo + width), 1).count
                lo += width
                if found * blocks < cap * lo:  # fewer than `cap` in all, at this rate
                    break
                width = -(-(cap - found) * lo * 5 // (4 * found)) if found else width * 4
            if found >= cap:
                return cap
            return min(cap, self._searcher.search(unscored, 1, count=True).count)

    @property
    def windows(self) -> int:
        """How many windows the index holds: its documents but the one recording the token
        (what counting the window rows says, without scanning a million of them)."""
        with _guard():
            tokens = self._searcher.search(_sentinel(), 1, count=True).count
            return self._searcher.num_docs - tokens

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
        return _terms_query(_analysed(words))

    def _query(self, match: Match) -> tantivy.Query | None:
        should = [q for words in match.any if (q := self._phrase(words))]
        # Each required word or phrase once, as the index analyses it ("The the", "chip
        # chips"): a copy matches nothing more, and an intersection with copies of a common
        # word reads its list again for each ("the" 50 times: 1.2 s at 30,000 documents)
        required = dict.fromkeys(map(_analysed, match.all))
        must = [q for found in required if (q := _terms_query(found))]
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


def _sentinel() -> tantivy.Query:
    """The query for the document that records the generation token."""
    return _tv().Query.term_query(_schema(), "doc", SENTINEL)


def _analysed(words: tuple[str, ...]) -> tuple[str, ...]:
    """A word or phrase as the index's terms, in order."""
    return tuple(t for w in words for t in terms(w))


def _terms_query(found: tuple[str, ...]) -> tantivy.Query | None:
    """A term, or a phrase of the analysed terms `found`; None for none."""
    if not found:
        return None
    tantivy = _tv()
    if len(found) == 1:
        return tantivy.Query.term_query(_schema(), "text", found[0])
    return tantivy.Query.phrase_query(_schema(), "text", list(found))


def _within(query: tantivy.Query, lo: int, hi: int) -> tantivy.Query:
    """`query`'s matches in key blocks [lo, hi), scored as `query` scores them (the block
    filter adds 0.0)."""
    tantivy = _tv()
    blocks = tantivy.Query.range_query(
        _schema(), "blk", tantivy.FieldType.Integer, lo, hi, True, False, True
    )
    occur = tantivy.Occur
    filtered = tantivy.Query.const_score_query(blocks, 0.0)
    return tantivy.Query.boolean_query([(occur.Must, query), (occur.Must, filtered)])


def remove(folder: Path) -> None:
    """Delete the text index folder (under the index's lock)."""
    shutil.rmtree(folder, ignore_errors=True)
