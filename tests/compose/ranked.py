"""Ranking as a new process would see it, and the theme it ranks, for the cache tests."""

from __future__ import annotations

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
