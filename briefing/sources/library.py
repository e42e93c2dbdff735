"""An opened corpus: the synced index, the catalogue, and source texts, behind one object.

Everything above this layer (ranking, composing, commands) asks the library; nothing else
touches the index tables or the source files directly.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefing.deck import SourceInfo
from briefing.errors import CorpusError
from briefing.sources.canonical import Canonical, Unreadable, read_canonical
from briefing.sources.catalogue import CATALOGUE, kept_passages, load_catalogue
from briefing.sources.fulltext import TextIndex
from briefing.sources.index import Index, Listed, SyncReport


@dataclass(frozen=True)
class DocRecord:
    """One indexed document as the library lists it."""

    name: str
    chars: int
    quality: float
    info: SourceInfo
    noise: list[tuple[int, int, str]]
    skipped: str | None


class Library:
    """The sources folder, indexed and ready to query."""

    def __init__(
        self,
        sources: Path,
        *,
        db_path: Path | str | None = None,
        listed: Listed | None = None,
        synced: SyncReport | None = None,
        seal_later: bool = False,
    ) -> None:
        """`synced`: what the sync another process of this run has just made reported; the
        index is opened as that sync left it, not synced again (`compose/cache_beside.py`),
        unless it cannot be opened from the cache folder (one in memory starts empty).
        `seal_later`: the sync's last checksum is taken on `close` (`Index.sync`)."""
        self.sources = sources
        self.catalogue_path = sources / CATALOGUE
        self.catalogue = load_catalogue(sources) if sources.is_dir() else {}
        self.index = Index(
            sources,
            db_path,
            keep=kept_passages(self.catalogue),
            settled=synced.settled if synced is not None else None,
        )
        if synced is not None and self.index.path is not None:
            self.report: SyncReport = synced
        else:
            self.report = self.index.sync(listed, seal_later=seal_later)
        self._texts: dict[str, Canonical] = {}

    def close(self) -> None:
        self.index.close()

    @property
    def db(self) -> sqlite3.Connection:
        """The index connection, for the ranking layer only."""
        return self.index.db

    @property
    def fulltext(self) -> TextIndex:
        """The full-text index of the windows (ids only), for the ranking layer only."""
        return self.index.text

    @property
    def warnings(self) -> list[str]:
        """One line per skipped file, naming it and the fix."""
        return [f"skipped {name}: {why}" for name, why in sorted(self.report.skipped.items())]

    def text(self, name: str) -> str:
        """A source's canonical text, as it was when it was indexed."""
        return self.canonical(name).text

    def canonical(self, name: str) -> Canonical:
        """A source's canonical text with its pages and stated metadata (read once)."""
        if name not in self._texts:
            try:
                found = read_canonical(self.sources / name)
            except (OSError, Unreadable) as exc:
                raise CorpusError(f"{name}: cannot read source: {exc}") from None
            row = self.db.execute("SELECT sha FROM docs WHERE name = ?", (name,)).fetchone()
            if row and row[0] and row[0] != found.sha:
                raise CorpusError(  # its offsets index the text as it was: never misquote
                    f"{name}: changed while briefing was reading it; run the command again"
                )
            self._texts[name] = found
        return self._texts[name]

    def page_fields(self, name: str, start: int, end: int) -> dict[str, object]:
        """`page`, `page_label` and `pages` ("p. 4", "pp. 4-5") of a span in a paged source."""
        page, label, pages = self.canonical(name).page_info(start, end)
        return {"page": page, "page_label": label, "pages": pages} if page else {}

    def indexed_lengths(self, names: set[str]) -> dict[str, int]:
        """The lengths of indexed sources' canonical texts, in one query; a source that is
        not indexed is left out."""
        rows = self.db.execute(
            "SELECT name, chars FROM docs WHERE name IN (SELECT value FROM json_each(?))"
            " AND skipped IS NULL",
            (json.dumps(sorted(names)),),
        )
        return {name: chars for name, chars in rows if isinstance(chars, int)}

    def _meta(self, name: str) -> dict[str, object]:
        row = self.db.execute(
            "SELECT meta FROM docs WHERE name = ? AND skipped IS NULL", (name,)
        ).fetchone()
        return json.loads(row[0]) if row else {}

    def info(self, name: str) -> SourceInfo:
        """Citation metadata: the catalogue's fields override what was extracted."""
        fields = self._meta(name)
        fields.update(self.catalogue.get(name, {}))
        when = fields.get("date")
        if isinstance(when, str):
            try:
                when = dt.date.fromisoformat(when)
            except ValueError:
                when = None
        return SourceInfo(
            file=name,
            title=_text(fields.get("title")),
            author=_text(fields.get("author")),
            cite_as=_text(fields.get("cite_as")),
            publisher=_text(fields.get("publisher")),
            date=when if isinstance(when, dt.date) else None,
            url=_text(fields.get("url")),
        )

    def documents(self) -> list[DocRecord]:
        rows = self.db.execute(
            "SELECT name, chars, quality, noise, skipped FROM docs ORDER BY name"
        ).fetchall()
        return [
            DocRecord(
                name,
                chars,
                quality,
                self.info(name),
                [tuple(n) for n in json.loads(noise)],
                skipped,
            )
            for name, chars, quality, noise, skipped in rows
        ]

    def paragraph_at(self, name: str, start: int, end: int) -> tuple[int, int]:
        """The paragraph span holding [start, end), or the span itself if none does."""
        row = self.db.execute(
            "SELECT p.start, p.end FROM paras p JOIN docs d ON d.id = p.doc"
            " WHERE d.name = ? AND p.start <= ? AND p.end >= ? LIMIT 1",
            (name, start, end),
        ).fetchone()
        return (row[0], row[1]) if row else (start, end)


def _text(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
