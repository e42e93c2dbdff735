"""A compose's full-text searches started ahead, on worker threads.

Tantivy releases the GIL while it searches, so while this thread judges one theme's
candidates (Python and SQLite) the other core can already search for the next themes. Only
Tantivy runs on the workers: SQLite connections stay on this thread. Each answer is the one
the same call gives here (a search is a pure function of the index and its query), and the
ranking asks for them in its own order, so the deck is the one a serial compose gives.

What it gains is limited by the GIL (tantivy 0.27, 10,000 documents, 2 cores): beside a busy
Python thread a search takes twice its time (it waits for the GIL back after each release) and
a theme's wide union search holds the GIL for most of its own, so the composer's main-thread
CPU halves (0.59 -> 0.32 s) while its wall time gained 0-15%, most when a core was idle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar
from weakref import WeakKeyDictionary

from briefing.sources.fulltext import Match, TextIndex
from briefing.sources.library import Library

if TYPE_CHECKING:  # imported once there is a search to start (a recompose may have none)
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")
MAX_WORKERS = 4  # a compose has a few dozen searches: more threads only contend
Request = tuple[str, Match, int]  # ("top" or "count", the query, k or cap)

_ahead: WeakKeyDictionary[Library, _Ahead] = WeakKeyDictionary()


def workers() -> int:
    """Threads for searching ahead: one per core this process may run on, 0 with one core
    (searching ahead on the core that then waits for it gains nothing)."""
    from briefing.forked import cores  # only once there is a compose to search for

    usable = cores()
    return min(MAX_WORKERS, usable) if usable > 1 else 0


class _Ahead:
    """Searches submitted to a pool; one asked for twice (two keywords with the same
    spellings) is searched once and answered as often as it was planned."""

    def __init__(self, index: TextIndex, pool: ThreadPoolExecutor) -> None:
        self.index, self.pool = index, pool
        self.pending: dict[Request, tuple[Future, int]] = {}

    def submit(self, request: Request) -> None:
        if request in self.pending:
            future, uses = self.pending[request]
            self.pending[request] = (future, uses + 1)
            return
        kind, match, limit = request
        call = self.index.top if kind == "top" else self.index.count
        self.pending[request] = (self.pool.submit(call, match, limit), 1)

    def take(self, request: Request) -> Future | None:
        if request not in self.pending:
            return None
        future, uses = self.pending.pop(request)
        if uses > 1:
            self.pending[request] = (future, uses - 1)
        return future


@contextmanager
def ahead(library: Library, planned: Callable[[], Iterator[Request]]) -> Iterator[None]:
    """Within the block, `top` and `count` over `library` answer from searches started
    ahead on worker threads; `planned` yields them in the order they will be asked for (it
    runs here, between submissions, so the first are searched while it plans the rest).
    Leaving the block cancels what was not asked for and ends the threads."""
    count = workers()
    if count == 0 or library in _ahead:
        yield
        return
    table: _Ahead | None = None
    try:
        for request in planned():
            if table is None:  # the first search to make: only now threads (and their import)
                from concurrent.futures import ThreadPoolExecutor

                pool = ThreadPoolExecutor(count, thread_name_prefix="briefing-search")
                table = _ahead[library] = _Ahead(library.fulltext, pool)
            table.submit(request)
        yield
    finally:
        if table is not None:
            del _ahead[library]
            table.pool.shutdown(wait=True, cancel_futures=True)


def top(library: Library, match: Match, k: int) -> list[tuple[int, float]]:
    """`library.fulltext.top(match, k)`, from a search started ahead when there is one."""
    return list(_answer(library, ("top", match, k), library.fulltext.top))  # a list each


def count(library: Library, match: Match, cap: int) -> int:
    """`library.fulltext.count(match, cap)`, from a count started ahead when there is one."""
    return _answer(library, ("count", match, cap), library.fulltext.count)


def _answer(library: Library, request: Request, call: Callable[[Match, int], T]) -> T:
    table = _ahead.get(library)
    future = table.take(request) if table is not None else None
    if future is None or table is None or table.index is not library.fulltext:
        return call(request[1], request[2])
    return future.result()  # a worker's exception (a damaged index) is raised here
