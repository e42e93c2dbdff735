"""The index's record of what it holds (`listing_record`): a sync compares the folder with it,
not with every document's row, and it always says what the docs table holds, or is not used."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from briefing.sources import listing_record, opening, rows
from briefing.sources.index import Index
from tests.conftest import write_folder

DOCS = {
    "trade.txt": "Exports of electronics rose by a fifth this year, officials said on Monday.\n",
    "ports.txt": "Shipping lines added routes to the port after exports of textiles doubled.\n",
    "farms.txt": "Rice exports reached a record as tariffs in the region were cut this year.\n",
}
FROM_ROWS = listing_record.from_rows  # as written: tests count the sync's own calls
LONG_AGO = time.time_ns() - 3600 * 10**9  # not "racily clean": the mtimes are kept


def _aged(folder: Path) -> Path:
    for i, path in enumerate(sorted(folder.iterdir())):
        os.utime(path, ns=(LONG_AGO + i, LONG_AGO + i))
    return folder


def _sync(folder: Path, db: Path) -> tuple[object, listing_record.Stored | None, object]:
    """Sync; the report, the record as kept, and the record read from the rows."""
    index = Index(folder, db)
    try:
        report = index.sync()
        token = opening.stored_token(index.db)
        kept = listing_record.read(index.db, index.generation, token)
        return report, kept, FROM_ROWS(index.db)
    finally:
        index.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return _aged(write_folder(tmp_path / "src", DOCS))


def _slow_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each time a sync reads the record from the rows (the slow way)."""
    calls: list[int] = []
    real = listing_record.from_rows
    monkeypatch.setattr(listing_record, "from_rows", lambda db: calls.append(1) or real(db))
    return calls


def test_a_sync_after_a_change_compares_with_the_record_and_finds_the_change(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "index.sqlite"
    _sync(folder, db)
    (folder / "ports.txt").write_text(DOCS["ports.txt"] + "And then the rains came.\n", "utf-8")
    _aged(folder)
    slow = _slow_reads(monkeypatch)
    index = Index(folder, db)
    report = index.sync()
    index.close()
    assert slow == []  # the record, not the rows
    assert (report.analysed, report.unchanged) == (1, 2)


def test_the_record_always_says_what_the_docs_table_holds(folder: Path, tmp_path: Path) -> None:
    """Through every kind of change a sync makes: a new, an edited, a touched, a deleted and
    an unreadable document, and none."""
    db = tmp_path / "index.sqlite"
    steps = [
        lambda: None,
        lambda: (folder / "ships.txt").write_text("Ships docked at the port of Haiphong.\n"),
        lambda: (folder / "trade.txt").write_text(DOCS["trade.txt"] + "Tariffs fell.\n"),
        lambda: os.utime(folder / "farms.txt", ns=(LONG_AGO - 7, LONG_AGO - 7)),
        lambda: (folder / "ports.txt").unlink(),
        lambda: (folder / "broken.pdf").write_bytes(b"not a PDF at all"),
        lambda: None,
    ]
    for number, step in enumerate(steps):
        step()
        if number != 3:  # the touch keeps its own mtime
            _aged(folder)
        _report, kept, table = _sync(folder, db)
        assert kept == table, f"step {number}"
    assert set(table.stamps) == {"trade.txt", "farms.txt", "ships.txt", "broken.pdf"}


def test_a_record_another_writer_left_stale_is_not_used(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older version sharing the cache writes rows without keeping the record: its sync
    gives the index a new generation, so the record no longer matches and is not trusted."""
    db = tmp_path / "index.sqlite"
    _sync(folder, db)
    (folder / "farms.txt").write_text("Coffee prices rose.\n", "utf-8")
    _aged(folder)
    with sqlite3.connect(db) as con:  # as that sync would leave the rows: farms.txt current
        con.execute(
            "UPDATE docs SET size = ?, mtime_ns = ? WHERE name = 'farms.txt'",
            (os.stat(folder / "farms.txt").st_size, os.stat(folder / "farms.txt").st_mtime_ns),
        )
        con.execute("UPDATE info SET value = '12345' WHERE key = 'generation'")
    os.unlink(f"{db}.sum")  # its own seal, as that version would have made it
    slow = _slow_reads(monkeypatch)
    report, kept, table = _sync(folder, db)
    assert slow == [1] and report.analysed == 0  # the rows say farms.txt is current
    assert kept is None or kept == table


@pytest.mark.parametrize(
    "value",
    [
        "x",
        "0\0None",
        "{gen}\0{token}\0{{}}\0caf\udce9.txt\x001:2",  # not UTF-8 once stored
        "{gen}\0{token}\0[not json",
        "{gen}\0{token}\0[]\0trade.txt\0 1:2",  # keeps not a mapping
        "{gen}\0{token}\0{{}}\0trade.txt",  # a name without its stamp
        "{gen}\0{token}\0{{}}\0trade.txt\x001:2\0trade.txt\x001:2",  # a name twice
    ],
)
def test_a_record_not_as_written_is_not_used(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    db = tmp_path / "index.sqlite"
    _sync(folder, db)
    with sqlite3.connect(db) as con:
        generation = con.execute("SELECT value FROM info WHERE key = 'generation'").fetchone()[0]
        token = con.execute("SELECT value FROM info WHERE key = ?", (opening.TOKEN_KEY,))
        damaged = value.format(gen=generation, token=token.fetchone()[0])
        con.execute(
            "UPDATE info SET value = ? WHERE key = ?",
            (damaged.encode("utf-8", "surrogateescape"), listing_record.KEY),
        )
    index = Index(folder, db)  # the seal no longer matches: checked whole, found sound
    slow = _slow_reads(monkeypatch)
    assert listing_record.read(index.db, index.generation, opening.stored_token(index.db)) is None
    report = index.sync()
    index.close()
    assert slow == [1] and (report.analysed, report.unchanged) == (0, 3)


def test_a_sync_stopped_midway_leaves_no_record_and_the_next_one_is_right(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its first write (a deleted document) is committed, then it stops: the record went with
    that write, so the next sync reads the rows, and analyses what the first did not."""
    db = tmp_path / "index.sqlite"
    _sync(folder, db)
    (folder / "ports.txt").unlink()
    (folder / "farms.txt").write_text("Coffee prices rose.\n", "utf-8")
    _aged(folder)
    with monkeypatch.context() as patched:
        patched.setattr(rows, "store_doc", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
        index = Index(folder, db)
        with pytest.raises(KeyboardInterrupt):
            index.sync()
        index.close()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM docs").fetchone() == (2,)  # ports.txt gone
        assert (
            con.execute("SELECT 1 FROM info WHERE key = ?", (listing_record.KEY,)).fetchall() == []
        )
    slow = _slow_reads(monkeypatch)
    report, kept, table = _sync(folder, db)
    assert slow == [1] and report.analysed == 1 and kept == table
