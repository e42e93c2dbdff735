"""A recompose after a source changed: the composer is forked before the index is synced.

When the sources folder's listing differs from the cached deck's, the index must be synced
(the changed documents analysed again, Tantivy committed, the index sealed) before ranking can
start; and ranking needs the composer's modules (pydantic and the outline models, ranking's own,
the notes sandbox), which a cached deck never imports. Done one after the other they are two
waits; here a forked process imports the composer while this one syncs, then waits on the
index's lock, finds the index synced from the same listing, composes, stores the record and
sends back the deck (`forked.py`). Should the sync show that nothing indexed changed (a file
touched, not edited), the fork is stopped and the cached deck is used as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.deck import Deck
from briefing.errors import CorpusError
from briefing.forked import Forked
from briefing.sources.documents import DocFile, Listing, list_documents, snapshot

if TYPE_CHECKING:
    from briefing.compose.composer import Composed

Store = Callable[["Path", "Composed"], None]  # how the composer's process records its deck
Listed = tuple[list[DocFile], dict[str, str], Listing]  # documents, left out, as recorded


def listed_now(sources: Path) -> Listed:
    """The folder's documents, what was left out (for the sync's report), and the listing a
    record keeps. An unusable folder lists as nothing: the index lists it, and says why."""
    unlisted: dict[str, str] = {}
    try:
        files = list_documents(sources, unlisted)
    except (CorpusError, OSError):
        files = []
    return files, unlisted, snapshot(sources, to_store=True, files=files)


def compose_beside(outline: Path, sources: Path, listed: Listed, store: Store) -> Forked[Deck]:
    """The composer, forked now (in-process at `result()` where forking is not safe)."""
    return Forked(lambda: _compose(outline, sources, listed, store))


def _compose(outline: Path, sources: Path, listed: Listed, store: Store) -> Deck:
    """The forked process's work: the composer's modules first, while the other process
    syncs; then the index, synced by then (its lock is waited for): the listing the sync
    started from is what the record keeps, as when the sync is done in-process."""
    import briefing.compose.ranking
    import briefing.outline.notes_sandbox  # noqa: F401
    from briefing.compose.composer import compose_outline_file
    from briefing.sources.library import Library

    files, unlisted, listing = listed
    library = Library(sources, listed=(files, unlisted) if files else None)
    try:
        composed = compose_outline_file(outline, synced=(library, listing))
    finally:
        library.close()
    store(outline, composed)
    return composed.deck
