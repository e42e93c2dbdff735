"""Analysis on worker processes, for the index's big batches and huge documents.

Module-level functions only: spawned workers import this module to find them. Nothing here
touches the database; briefing.sources.index stores what comes back, in order.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from briefing.errors import CorpusError

if TYPE_CHECKING:  # analysis pulls in syntok: imported only where work is actually done
    from concurrent.futures import Future, ProcessPoolExecutor

    from briefing.sources.analysis import DocAnalysis, Windows
    from briefing.sources.documents import DocFile

WORKER_DIED = (
    "an indexing worker process stopped unexpectedly (killed, out of memory, or a source file "
    "crashed its reader); run the command again (what was indexed is kept), and if it stops "
    "again, move the newest source files out of the folder to find the one"
)
TASK_DOCS = 8  # documents per task sent to a worker
TASKS_AHEAD = 32  # tasks in flight (256 documents, as many as the old batches held): workers
# keep going while the parent blocks in a commit (Tantivy finishing its segments, fsync)
T = TypeVar("T")
R = TypeVar("R")


def pool() -> ProcessPoolExecutor | None:
    """Worker processes for big batches; spawned, not forked, as callers may run threads."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 1, 4)
    if workers < 2:
        return None
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def bounded_map(
    pool: ProcessPoolExecutor, func: Callable[[T], R], items: Iterable[T], ahead: int = 4
) -> Iterator[R]:
    """Like pool.map, in order, but with at most `ahead` items in flight: a huge document's
    chunks are sliced and pickled only as workers become free. The first `ahead` are
    submitted at once, so the workers start while the caller still has other work to do."""
    remaining = iter(items)
    pending: deque[Future[R]] = deque(pool.submit(func, item) for item in islice(remaining, ahead))
    return _in_order(pool, func, remaining, pending)


def _in_order(
    pool: ProcessPoolExecutor, func: Callable[[T], R], remaining: Iterator[T], pending: deque
) -> Iterator[R]:
    """bounded_map's results; each result taken is replaced in flight before it is handed on,
    so the workers keep going while the caller stores it."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        while pending:
            done = pending.popleft()
            for item in islice(remaining, 1):
                pending.append(pool.submit(func, item))
            yield done.result()
    except BrokenProcessPool:  # a worker was killed (out of memory?) or crashed in a reader
        raise CorpusError(WORKER_DIED) from None


Analysed = tuple[str, "DocAnalysis", "Windows"] | str  # (text, doc, windows), or why not


def analyse_job(job: tuple[DocFile, str]) -> Analysed:
    """Read and analyse one document as it is now (its hash is taken again, so a file edited
    since it was listed is indexed consistently as its new text); or say why it cannot be."""
    from briefing.sources.analysis import analyse
    from briefing.sources.canonical import Unreadable, merged_meta, read_canonical
    from briefing.sources.documents import cannot_read

    file, _ = job
    try:
        canonical = read_canonical(file.path)
    except Unreadable as why:
        return str(why)
    except OSError as exc:
        return cannot_read(exc)
    doc, found = analyse(file.name, canonical.sha, canonical.text, file.keep)
    doc.meta = merged_meta(doc.meta, canonical)
    doc.lexicon = frozenset()  # used up: the parent stores the rest, and need not unpickle it
    return canonical.text, doc, found


def analyse_jobs(jobs: list[tuple[DocFile, str]]) -> list[Analysed]:
    """Several documents in one task: fewer round trips to a worker."""
    return [analyse_job(job) for job in jobs]


def windows_unit(unit: tuple[str, int, list[tuple[int, int, int]], frozenset[str]]) -> Windows:
    from briefing.sources.analysis import windows_in

    return windows_in(*unit)


def analyse_small(
    jobs: list[tuple[DocFile, str]], pool: ProcessPoolExecutor | None
) -> Iterator[tuple[DocFile, Analysed]]:
    """Analyse whole documents, on the pool when there is one, a few per task and a bounded
    number of tasks ahead, so a huge corpus never sits in memory at once and no worker waits
    for the parent to finish storing a batch before it gets more. With a pool, the first
    tasks are under way when this returns."""
    if pool is None:
        return ((job[0], analyse_job(job)) for job in jobs)
    tasks = [jobs[i : i + TASK_DOCS] for i in range(0, len(jobs), TASK_DOCS)]
    return _per_document(tasks, bounded_map(pool, analyse_jobs, tasks, ahead=TASKS_AHEAD))


def _per_document(
    tasks: list[list[tuple[DocFile, str]]], done: Iterator[list[Analysed]]
) -> Iterator[tuple[DocFile, Analysed]]:
    for task, results in zip(tasks, done, strict=True):
        for job, result in zip(task, results, strict=True):
            yield job[0], result
