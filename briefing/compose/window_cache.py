"""Strings kept per window by content (an excerpt's speaker; a theme's window judgements are
kept in its batches, `kept_batches`), in the hits file beside the index (`hit_cache`): keyed
by what they depend on besides the text (the code's digest) and by the window, named by its
document's content hash, its span and its paragraph's. Untrusted like the rest of that file: a
row whose checksum fails is left out (its value is worked out again)."""

from __future__ import annotations

from briefing.compose import hit_cache, hit_file
from briefing.sources import store
from briefing.sources.library import Library

Span = tuple[str, int, int, int, int]  # (sha, start, end, paragraph start, paragraph end)


def values(library: Library, key: str, spans: set[Span]) -> dict[Span, str]:
    """The strings kept under `key` for the windows `spans`, where their checksums hold."""
    path = hit_cache.kept_file(library)
    if path is None or not spans:
        return {}
    names = {_name(span): span for span in spans}  # cheaper than parsing every row
    rows = []
    with hit_file.connected(path) as db:
        if db is not None:  # the key's rows in one range (faster than a lookup per span)
            rows = db.execute("SELECT span, value, crc FROM windows WHERE theme = ?", (key,))
            rows = rows.fetchall()
    found = {}
    for name, value, crc in rows:
        span = names.get(name)
        if span and isinstance(value, str) and crc == hit_cache.checksum(key, name, value):
            found[span] = value
    return found


def remember(library: Library, key: str, judged: list[tuple[Span, str]]) -> None:
    """Keep strings under `key` for windows; past MAX_ROWS rows, other keys' rows go."""
    path = hit_cache.kept_file(library)
    if path is None:
        return
    rows = []
    for span, value in judged:
        name = _name(span)
        rows.append((key, name, value, hit_cache.checksum(key, name, value)))
    with hit_file.connected(path) as db:
        if db is None:
            return
        with store.transaction(db):
            (count,) = db.execute("SELECT count(*) FROM windows").fetchone()
            if count + len(rows) > hit_cache.MAX_ROWS:
                db.execute("DELETE FROM windows WHERE theme != ?", (key,))
            db.executemany("INSERT OR REPLACE INTO windows VALUES (?, ?, ?, ?)", rows)


def _name(span: Span) -> str:
    """A window's key as stored: "sha,start,end,p_start,p_end"."""
    return ",".join(map(str, span))
