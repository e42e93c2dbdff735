"""Ranking as a new process would see it, and the theme it ranks, for the cache tests."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefing.compose.ranking import Candidate, rank_theme
from briefing.outline.themes import Theme
from briefing.sources.library import Library


def trade_theme(folder: Path, keywords: tuple[str, ...], **fields: object) -> Theme:
    """The cache tests' "trade" theme (saved as `folder`/trade.yaml), with its keywords and
    any other field given (weights, context)."""
    plain = Theme("trade", "Trade", keywords, {}, (), None, folder / "trade.yaml")
    return replace(plain, **fields)  # type: ignore[arg-type]


def rank_fresh(sources: Path, db: Path, theme: Theme) -> list[Candidate]:
    """Rank as a new process would: a fresh Library over the index file `db`."""
    library = Library(sources, db_path=db)
    try:
        return rank_theme(library, theme)
    finally:
        library.close()


def damage_batches(db: Path, change: Callable[[dict, str], object], *, matching_crc: bool) -> None:
    """Rewrite every kept evidence batch of the index `db` through `change`, which edits its
    JSON columns in place and returns the texts to store after them (or the bytes to store
    instead of the whole batch); the checksum made to match, or left as it was (a flipped
    byte)."""
    with sqlite3.connect(f"{db}.hits") as con:
        rows = con.execute("SELECT rowid, theme, value, crc FROM evidence").fetchall()
        assert rows
        for rowid, key, value, crc in rows:
            head, _, texts = value.partition(b"\x00")
            columns = json.loads(head)
            returned = change(columns, texts.decode())
            if isinstance(returned, bytes):
                new = returned
            else:
                new = json.dumps(columns).encode() + b"\x00" + str(returned).encode()
            if matching_crc:
                crc = zlib.crc32(new, zlib.crc32(key.encode()))
            con.execute("UPDATE evidence SET value = ?, crc = ? WHERE rowid = ?", (new, crc, rowid))
