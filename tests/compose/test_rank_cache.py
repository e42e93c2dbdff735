"""Rankings kept between runs: reused on an unchanged index, never trusted when damaged."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest

from briefing.compose import ranking
from briefing.compose.ranking import rank_theme
from briefing.outline.themes import Theme
from briefing.sources.library import Library
from tests.conftest import write_folder

DOCS = {
    "trade.txt": "HANOI (Wire) - Exports of electronics rose by a fifth this year, officials said, "
    "as tariffs on phones fell and new factories opened near the port.\n\n"
    "The weather in the capital was mild for the season and the markets were calm.\n",
    "ports.txt": "Shipping lines added routes to the port after exports of textiles doubled, "
    "and the trade ministry expects tariffs to fall again next spring.\n",
}


def _theme(tmp: Path, keywords: tuple[str, ...] = ("exports", "tariffs", "trade")) -> Theme:
    return Theme(
        id="trade",
        title="Trade",
        keywords=keywords,
        weights={},
        exclude=(),
        summary=None,
        path=tmp / "trade.yaml",
    )


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "src", DOCS)


def _rank_in_new_run(sources: Path, db: Path, theme: Theme) -> list[ranking.Candidate]:
    """Rank as a new process would: a fresh Library over the same index file."""
    library = Library(sources, db_path=db)
    try:
        return rank_theme(library, theme)
    finally:
        library.close()


def _never_rank(*_args: object) -> list[ranking.Candidate]:
    raise AssertionError("ranked again although the stored ranking was sound")


def test_an_unchanged_index_reuses_the_stored_ranking(tmp_path, sources, monkeypatch):
    db, theme = tmp_path / "index.db", _theme(tmp_path)
    first = _rank_in_new_run(sources, db, theme)
    assert first and Path(f"{db}.rankings").exists()
    monkeypatch.setattr(ranking, "_rank", _never_rank)
    assert _rank_in_new_run(sources, db, theme) == first


def test_another_theme_or_a_changed_source_ranks_again(tmp_path, sources, monkeypatch):
    db, theme = tmp_path / "index.db", _theme(tmp_path)
    _rank_in_new_run(sources, db, theme)
    calls: list[str] = []
    real = ranking._rank

    def counting(library, theme, languages):
        calls.append(theme.id)
        return real(library, theme, languages)

    monkeypatch.setattr(ranking, "_rank", counting)
    _rank_in_new_run(sources, db, _theme(tmp_path, ("exports",)))
    assert len(calls) == 1
    (sources / "extra.txt").write_text(
        "Tariffs on rice exports were cut by half, the trade ministry said on Monday.\n",
        encoding="utf-8",
    )
    again = _rank_in_new_run(sources, db, theme)
    assert len(calls) == 2
    assert "extra.txt" in {c.source for c in again}


def _stored(db: Path) -> list[tuple[str, int, bytes]]:
    with sqlite3.connect(f"{db}.rankings") as conn:
        return conn.execute("SELECT key, generation, value FROM ranked").fetchall()


@pytest.mark.parametrize(
    "payload",
    [
        b"not zlib at all",
        zlib.compress(b"{not json"),
        zlib.compress(b'[["trade.txt", 0, 9999999, 0, 9999999, 1.0, 1.0, 1.0, 20, false, []]]'),
        zlib.compress(b'[["missing.txt", 0, 10, 0, 10, 1.0, 1.0, 1.0, 20, false, []]]'),
        zlib.compress(b'[["trade.txt", 10, 5, 0, 50, 1.0, 1.0, 1.0, 20, false, []]]'),
        zlib.compress(b'[["trade.txt", "0", 10, 0, 50, 1.0, 1.0, 1.0, 20, false, []]]'),
        zlib.compress(b'[["trade.txt", 0, 10]]'),
    ],
    ids=["zlib", "json", "past-end", "unknown-source", "backwards", "string-offset", "short"],
)
def test_a_tampered_ranking_is_ranked_again(tmp_path, sources, payload):
    db, theme = tmp_path / "index.db", _theme(tmp_path)
    first = _rank_in_new_run(sources, db, theme)
    ((key, generation, _),) = _stored(db)
    with sqlite3.connect(f"{db}.rankings") as conn:
        conn.execute("UPDATE ranked SET value = ? WHERE key = ?", (payload, key))
    assert _rank_in_new_run(sources, db, theme) == first
    assert _stored(db) != [(key, generation, payload)]  # the sound ranking was stored again


def test_a_damaged_rankings_file_is_removed_with_a_notice(tmp_path, sources, capsys):
    db, theme = tmp_path / "index.db", _theme(tmp_path)
    first = _rank_in_new_run(sources, db, theme)
    Path(f"{db}.rankings").write_bytes(b"\x00garbage" * 512)
    assert _rank_in_new_run(sources, db, theme) == first
    assert "rankings cache was damaged" in capsys.readouterr().err
    assert _rank_in_new_run(sources, db, theme) == first  # and the next run starts afresh
    assert len(_stored(db)) == 1


def test_an_in_memory_index_keeps_rankings_for_the_run_only(tmp_path, sources):
    library = Library(sources, db_path=":memory:")
    try:
        theme = _theme(tmp_path)
        assert rank_theme(library, theme) is rank_theme(library, theme)
    finally:
        library.close()
    assert not list(tmp_path.glob("*.rankings"))


def test_the_cache_files_never_wait_for_the_disk(tmp_path, sources):
    """The rankings and keyword hits are caches: a commit lost to a power cut costs a
    re-rank, so they are never fsynced (synchronous OFF), not even at the checkpoint each
    closed connection runs: a first build waited for the disk ~60 times for them."""
    from briefing.compose import hit_file
    from briefing.compose.rank_cache import RankCache

    library = Library(sources, db_path=tmp_path / "index.db")
    try:
        with RankCache(library)._file() as db:
            assert db is not None and db.execute("PRAGMA synchronous").fetchone() == (0,)
        with hit_file.connected(hit_file.beside(tmp_path / "index.db")) as db:
            assert db is not None and db.execute("PRAGMA synchronous").fetchone() == (0,)
    finally:
        library.close()
