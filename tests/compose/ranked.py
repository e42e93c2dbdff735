"""Ranking as a new process would see it, for the cache tests."""

from __future__ import annotations

from pathlib import Path

from briefing.compose.ranking import Candidate, rank_theme
from briefing.outline.themes import Theme
from briefing.sources.library import Library


def rank_fresh(sources: Path, db: Path, theme: Theme) -> list[Candidate]:
    """Rank as a new process would: a fresh Library over the index file `db`."""
    library = Library(sources, db_path=db)
    try:
        return rank_theme(library, theme)
    finally:
        library.close()
