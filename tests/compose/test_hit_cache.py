"""Keyword hits kept between runs by content: a changed source re-tokenises only its own
paragraphs, the ranking is the one an empty cache gives, and damaged hits are recomputed."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.compose import evidence, hit_cache, hit_file, lexeme
from briefing.compose.cache import compose_cached
from briefing.compose.composer import compose_file
from briefing.compose.ranking import rank_theme, window_texts
from briefing.outline.themes import Theme
from briefing.sources.library import Library
from tests.compose.ranked import damage_batches, rank_fresh, trade_theme
from tests.conftest import write_folder

DOCS = {
    "trade.txt": "HANOI (Wire) - Exports of electronics rose by a fifth this year, officials said, "
    "as tariffs on phones fell and new factories opened near the port.\n\n"
    "Trade talks resumed in the spring, and exporters expect tariffs to ease further.\n",
    "ports.txt": "Shipping lines added routes to the port after exports of textiles doubled, "
    "and the trade ministry expects tariffs to fall again next spring.\n",
    "farms.txt": "Rice exports reached a record as tariffs in the region were cut, and the "
    "trade in coffee grew for a third year.\n\nFarmers said the weather had been kind.\n",
}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "src", DOCS)


@pytest.fixture
def theme(tmp_path: Path) -> Theme:
    return trade_theme(tmp_path, ("exports", "tariffs", "trade"))


def _tokenised(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts lexeme.tokenize is asked to tokenise from now on."""
    seen: list[str] = []
    real = lexeme.tokenize

    def recording(text: str, *args: object) -> lexeme.Tokens:
        seen.append(text)
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(lexeme, "tokenize", recording)
    return seen


def test_a_changed_source_re_tokenises_only_its_own_paragraphs(
    tmp_path, sources, theme, monkeypatch
):
    db = tmp_path / "index.db"
    assert len(rank_fresh(sources, db, theme)) >= 3
    changed = sources / "ports.txt"
    changed.write_text(
        changed.read_text("utf-8") + "\nTariffs on exports of trade goods were cut again.\n",
        encoding="utf-8",
    )
    seen = _tokenised(monkeypatch)
    after = rank_fresh(sources, db, theme)
    text = changed.read_text("utf-8")
    assert seen and all(part in text for part in seen)  # the other sources' hits were kept
    assert after == rank_fresh(sources, tmp_path / "fresh.db", theme)  # as an empty cache ranks


def _hits_damaged(damage: str) -> Callable[[dict, str], object]:
    """A change to a batch's keyword hits (columns concept, start, end; a count per paragraph)."""

    def change(batch: dict, texts: str) -> object:
        if damage == "not json":
            return b'{"shas": [\x00' + texts.encode()
        concepts, starts, ends = batch["h"]
        assert concepts
        if damage == "checksum":  # "no hits here", as a flipped byte might say
            batch["h"] = [[], [], []]
            batch["p"][3] = [0] * len(batch["p"][3])
        elif damage == "concept":
            batch["h"][0] = [99] * len(concepts)
        elif damage == "offsets":  # past their paragraphs' ends
            batch["h"][2] = [end + 10**6 for end in ends]
        elif damage == "shape":
            del ends[-1]
        elif damage == "type":
            batch["h"][1] = [str(start) for start in starts]
        return texts

    return change


@pytest.mark.parametrize("damage", ["checksum", "concept", "offsets", "shape", "type", "not json"])
def test_damaged_hits_are_recomputed_never_trusted(tmp_path, sources, theme, damage):
    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    Path(f"{db}.rankings").unlink()  # rank again: the hits cache is what is read back
    damage_batches(db, _hits_damaged(damage), matching_crc=damage != "checksum")
    assert rank_fresh(sources, db, theme) == first


def test_a_damaged_hits_file_is_removed_with_a_notice(tmp_path, sources, theme, capsys):
    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    Path(f"{db}.rankings").unlink()
    Path(f"{db}.hits").write_bytes(b"this is not a database file" * 200)
    assert rank_fresh(sources, db, theme) == first
    assert "keyword hits cache was damaged" in capsys.readouterr().err


def test_a_compose_opens_the_hits_file_once_for_all_its_reads_and_writes(
    tmp_path, sources, theme, monkeypatch
):
    """Judging reads the theme's kept hits and writes what it computed, paragraph texts and
    speakers' windows too: within `kept_open` (a compose) one connection serves them all
    (each open cost ~0.3 ms, ~20 a compose), a second ranking opens nothing, and the block's
    end closes it (its write-ahead log folded back in, as when each use closed it)."""
    opened: list[Path] = []
    real = hit_file._opened
    monkeypatch.setattr(hit_file, "_opened", lambda path: opened.append(path) or real(path))
    used: list[Path] = []
    connected = hit_file.connected
    monkeypatch.setattr(hit_file, "connected", lambda path: used.append(path) or connected(path))
    db = tmp_path / "index.db"
    hits = Path(f"{db}.hits")
    library = Library(sources, db_path=db)
    try:
        with hit_file.kept_open():
            first = rank_theme(library, theme)
            assert len(used) >= 3 and opened == [hits]
            Path(f"{db}.rankings").unlink()
            assert rank_theme(library, trade_theme(tmp_path, ("exports", "ports")))
            assert len(opened) == 1
        assert not Path(f"{hits}-wal").exists()  # closed: the log folded in
    finally:
        library.close()
    Path(f"{db}.rankings").unlink()
    opens, uses = len(opened), len(used)
    assert rank_fresh(sources, db, theme) == first  # outside the block: opened for each use
    assert len(opened) - opens == len(used) - uses > 0


def test_a_compose_keeps_the_hits_file_open_and_closes_it_after(project, monkeypatch):
    """The composer ranks within `kept_open`: one open for the deck, none left open after."""
    opened: list[Path] = []
    real = hit_file._opened
    monkeypatch.setattr(hit_file, "_opened", lambda path: opened.append(path) or real(path))
    outline = project / "outlines" / "us-vietnam.yaml"
    compose_file(outline)
    assert len(set(opened)) == len(opened) == 1
    assert hit_file._local.by_path == {}


def test_each_thread_keeps_its_own_connection_to_the_hits_file(tmp_path, sources, theme):
    """SQLite refuses a connection made on another thread (a live presentation composes on
    worker threads): each thread opens its own, and the file stays in use for all."""
    import threading

    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    Path(f"{db}.rankings").unlink()
    path = Path(f"{db}.hits")
    found: list[object] = []
    with hit_file.kept_open(), hit_file.connected(path) as mine:
        assert mine is not None

        def elsewhere() -> None:
            library = Library(sources, db_path=db)
            try:
                with hit_file.kept_open():
                    found.append(rank_theme(library, theme))
                    with hit_file.connected(path) as theirs:
                        found.append(theirs is not None and theirs is not mine)
            finally:
                library.close()

        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
        assert found == [first, True]
        assert hit_file.usable(path)
        with hit_file.connected(path) as again:
            assert again is mine


def test_a_forked_process_opens_its_own_connection_to_the_hits_file(tmp_path, sources, theme):
    """A connection is never used across a fork (SQLite's rule): a composer forked after
    this process opened the file opens its own, writes through it, and this one's still works."""
    import os

    db = tmp_path / "index.db"
    rank_fresh(sources, db, theme)
    path = Path(f"{db}.hits")
    with hit_file.kept_open():
        with hit_file.connected(path) as mine:
            assert mine is not None
            before = mine.execute("SELECT count(*) FROM windows").fetchone()[0]
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: say whether it got a connection of its own, and use it
            ok = False
            try:
                with hit_file.connected(path) as theirs:
                    if theirs is not None and theirs is not mine:
                        theirs.execute("INSERT INTO windows VALUES ('t', 's', 'v', 0)")
                        ok = True
            finally:
                os.write(write, b"1" if ok else b"0")
                os._exit(0)
        os.close(write)
        said = os.read(read, 1)
        os.close(read)
        os.waitpid(pid, 0)
        assert said == b"1"
        with hit_file.connected(path) as mine_again:
            assert mine_again is mine
            assert mine.execute("SELECT count(*) FROM windows").fetchone()[0] == before + 1


def test_a_compose_after_a_change_is_the_deck_a_fresh_cache_composes(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    compose_cached(outline)  # indexes, ranks every theme, keeps the keyword hits
    changed = sorted((project / "seeds").glob("*.txt"))[0]
    changed.write_text(
        changed.read_text("utf-8")
        + "\nSemiconductor exports and the four nos framed the talks with China.\n",
        encoding="utf-8",
    )
    after = compose_cached(outline)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "empty-cache"))
    assert after == compose_file(outline)


def test_a_re_rank_after_a_change_reads_only_the_changed_source(
    tmp_path, sources, theme, monkeypatch
):
    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    assert {c.source for c in first} >= {"trade.txt", "farms.txt"}
    changed = sources / "ports.txt"
    changed.write_text(changed.read_text("utf-8") + "\nTariffs on exports fell.\n", "utf-8")
    read: list[str] = []
    real = Library.text
    monkeypatch.setattr(Library, "text", lambda self, name: read.append(name) or real(self, name))
    after = rank_fresh(sources, db, theme)
    assert set(read) == {"ports.txt"}  # the others' paragraphs come from the cache
    monkeypatch.undo()
    assert after == rank_fresh(sources, tmp_path / "fresh.db", theme)


@pytest.mark.parametrize("damage", ["checksum", "length"])
def test_damaged_paragraph_texts_are_read_again_never_trusted(tmp_path, sources, theme, damage):
    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    Path(f"{db}.rankings").unlink()

    def opener(text: str) -> str:  # an opener (the judgements kept say what the text said)
        if damage == "checksum":  # crc unchanged
            return "The deal was hailed " + text[20:]
        return "The deal was hailed " + text  # longer than its span, checksum made to match

    def change(batch: dict, texts: str) -> str:
        _docs, starts, ends, _counts = batch["p"]
        at, parts = 0, []
        for start, end in zip(starts, ends, strict=True):
            parts.append(opener(texts[at : at + end - start]))
            at += end - start
        return "".join(parts)

    damage_batches(db, change, matching_crc=damage == "length")
    with sqlite3.connect(f"{db}.hits") as con:  # the texts kept for a ranking read back
        rows = con.execute("SELECT sha, start, end, text, crc FROM texts").fetchall()
        assert rows
        con.execute("DELETE FROM texts")
        for sha, start, end, text, crc in rows:
            new = opener(text)
            if damage == "length":
                crc = zlib.crc32(f"\x1f{sha}\x1f{start}\x1f{end}\x1f{new}".encode())
            con.execute("INSERT INTO texts VALUES (?, ?, ?, ?, ?)", (sha, start, end, new, crc))
    for _run in ("re-rank", "ranking read back"):  # texts from the batches, then the table
        library = Library(sources, db_path=db)
        try:
            again = rank_theme(library, theme)
            text_of = window_texts(library, again)
            texts = [library.text(c.source)[c.start : c.end] for c in again]
            assert again == first and [text_of(c) for c in again] == texts
        finally:
            library.close()


def test_a_ranking_read_back_gives_its_windows_texts_without_reading_a_source(
    tmp_path, sources, theme, monkeypatch
):
    db = tmp_path / "index.db"
    assert rank_fresh(sources, db, theme)  # ranked once: the paragraphs' texts are kept
    library = Library(sources, db_path=db)
    try:
        ranked = rank_theme(library, theme)  # from the stored ranking
        read: list[str] = []
        real = Library.text
        monkeypatch.setattr(Library, "text", lambda s, n: read.append(n) or real(s, n))
        text_of = window_texts(library, ranked)
        texts = [text_of(c) for c in ranked]
        assert read == []
        monkeypatch.undo()
        assert texts == [library.text(c.source)[c.start : c.end] for c in ranked]
    finally:
        library.close()


def test_a_recompose_from_stored_rankings_is_the_deck_a_fresh_cache_composes(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    compose_cached(outline)  # ranks every theme, keeps the paragraphs' texts
    text = outline.read_text("utf-8")
    # one excerpt fewer on the first themed slide: every slide from it on is chosen again
    # (a title edit alone would keep every slide's excerpts: test_slide_reuse)
    count = text.index("excerpts: ", text.index("slides:")) + len("excerpts: ")
    fewer = str(int(text[count]) - 1)
    outline.write_text(text[:count] + fewer + text[count + 1 :], "utf-8")
    read: list[str] = []
    real = Library.text
    monkeypatch.setattr(Library, "text", lambda self, name: read.append(name) or real(self, name))
    after = compose_cached(outline)
    monkeypatch.undo()
    assert read and set(read) <= {s.file for s in after.cited_sources}
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "empty-cache"))
    assert after == compose_file(outline)


def test_a_re_ranks_selection_reads_its_paragraphs_from_what_judging_read(
    tmp_path, sources, theme, monkeypatch
):
    """Judging a re-rank's candidates reads their paragraphs' texts; choosing excerpts from
    that ranking then takes them from memory (keyed by content hash), not from the hits file
    again, and gets the same texts."""

    db = tmp_path / "index.db"
    library = Library(sources, db_path=db)
    try:
        ranked = rank_theme(library, theme)  # ranked now: judged in this run
        opened: list[Path] = []
        real = hit_file.connected
        monkeypatch.setattr(hit_file, "connected", lambda path: opened.append(path) or real(path))
        text_of = window_texts(library, ranked)
        texts = [text_of(c) for c in ranked]
        assert opened == []
        monkeypatch.undo()
        assert texts == [library.text(c.source)[c.start : c.end] for c in ranked]
    finally:
        library.close()


def _batches(db: Path) -> list[int]:
    """The size of each kept evidence batch, oldest first."""
    with sqlite3.connect(f"{db}.hits") as con:
        return [n for (n,) in con.execute("SELECT length(value) FROM evidence ORDER BY rowid")]


def test_a_re_rank_keeps_only_what_it_computed_and_batches_are_merged(
    tmp_path, sources, theme, monkeypatch
):
    """Each re-rank after a change adds one batch holding what it computed (the changed
    source's paragraphs and windows), not the whole theme again; past COMPACT batches they
    are merged into one, and the ranking is still the one an empty cache gives."""
    from briefing.compose import hit_cache

    monkeypatch.setattr(hit_cache, "COMPACT", 3)
    db = tmp_path / "index.db"
    rank_fresh(sources, db, theme)
    (whole,) = _batches(db)
    changed = sources / "ports.txt"
    for n in range(1, 4):
        changed.write_text(changed.read_text("utf-8") + f"\nTariffs on exports fell {n}.\n")
        after = rank_fresh(sources, db, theme)
        sizes = _batches(db)
        if n < 3:
            assert len(sizes) == n + 1 and sizes[-1] < whole / 2  # the changed source's only
        else:
            assert len(sizes) == 1  # merged: what this ranking used
        assert after == rank_fresh(sources, tmp_path / f"fresh{n}.db", theme)


def test_an_older_codes_table_of_hits_goes_with_the_next_write(tmp_path, sources, theme):
    """The hits an older code kept one row per paragraph are never read again: the first
    batch written drops their table (a cache file is never rebuilt for it)."""
    db = tmp_path / "index.db"
    with sqlite3.connect(f"{db}.hits") as con:
        con.execute("CREATE TABLE hits(theme TEXT, sha TEXT, start INTEGER, end INTEGER)")
    first = rank_fresh(sources, db, theme)
    with sqlite3.connect(f"{db}.hits") as con:
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master")}
    assert "hits" not in tables and "evidence" in tables
    assert first == rank_fresh(sources, tmp_path / "fresh.db", theme)


def test_hits_read_ahead_of_a_sync_are_taken_and_rank_as_a_fresh_cache_does(
    tmp_path, sources, theme, monkeypatch
):
    """A composer waiting on another process's sync reads each theme's kept hits before the
    index is open (`compose.meanwhile`); the ranking after the sync takes them, reads the file
    no more for that theme, and is the one an empty cache gives."""
    db = tmp_path / "index.db"
    rank_fresh(sources, db, theme)
    changed = sources / "ports.txt"
    changed.write_text(changed.read_text("utf-8") + "\nTariffs on exports fell.\n", "utf-8")
    path = hit_cache.file_ahead(db)
    assert path == tmp_path / "index.db.hits"
    hit_cache.read_ahead(path, [repr(c) for c in evidence.concepts(theme)])
    assert len(hit_cache._ahead) == 1
    reads: list[str] = []
    real = hit_cache._read
    monkeypatch.setattr(hit_cache, "_read", lambda *a: reads.append(a[1]) or real(*a))
    after = rank_fresh(sources, db, theme)
    assert reads == [] and hit_cache._ahead == {}  # taken, not read again
    monkeypatch.undo()
    assert after == rank_fresh(sources, tmp_path / "fresh.db", theme)


def test_no_hits_file_is_made_to_be_read_ahead(tmp_path):
    assert hit_cache.file_ahead(tmp_path / "index.db") is None  # a first build: none yet
    assert list(tmp_path.iterdir()) == []
