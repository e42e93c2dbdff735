"""The corpus behind the deck, for the source view and for evidence search during questions.

Opened on first use, not at start, so the first slide paints without waiting for the index.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.deck import Excerpt
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.sources.library import Library

SEARCH_LIMIT = 20


class Evidence:
    """A lazily opened Library over one sources folder; close it when the folder may change."""

    def __init__(self, sources: Path | None) -> None:
        self.sources = sources
        self._library: Library | None = None

    def library(self) -> Library:
        if self._library is None:
            if self.sources is None:
                raise BriefingError("this deck does not say where its sources are")
            from briefing.sources.library import Library

            self._library = Library(self.sources)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def text(self, name: str) -> str:
        """A source's full text, as its excerpts' offsets count it."""
        return self.library().text(name)

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[Excerpt]:
        """The best passages for `query` across every source, one per paragraph (windows
        overlap, and the same sentence twice in a row helps nobody), each in its paragraph."""
        import sqlite3

        from briefing.compose import ranking

        library = self.library()
        try:
            hits = ranking.search(library, query, limit * 3)
        except sqlite3.Error as exc:
            raise BriefingError(f"cannot search for \u201c{query}\u201d: {exc}") from None
        found: list[Excerpt] = []
        seen: set[tuple[str, int]] = set()
        for hit in hits:
            if (hit.source, hit.para_start) in seen:
                continue
            seen.add((hit.source, hit.para_start))
            found.append(ranking.to_excerpt(library, hit))
            if len(found) == limit:
                break
        return found
