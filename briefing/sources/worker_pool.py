"""The index's worker processes, and the ordered, bounded stream of work they are given.

A worker that dies (the kernel's OOM killer, a reader crashing in C) used to end the whole
run. Now the work goes on: the pool is renewed, the items that were in flight are handed to
the caller's `alone` (which runs them again one at a time, so the one that kills a worker
again is found and left out), and the rest follows on the new pool. Each worker's address
space is capped (`cap_memory`) so that a document whose reader allocates without end fails
by itself, well before the machine runs out of memory for everyone else.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from briefing.errors import CorpusError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

WORKER_DIED = (
    "an indexing worker process stopped unexpectedly (killed, out of memory, or a source file "
    "crashed its reader); run the command again (what was indexed is kept), and if it stops "
    "again, move the newest source files out of the folder to find the one"
)
MEMORY_SHARE = 2  # a worker may reserve up to 1/MEMORY_SHARE of the machine's memory
MIN_MEMORY = 2 << 30  # and never less than 2 GiB (its libraries alone map a few hundred MB)
T = TypeVar("T")
R = TypeVar("R")
Alone = Callable[["Workers", Any], Any]  # runs one item again, by itself, on renewed workers


class Workers:
    """Spawned worker processes (not forked: callers may run threads), each started when a
    task is submitted and none is idle, up to `size`; `renew` replaces them all after one died."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._executor = self._started()

    def _started(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        captured = _stderr_captured()
        if captured:
            _start_resource_tracker()
        spawn = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            self._size, mp_context=spawn, initializer=_worker_started, initargs=(captured,)
        )

    def submit(self, func: Callable[[T], R], item: T) -> Future[R]:
        return self._executor.submit(func, item)

    def alone(self, func: Callable[[T], R], item: T, lost: R) -> R:
        """`func(item)` run by itself; `lost` if it takes its worker down (the workers are
        renewed for what follows)."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._executor.submit(func, item).result()
        except BrokenProcessPool:
            self.renew()
            return lost

    def renew(self) -> None:
        """New workers in place of a pool one of whose workers died (which breaks them all)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._started()

    def shutdown(self, *, cancel_futures: bool = False) -> None:
        self._executor.shutdown(cancel_futures=cancel_futures)


def pool() -> Workers | None:
    """Worker processes for big batches, one a core this process may run on (at most 4); None
    on one core."""
    from briefing.forked import cores  # here: the index's modules are imported on every sync

    size = min(cores(), 4)
    return Workers(size) if size >= 2 else None


def _stderr_captured() -> bool:
    """Whether sys.stderr is a capture with no descriptor of its own: Textual's, in a live
    presentation (its fileno() is -1)."""
    try:
        return sys.stderr is not None and sys.stderr.fileno() < 0
    except (AttributeError, OSError, ValueError):
        return False


def _start_resource_tracker() -> None:
    """multiprocessing's resource tracker (started with the first pool) is handed sys.stderr's
    descriptor; a capture's -1 made starting it fail ("bad value(s) in fds_to_keep"), so a
    live presentation could not index a new PDF. Started here with the null device instead
    (what it would say, about leaked semaphores, must not reach a terminal Textual draws on)."""
    from multiprocessing import resource_tracker

    saved = sys.stderr
    with open(os.devnull, "w") as quiet:
        sys.stderr = quiet
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _worker_started(quiet: bool) -> None:
    """In a worker, as it starts: its memory capped; and beside a live presentation, its
    output sent to the null device (a reader's warning would be drawn over the slides)."""
    cap_memory()
    if quiet:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)


def cap_memory() -> None:
    """In a worker, as it starts: its address space capped at a share of the machine's memory
    (`MEMORY_SHARE`, at least `MIN_MEMORY`), so a runaway reader meets MemoryError (or dies
    alone) instead of starving the machine. Where the limit cannot be set, nothing changes."""
    try:
        import resource

        limit = max(MIN_MEMORY, os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2)
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError, AttributeError):  # not on this system
        return


def bounded_map(
    pool: Workers,
    func: Callable[[T], R],
    items: Iterable[T],
    ahead: int = 4,
    alone: Alone | None = None,
) -> Iterator[R]:
    """Like pool.map, in order, but with at most `ahead` items in flight: a huge document's
    chunks are sliced and pickled only as workers become free. The first `ahead` are
    submitted at once, so the workers start while the caller still has other work to do.
    Should a worker die, the items in flight are given to `alone` (see the module's note);
    without one, the run ends with WORKER_DIED."""
    remaining = iter(items)
    pending: deque[tuple[T, Future[R]]] = deque(
        (item, pool.submit(func, item)) for item in islice(remaining, ahead)
    )
    return _in_order(pool, func, remaining, pending, ahead, alone)


_END = object()


def _in_order(
    pool: Workers,
    func: Callable[[T], R],
    remaining: Iterator[T],
    pending: deque[tuple[T, Future[R]]],
    ahead: int,
    alone: Alone | None,
) -> Iterator[R]:
    """bounded_map's results; each result taken is replaced in flight before it is handed on,
    so the workers keep going while the caller stores it."""
    from concurrent.futures.process import BrokenProcessPool

    while pending:
        item, done = pending.popleft()
        in_flight: list[tuple[T, Future[R] | None]] | None = None
        try:
            result = done.result()
        except BrokenProcessPool:
            in_flight = [(item, done), *pending]
        else:
            taken = next(remaining, _END)
            if taken is not _END:
                try:
                    pending.append((taken, pool.submit(func, taken)))  # type: ignore[arg-type]
                except BrokenProcessPool:  # another item in flight took a worker down meanwhile
                    in_flight = [*pending, (taken, None)]  # type: ignore[list-item]
            yield result
        if in_flight is not None:
            yield from _after_death(pool, in_flight, alone)
            pending.clear()
            pending.extend((nxt, pool.submit(func, nxt)) for nxt in islice(remaining, ahead))


def _after_death(
    pool: Workers, in_flight: list[tuple[Any, Future[Any] | None]], alone: Alone | None
) -> Iterator[Any]:
    """The results of the items in flight when a worker died, in order: those it finished
    first as they are, the others run again through `alone` on renewed workers."""
    if alone is None:
        raise CorpusError(WORKER_DIED) from None
    pool.renew()
    for item, future in in_flight:
        finished = future is not None and future.done() and not future.cancelled()
        if finished and future.exception() is None:  # type: ignore[union-attr]
            yield future.result()  # type: ignore[union-attr]
        else:
            yield alone(pool, item)
