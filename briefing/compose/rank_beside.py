"""Rank half of a compose's themes in a forked process while this one ranks the other half.

After a source changes, every theme of the outline is ranked again (a ranking holds for one
index generation), one theme after another in the composing process, while the command's
other process waits for it with a core to spare. With two themes or more to rank, every second
one is ranked in a forked process instead: it opens the index as this run's sync left it (an
SQLite or Tantivy handle is never used across a fork), ranks, and sends the rankings back,
while this process ranks the others. A ranking depends on the index and the theme alone, so
it is the same whichever process makes it, and the deck is the one a serial compose gives.
The themes are ranked here, as before, where forking is not safe (`forked.py`: not Linux, or
threads running), while a lemma server is asked (its pipe belongs to this process), for an
index held in memory, or when the fork fails unexpectedly.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from briefing.compose import lexeme
from briefing.forked import Forked
from briefing.sources.library import Library

if TYPE_CHECKING:
    from briefing.compose.candidate import Candidate
    from briefing.outline.themes import Theme

Rank = Callable[[Library, "list[Theme]"], "dict[str, list[Candidate]]"]  # rankings by key


class Beside:
    """`theirs` being ranked in a forked process; `result()` waits for their rankings."""

    def __init__(self, library: Library, theirs: list[Theme], rank: Rank) -> None:
        here = os.getpid()

        def work() -> dict[str, list[Candidate]]:
            if os.getpid() == here:  # the fork failed unexpectedly: ranked here after all
                return rank(library, theirs)
            own = Library(library.sources, db_path=library.index.path, synced=library.report)
            try:
                return rank(own, theirs)
            finally:
                lexeme.remember()  # the lemmas it learned, for the next run (merged, atomic)
                own.close()

        self._forked = Forked(work)

    @property
    def forked(self) -> bool:
        return self._forked.forked

    def result(self) -> dict[str, list[Candidate]]:
        return self._forked.result()

    def cancel(self) -> None:
        self._forked.cancel()


def split(library: Library, themes: list[Theme], rank: Rank) -> tuple[list[Theme], Beside | None]:
    """The themes this process ranks, and the forked ranking of the rest (None: all here).
    Call it before any thread starts (searches ahead start threads)."""
    if len(themes) < 2 or lexeme.serving() or library.index.path is None:
        return themes, None
    mine, theirs = halves(themes)
    beside = Beside(library, theirs, rank)
    if not beside.forked:
        return themes, None
    return mine, beside


def halves(themes: list[Theme]) -> tuple[list[Theme], list[Theme]]:
    """The themes in two halves of about equal work (a keyword costs a search and a count),
    the largest first into the lighter half, ties here (the fork starts later); each half in
    outline order. Split by position, the outline's 22- and 16-keyword themes went beside, its
    12 and 16 stayed, and this process waited for the other for a third of its ranking."""
    work = [len(theme.keywords) + 1 for theme in themes]
    here: list[int] = []
    there: list[int] = []
    for i in sorted(range(len(themes)), key=lambda i: -work[i]):
        lighter = sum(work[j] for j in here) <= sum(work[j] for j in there)
        (here if lighter else there).append(i)
    return [themes[i] for i in sorted(here)], [themes[i] for i in sorted(there)]


@contextmanager
def cancelled_on_error(beside: Beside | None) -> Iterator[None]:
    """Stop the forked ranking if this process fails before it waits for it."""
    try:
        yield
    except BaseException:
        if beside is not None:
            beside.cancel()
        raise
