"""A first `build`'s index, made by the process that does not compose.

`build` composes in a forked process while it imports python-pptx itself (`forked.py`); on a
new machine the composer imported the outline models and only then synced the index, while
this process, its own imports done, waited. Now this process syncs the index, from the
outline's `sources:` read from its YAML alone, while the composer imports; the composer then
waits for the index's lock and finds the index synced. The index's modules are imported
before the fork (the composer needs them too: a forked one has them for nothing), the
analysis only here. Only an index not yet made is synced ahead: one that exists may be
damaged or another run's, and the composer checks it and says what it found, as before.
Whatever goes wrong here is left for the composer to meet again and report (this process's
notices are dropped, so none is shown twice)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

from briefing.outline.folders import quoted_sources
from briefing.sources.catalogue import CATALOGUE, kept_passages
from briefing.yamlpos import load_located


def index_ahead(outline: Path) -> Callable[[], None] | None:
    """Before forking the composer: the sync to run beside it, if the folder `outline` quotes
    from has no index yet (None otherwise)."""
    sources = quoted_sources(outline)
    if sources is None:
        return None
    try:
        from briefing.sources.index import Index, default_path

        if default_path(sources).exists():
            return None
    except Exception:  # noqa: BLE001 - the composer meets it again and reports it
        return None

    def sync() -> None:
        quiet = io.StringIO()
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            try:
                index = Index(sources, keep=_kept(sources))
                try:
                    if index.path is not None:  # not a cache that could not be opened
                        index.sync()
                finally:
                    index.close()
            except Exception:  # noqa: BLE001 - the composer meets it again and reports it
                pass

    return sync


def still_indexing(outline: Path) -> Callable[[], bool]:
    """Whether the sync `index_ahead` gave is still at work (its index's lock held), asked
    without waiting: the composer forked beside it works on meanwhile (`compose.meanwhile`)."""
    sources = quoted_sources(outline)
    if sources is None:
        return lambda: False
    from briefing.sources.index import default_path
    from briefing.sources.index_lock import lock_for

    path = default_path(sources)

    def held() -> bool:  # a lock of its own in each process: filelock refuses an inherited one
        try:
            with lock_for(path).if_free(0) as free:
                return not free
        except OSError:  # no cache folder to lock in: the composer meets it and says so
            return False

    return held


def _kept(sources: Path) -> dict[str, tuple[str, ...]]:
    """The passages the catalogue's `keep:` entries rescue, read without validating it (the
    validation, and the library it imports, are the composer's). Should the validated
    catalogue differ, the composer's sync analyses those documents again: time, not a wrong
    index (each document records the `keep:` it was analysed with)."""
    path = sources / CATALOGUE
    if not path.is_file():
        return {}
    data = load_located(path).data
    if not isinstance(data, dict):
        return {}
    return kept_passages({str(n): f for n, f in data.items() if isinstance(f, dict)})
