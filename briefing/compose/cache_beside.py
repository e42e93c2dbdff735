"""A recompose after a source changed: the composer is forked before the index is synced.

When the sources folder's fingerprint differs from the cached deck's, the index must be synced
(the folder listed, the changed documents analysed again, Tantivy committed, the index sealed)
before ranking can start; and ranking needs the composer's modules (the outline
models, ranking's own, the notes sandbox), which a cached deck never imports. Done one after
the other they are two waits. Here a forked process imports the composer while this one lists
and syncs; this one then hands it what the sync reported and the listing's fingerprint (a
pipe), and it opens the index as the sync left it (not syncing again), composes, records the
deck and sends it back (`forked.py`). Should the sync show that nothing indexed changed (a file
touched, not edited), the pipe is closed unwritten, the fork ends, and the cached deck serves.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.deck import Deck
from briefing.errors import CorpusError
from briefing.forked import Forked
from briefing.sources.documents import (
    DocFile,
    Listing,
    documents_from,
    list_documents,
    snapshot,
)

if TYPE_CHECKING:
    from briefing.compose.cache_proof import Scan
    from briefing.compose.composer import Composed
    from briefing.sources.index import SyncReport

Store = Callable[["Path", "Composed", "str | None"], None]  # records a deck (listing fingerprint)
Listed = tuple[list[DocFile], dict[str, str], Listing]  # documents, left out, as recorded


def listed_now(sources: Path, scan: Scan | None = None) -> Listed:
    """The folder's documents, what was left out (for the sync's report), and the listing a
    record keeps: from `scan` when the fingerprint just listed the folder, else listed now.
    An unusable folder lists as nothing: the index lists it, and says why."""
    unlisted: dict[str, str] = {}
    try:
        if scan is not None:
            files = documents_from(sources, scan.rows, scan.listed_ns, unlisted)
        else:
            files = list_documents(sources, unlisted)
    except (CorpusError, OSError):
        files = []
    return files, unlisted, snapshot(sources, to_store=True, files=files)


def import_composer() -> None:
    """Import what every composing of a slide anew imports (the outline models and YAML,
    ranking's modules, the notes sandbox and Jinja2, the index's lock): done first by a
    forked composer, it overlaps the index being made or synced in the other process."""
    import briefing.compose.ranking
    import briefing.outline.notes_sandbox
    import briefing.yamlpos  # noqa: F401
    from briefing.sources.index_lock import file_lock_class

    file_lock_class()


class Beside:
    """The composer forked now; `hand_over` after the sync, then `result()` for its deck."""

    def __init__(self, outline: Path, sources: Path, store: Store) -> None:
        read, self._write = os.pipe()
        here = os.getpid()
        self._forked = Forked(lambda: _compose(outline, sources, store, (read, self._write), here))
        os.close(read)
        if not self._forked.forked:  # nothing will read it: the caller composes as before
            self._close()

    @property
    def waiting(self) -> bool:
        """Whether a forked composer waits for the sync's report."""
        return self._forked.forked and self._write >= 0

    def hand_over(self, listing_sha: str, report: SyncReport) -> bool:
        """Send the sync's report; False when the composer cannot take it (then cancel)."""
        data = pickle.dumps((listing_sha, report))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._write, view) :]
        except OSError:
            return False
        finally:
            self._close()
        return True

    def result(self) -> Deck:
        return self._forked.result()

    def cancel(self) -> None:
        """End the forked composer if it has not sent its deck (it reads an empty pipe)."""
        self._close()
        self._forked.cancel()

    def _close(self) -> None:
        if self._write >= 0:
            with contextlib.suppress(OSError):
                os.close(self._write)
            self._write = -1


def _compose(
    outline: Path, sources: Path, store: Store, pipe: tuple[int, int], parent: int
) -> Deck:
    """The forked process's work: the composer's modules first, while the other process
    syncs; then the index as that sync left it, with its report. Run again in the parent
    (the child stopped on something unexpected, `forked.py`): composed there, as before."""
    import_composer()
    from briefing.compose.composer import compose_outline_file
    from briefing.sources.library import Library

    if os.getpid() == parent:
        composed = compose_outline_file(outline)
        store(outline, composed, None)
        return composed.deck
    read, write = pipe
    os.close(write)

    def waiting() -> bool:  # the sync goes on: nothing to read yet
        return not select.select([read], [], [], 0)[0]

    if waiting():
        from briefing.compose.meanwhile import prepare

        prepare(outline, waiting)
    with os.fdopen(read, "rb") as pipe_in:
        data = pipe_in.read()
    if not data:  # the sync found the deck current: nothing to compose
        os._exit(0)
    listing_sha, report = pickle.loads(data)  # from our own parent, never a user's file
    library = Library(sources, synced=report)
    try:
        composed = compose_outline_file(outline, synced=(library, ()))
    finally:
        library.close()
    store(outline, composed, listing_sha)
    return composed.deck
