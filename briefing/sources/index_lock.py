"""The inter-process lock of one index file: runs that share a cache take turns to index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a lock is made (~16 ms): a deck reused whole needs none
    from filelock import FileLock

LOCK_TIMEOUT = 600.0  # seconds to wait for another run's indexing before going it alone
LOCK_POLL = 0.005  # seconds between a waiting run's tries: filelock's default, 0.05, kept a
# build's composer up to 50 ms behind the index made beside it (briefing.compose.cache_ahead)


class IndexLock:
    """The inter-process lock guarding one index file (held while opening and syncing); a run
    that waits for it tries again every LOCK_POLL seconds. Reentrant, as FileLock is."""

    def __init__(self, path: Path) -> None:
        self._lock: FileLock = file_lock_class()(f"{path}.lock", timeout=LOCK_TIMEOUT)

    def __enter__(self) -> IndexLock:
        self._lock.acquire(poll_interval=LOCK_POLL)
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()

    @contextmanager
    def if_free(self, wait: float) -> Iterator[bool]:
        """Held for the block only if it is free within `wait` seconds; says which."""
        try:
            self._lock.acquire(timeout=wait, poll_interval=LOCK_POLL)
        except TimeoutError:  # filelock's Timeout
            yield False
            return
        try:
            yield True
        finally:
            self._lock.release()


def file_lock_class() -> type[FileLock]:
    """filelock's lock, imported now: a process that will open an index (a forked composer)
    imports it while it waits, not once the index is there to open."""
    from filelock import FileLock

    return FileLock


def lock_for(path: Path) -> IndexLock:
    """The lock of the index file at `path`."""
    return IndexLock(path)
