"""The full-text index beside the SQLite file: kept in step across a crash, rebuilt when
damaged, shared by concurrent runs, and never answering with a changed document's old windows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.compose import query, ranking
from briefing.sources import manifest, opening
from briefing.sources.fulltext import Match, TextIndex
from briefing.sources.library import Library
from tests.conftest import ROOT

PARAGRAPH = (
    "The delegation met officials in Hanoi to discuss trade and investment. "
    "Both sides agreed that the partnership should deepen over the coming years. "
    "Observers said the meeting was cordial and productive for everyone involved.\n\n"
)


def corpus(folder: Path, docs: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        special = f"The zephyrine{i} accord on semiconductors was signed by the ministers. "
        (folder / f"doc{i}.txt").write_text(PARAGRAPH * 3 + special + PARAGRAPH, "utf-8")
    return folder


def changed(word: str) -> str:
    return PARAGRAPH + f"The {word} accord on semiconductors was signed by the ministers.\n"


def hits(library: Library, text: str) -> list[tuple[str, int, int]]:
    return [(c.source, c.start, c.end) for c in ranking.search(library, text, 50)]


@pytest.fixture
def indexed(tmp_path: Path) -> tuple[Path, Path, list]:
    """A corpus, its index on disk, and a clean in-memory index's answer to a query."""
    sources = corpus(tmp_path / "src")
    clean = Library(sources, db_path=":memory:")
    expected = hits(clean, "partnership deepen")
    clean.close()
    db = tmp_path / "cache" / "index.sqlite"
    Library(sources, db_path=db).close()
    return sources, db, expected


def spread(wid: int) -> int:
    """A key in the order of the ids, spread over the key space as a corpus's keys are (6,000
    windows span 48,000 of its 65,536 blocks)."""
    return wid << 50


def shuffled(wid: int) -> int:
    """A key in another order than the ids' (a permutation of 1-6,006), spread as above."""
    return (wid * 7919 % 6007) << 50


def test_top_k_breaks_ties_by_key_not_id_whatever_the_limit() -> None:
    text = TextIndex(None)
    for wid in (9, 3, 7, 1, 5):
        text.add(wid, 1, "the same words", key=spread(10 - wid))
    text.add(11, 2, "the same words", key=spread(1))  # one key shared: then by id
    text.commit(1)
    text.finish()
    match = Match(all=(("words",),))
    assert [i for i, _ in text.top(match, 2)] == [9, 11]
    assert [i for i, _ in text.top(match, 6)] == [9, 11, 7, 5, 3, 1]
    assert text.count(match, 3) == 3
    assert text.matching(Match(any=(("same", "words"),), none=(("nothing",),))) == [
        1,
        3,
        5,
        7,
        9,
        11,
    ]


def _tied(levels: int, per_level: int) -> TextIndex:
    """Windows in `levels` groups of equal score, ids added in falling order, two segments
    and some deleted (a changed document's old windows), as after a sync."""
    text = TextIndex(None)
    total = levels * per_level
    for n, wid in enumerate(range(total, 0, -1)):
        text.add(wid, wid % 50, "words " + "filler " * (n % levels), key=shuffled(wid))
        if n == total // 2:
            text.commit(1)
    text.delete_doc(7)
    text.commit(2)
    text.finish()
    return text


def _every(text: TextIndex, match: Match) -> list[tuple[int, float]]:
    """Every match as (id, score), best first, equal scores by key (then id): what `top`
    must cut."""
    query = text._query(match)
    hits = text._searcher.search(query, text._searcher.num_docs, count=False).hits
    addresses = [a for _s, a in hits]
    ids = text._searcher.fast_field_values("id", addresses)
    keys = text._searcher.fast_field_values("key", addresses)
    every = sorted(zip(hits, keys, ids, strict=True), key=lambda h: (-h[0][0], h[1], h[2]))
    return [(int(i), s) for (s, _a), _k, i in every]


class Counting:
    """A searcher that records the limit of every search."""

    def __init__(self, searcher: object) -> None:
        self.searcher, self.limits = searcher, []

    def search(self, query: object, limit: int = 10, **kwargs: object) -> object:
        self.limits.append(limit)
        return self.searcher.search(query, limit, **kwargs)

    def __getattr__(self, name: str) -> object:
        return getattr(self.searcher, name)


WORDS = ("trade", "ports", "rice", "coal")


def _varied(order: list[int], commits: set[int], deleted: tuple[int, ...] = ()) -> TextIndex:
    """Windows `order` (ids), their words and lengths following the id, so many share a
    score; committed after the positions in `commits`, documents `deleted` at the end."""
    text = TextIndex(None)
    for n, wid in enumerate(order):
        words = " ".join(w for j, w in enumerate(WORDS) if wid % (j + 2) == 0)
        text.add(wid, wid % 97, f"{words} vietnam " + "filler " * (wid % 5), key=shuffled(wid))
        if n in commits:
            text.commit(n)
    for doc in deleted:
        text.delete_doc(doc)
    text.commit(len(order))
    text.finish()
    return text


MATCHES = [
    Match(all=(("vietnam",),)),
    Match(any=(("trade",), ("ports",), ("rice",))),
    Match(any=(("vietnam",), ("coal",)), none=(("ports",),)),
    Match(all=(("vietnam",), ("filler",))),
]


IDS = list(range(1, 6001))
LAYOUTS = {
    "in order, one segment": (IDS, set(), ()),
    "falling, three segments, two documents deleted": (IDS[::-1], {1999, 3999}, (5, 50)),
    "the upper half first, two segments": (IDS[3000:] + IDS[:3000], {2999}, (5, 50)),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_top_k_is_the_best_k_with_ties_by_key_however_laid_out(layout) -> None:
    """Ties at the cut are thousands here: found by probing id blocks, the same list as
    sorting every match, whatever the order the windows came in, the segments and deletions."""
    text = _varied(*LAYOUTS[layout])
    for match in MATCHES:
        every = _every(text, match)
        for k in (1, 7, 60, 400):
            assert text.top(match, k) == every[:k]


def test_a_common_words_ties_are_found_without_fetching_them_all() -> None:
    """Thousands tie at the k-th score: the ties first in key order are found by probing
    blocks of keys, no search fetching (and so visiting) every tied window."""
    text = _tied(levels=1, per_level=6000)
    match = Match(any=(("words",),))
    expected = _every(text, match)[:60]
    counting = text._searcher = Counting(text._searcher)
    assert text.top(match, 60) == expected
    assert max(counting.limits) < 1000


def test_ties_the_probes_cannot_reach_cheaply_are_fetched_whole() -> None:
    """Every tied window in the highest keys: past a fifth of the blocks one plain search of
    every match is cheaper, and gives the same list."""
    text = TextIndex(None)
    for wid in range(1, 3001):
        text.add(wid, wid % 50, "words" + (" filler" if wid < 2990 else ""), key=spread(wid))
    text.commit(1)
    text.finish()
    match = Match(all=(("words",),))
    assert [i for i, _ in text.top(match, 5)] == [2990, 2991, 2992, 2993, 2994]
    assert text.top(match, 5) == _every(text, match)[:5]


def test_a_unions_ties_take_one_search_not_a_pruned_one_probes_and_a_wide_one():
    """A theme's pool (a union of keywords, a long list) prunes next to nothing, so it is
    searched once, wide enough for its ties, even when they lie where probes cannot reach
    cheaply."""
    from briefing.sources import fulltext

    text = TextIndex(None)
    for wid in range(1, 3001):
        words = "trade" if wid % 2 else "ports"
        text.add(wid, wid % 50, words + (" filler" if wid < 2900 else ""), key=spread(wid))
    text.commit(1)
    text.finish()
    match = Match(any=(("trade",), ("ports",)))
    k = fulltext.PRUNED_UNION_K + 1  # the 101 shortest windows tie at the top
    expected = _every(text, match)[:k]
    counting = text._searcher = Counting(text._searcher)
    assert text.top(match, k) == expected
    assert len(counting.limits) == 1


@pytest.mark.parametrize(
    "words, match, ks",
    [
        ("alpha beta", Match(all=(("alpha", "beta"),)), (5, 60)),  # a phrase cannot prune
        ("alpha", Match(all=(("alpha",),)), (80,)),  # a term cut deep
        ("alpha beta", Match(all=(("alpha",), ("beta",))), (5, 80)),  # both required
    ],
)
def test_ties_past_the_cut_within_the_margin_take_one_search(words, match, ks):
    """A phrase, words all required (neither can prune), or a cut deeper than a keyword's
    few fetch a margin of ties in their first search: 101 windows tie at the top, in the
    highest keys where probes cannot reach cheaply, and one search (not a pruned one, probes
    and a wide one) gives the same list as sorting every match."""
    from briefing.sources import fulltext

    text = TextIndex(None)
    for wid in range(1, 3001):
        text.add(wid, wid % 50, words + (" filler" if wid < 2900 else ""), key=spread(wid))
    text.commit(1)
    text.finish()
    for k in ks:
        expected = _every(text, match)[:k]
        searcher = text._searcher
        counting = text._searcher = Counting(searcher)
        assert text.top(match, k) == expected
        assert counting.limits == [k + 16 + fulltext.TIE_MARGIN]
        text._searcher = searcher


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_keywords_few_spellings_are_searched_pruned_as_one_word_is(layout) -> None:
    """A keyword's own top few over its spellings ("defence", "defense") prunes as a term
    does: no search fetches the wide list a pool's ties need, and the list is the same."""
    from briefing.sources import fulltext

    text = _varied(*LAYOUTS[layout])
    for match in (Match(any=(("trade",), ("ports",))), Match(any=(("rice",), ("coal",)))):
        for k in (5, 40):
            expected = _every(text, match)[:k]
            searcher = text._searcher
            counting = text._searcher = Counting(searcher)
            assert text.top(match, k) == expected
            assert max(counting.limits) < k + 16 + fulltext.TIE_FETCH
            text._searcher = searcher


def test_a_union_with_more_ties_than_one_wide_search_holds_is_probed(monkeypatch):
    """Past TIE_FETCH ties the wide search's ties are Tantivy's pick: probes find the first
    keys, so the list is still the exact one."""
    from briefing.sources import fulltext

    monkeypatch.setattr(fulltext, "TIE_FETCH", 64)
    text = _tied(levels=1, per_level=6000)
    match = Match(any=(("words",), ("absent",)))
    for k in (5, 60, 400):
        assert text.top(match, k) == _every(text, match)[:k]


def test_a_required_word_given_twice_is_searched_once() -> None:
    """A search's word given again, in another case or form ("Trade trade trades"), is the
    same requirement: the same windows, scored as if given once (a copy of a common word in
    an intersection only read its list again)."""
    text = _varied(*LAYOUTS["in order, one segment"])
    once = Match(all=(("vietnam",), ("trade",)))
    again = Match(all=(("vietnam",), ("Trade",), ("trade",), ("trades",), ("vietnam",)))
    assert text.top(again, 40) == text.top(once, 40)
    assert text.matching(again) == text.matching(once)


@pytest.mark.parametrize("cap", [1, 10, 500, 1000, 5999, 6000, 10**6])
def test_a_count_stops_at_the_cap_and_is_exact_below_it(cap) -> None:
    text = _varied(list(range(6000, 0, -1)), {2999}, deleted=(5,))
    for match in MATCHES:
        assert text.count(match, cap) == min(cap, len(_every(text, match)))


def test_stemming_and_diacritics_fold_as_the_old_tokenizer_did() -> None:
    text = TextIndex(None)
    text.add(1, 1, "Việt Nam's defence partnerships", key=spread(1))
    text.commit(1)
    text.finish()
    assert text.matching(query.search_match("viet nam partnership")) == [1]
    assert text.matching(query.theme_match(["defense"], [])) == [1]  # spelling variants
    assert text.matching(query.theme_match(["partnership"], ["defence"])) == []  # exclusion


def test_a_crash_between_the_two_commits_is_caught_and_rebuilt(
    indexed: tuple[Path, Path, list], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    sources, db, _ = indexed
    (sources / "doc1.txt").write_text(changed("quokka"), "utf-8")

    def die(*_args: object) -> None:  # the text index has committed; SQLite never will
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(opening, "record_token", die)
        with pytest.raises(KeyboardInterrupt):
            Library(sources, db_path=db)
    capsys.readouterr()
    library = Library(sources, db_path=db)
    try:
        err = capsys.readouterr().err
        assert "out of step" in err and "rebuilt" in err and len(err.splitlines()) == 1
        assert {h[0] for h in hits(library, "quokka")} == {"doc1.txt"}
    finally:
        library.close()


def test_a_text_index_committed_alone_is_caught(indexed: tuple[Path, Path, list], capsys) -> None:
    sources, db, expected = indexed
    manifest.unseal(opening.text_folder(db))  # as a writer does: the token must catch it
    stray = TextIndex(opening.text_folder(db))
    stray.add(999_999, 1, "partnership deepen", key=spread(1))
    stray.commit(12345)
    stray.finish()
    stray.close()
    capsys.readouterr()
    library = Library(sources, db_path=db)
    try:
        assert "out of step" in capsys.readouterr().err
        assert hits(library, "partnership deepen") == expected
    finally:
        library.close()


@pytest.mark.parametrize("target", ["meta.json", ".idx", ".pos", "briefing-seal.json"])
def test_garbage_in_the_text_index_is_a_one_line_notice_and_a_rebuild(
    indexed: tuple[Path, Path, list], capsys, target: str
) -> None:
    sources, db, expected = indexed
    folder = opening.text_folder(db)
    (path,) = [p for p in folder.iterdir() if p.name == target or p.suffix == target]
    path.write_bytes(os.urandom(64) + path.read_bytes()[64:])
    capsys.readouterr()
    library = Library(sources, db_path=db)
    try:
        err = capsys.readouterr().err
        assert "damaged" in err and "rebuilt" in err and len(err.splitlines()) == 1, err
        assert "Traceback" not in err and "panicked" not in err
        assert hits(library, "partnership deepen") == expected
    finally:
        library.close()


def test_a_changed_or_removed_document_leaves_no_stale_hits(
    indexed: tuple[Path, Path, list],
) -> None:
    sources, db, _ = indexed
    (sources / "doc2.txt").write_text(changed("wombat"), "utf-8")
    (sources / "doc3.txt").unlink()
    library = Library(sources, db_path=db)
    try:
        assert hits(library, "zephyrine2") == []
        assert hits(library, "zephyrine3") == []
        assert {h[0] for h in hits(library, "zephyrine1")} == {"doc1.txt"}
        assert {h[0] for h in hits(library, "wombat")} == {"doc2.txt"}
        assert library.fulltext.count(Match(any=(("zephyrine2",), ("zephyrine3",))), 10) == 0
    finally:
        library.close()


SYNC = """
import sys
from pathlib import Path
from briefing.compose import ranking
from briefing.sources.library import Library
library = Library(Path(sys.argv[1]), db_path=Path(sys.argv[2]))
print(sorted((c.source, c.start) for c in ranking.search(library, sys.argv[3], 100)))
library.close()
"""


def test_two_processes_syncing_one_cache_at_once_agree(tmp_path: Path) -> None:
    sources = corpus(tmp_path / "src", docs=40)
    db = tmp_path / "cache" / "index.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_ in range(2):  # a fresh cache, then one with a changed document
        if round_:
            (sources / "doc5.txt").write_text(changed("numbat"), "utf-8")
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", SYNC, str(sources), str(db), "accord"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(2)
        ]
        results = [run.communicate(timeout=300) for run in runs]
        for run, (_out, err) in zip(runs, results, strict=True):
            assert run.returncode == 0, err
            assert "damaged" not in err and "without the index cache" not in err, err
        assert results[0][0] == results[1][0]
        assert ("doc5.txt" in results[0][0]) is True
    clean = Library(sources, db_path=":memory:")
    try:
        expected = sorted((c.source, c.start) for c in ranking.search(clean, "accord", 100))
    finally:
        clean.close()
    assert results[0][0].strip() == str(expected)


def test_an_unusable_cache_folder_searches_in_memory(tmp_path: Path, capsys) -> None:
    sources = corpus(tmp_path / "src")
    (tmp_path / "blocker").write_text("a file where the cache folder should be", "utf-8")
    library = Library(sources, db_path=tmp_path / "blocker" / "index.sqlite")
    try:
        assert "working without the index cache" in capsys.readouterr().err
        assert library.index.path is None
        assert {h[0] for h in hits(library, "zephyrine2")} == {"doc2.txt"}
    finally:
        library.close()


def test_a_text_index_with_another_versions_fields_is_rebuilt(
    indexed: tuple[Path, Path, list], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A text index written with other fields (here: the last version's, before `key`, the
    order ties are kept in) cannot answer this version's searches: caught on opening and
    rebuilt, never a panic in the middle of a search."""
    import tantivy

    from briefing.sources import fulltext, tie_cut, tie_order

    sources, db, expected = indexed
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", tokenizer_name=fulltext.TOKENIZER, index_option="position")
    builder.add_integer_field("id", fast=True)
    builder.add_integer_field("doc", indexed=True)
    builder.add_integer_field("blk", indexed=True)
    schema, older = builder.build(), db.parent / "older.sqlite"
    real_add = fulltext.TextIndex.add_many

    def add_as_before(self: TextIndex, doc: int, windows: object) -> None:
        add = self._write().add_document
        for window, _key, text in windows:  # type: ignore[attr-defined]
            add(tantivy.Document(id=window, doc=doc, blk=window >> 10, text=text))

    with monkeypatch.context() as patch:
        patch.setattr(fulltext, "_schema", lambda: schema)
        patch.setattr(fulltext.TextIndex, "add_many", add_as_before)
        Library(sources, db_path=older).close()
    assert fulltext.TextIndex.add_many is real_add
    capsys.readouterr()
    library = Library(sources, db_path=older)
    try:
        err = capsys.readouterr().err
        assert "damaged" in err and "rebuilt" in err and len(err.splitlines()) == 1, err
        assert hits(library, "partnership deepen") == expected
        the = library.fulltext._query(query.search_match("the"))
        searcher = library.fulltext._searcher
        every_block = fulltext._within(the, 0, tie_order.blocks())
        probed = tie_cut._probe(searcher, every_block, 10, 0.0)
        assert probed and tie_cut.keyed(searcher, probed)
    finally:
        library.close()
