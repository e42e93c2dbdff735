"""Analysis on worker processes, for the index's big batches and huge documents.

Module-level functions only: spawned workers import this module to find them. Nothing here
touches the database; briefing.sources.index stores what comes back, in order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from briefing.sources.canonical import Canonical, is_extracted
from briefing.sources.worker_pool import Workers, bounded_map

if TYPE_CHECKING:  # analysis pulls in syntok: imported only where work is actually done
    from pathlib import Path

    from briefing.sources.analysis import DocAnalysis, Windows
    from briefing.sources.documents import DocFile
    from briefing.sources.formats import Extracted

TASK_DOCS = 8  # documents per task sent to a worker
TASKS_AHEAD = 32  # tasks in flight (256 documents, as many as the old batches held): workers
# keep going while the parent blocks in a commit (Tantivy finishing its segments, fsync)
WORKER_STOPPED = (
    "reading it stopped the indexing worker (out of memory, or its reader crashed); left out "
    "until the file changes"
)
OUT_OF_MEMORY = "too large to read within the indexing worker's memory; left out until it changes"
READER_STOPPED = (  # the same, for a command that reads one file the user named
    "its reader stopped on this file (it crashed, or ran out of memory): the file may be "
    "damaged; open it and save it again, or leave it out of the sources"
)

# (text, doc, windows); or why not; or an extracted text too long to analyse whole, which the
# caller analyses in chunks on every worker (`rows.store_big`)
Analysed = tuple[str, "DocAnalysis", "Windows"] | str | Canonical


def analyse_job(job: tuple[DocFile, str]) -> Analysed:
    """Read and analyse one document as it is now (its hash is taken again, so a file edited
    since it was listed is indexed consistently as its new text); or say why it cannot be.
    A PDF, Word file or web page whose text is longer than a chunk (`CHUNK_CHARS`) comes back
    read but not analysed: one worker would analyse it alone while the others wait."""
    from briefing.sources.analysis import CHUNK_CHARS, analyse
    from briefing.sources.canonical import Unreadable, merged_meta, read_canonical
    from briefing.sources.documents import cannot_read

    file, _ = job
    try:
        canonical = read_canonical(file.path)
        if len(canonical.text) > CHUNK_CHARS and is_extracted(file.name):
            return canonical
        doc, found = analyse(file.name, canonical.sha, canonical.text, file.keep)
    except Unreadable as why:
        return str(why)
    except OSError as exc:
        return cannot_read(exc)
    except MemoryError:  # a worker's memory is capped (`worker_pool.cap_memory`)
        return OUT_OF_MEMORY
    doc.meta = merged_meta(doc.meta, canonical)
    doc.lexicon = frozenset()  # used up: the parent stores the rest, and need not unpickle it
    return canonical.text, doc, found


def extract_alone(path: Path) -> Extracted:
    """`formats.extract(path)` in a worker process of its own, for a command that reads one
    file the user named (`briefing text`): a reader in C that crashes, or allocates without
    end, on a hostile file takes that worker down, not the command. Raises ExtractError."""
    from briefing.sources.formats import ExtractError, extract

    pool = Workers(1)
    try:
        found = pool.alone(extract, path, lost=None)
    except MemoryError:  # raised in the worker (its memory is capped), raised again here
        raise ExtractError(f"{path.name}: {READER_STOPPED}") from None
    finally:
        pool.shutdown(cancel_futures=True)
    if found is None:
        raise ExtractError(f"{path.name}: {READER_STOPPED}")
    return found


def analyse_jobs(jobs: list[tuple[DocFile, str]]) -> list[Analysed]:
    """Several documents in one task: fewer round trips to a worker."""
    return [analyse_job(job) for job in jobs]


def windows_unit(unit: tuple[str, int, list[tuple[int, int, int]], frozenset[str]]) -> Windows:
    from briefing.sources.analysis import windows_in

    return windows_in(*unit)


def analyse_small(
    jobs: list[tuple[DocFile, str]], pool: Workers | None
) -> Iterator[tuple[DocFile, Analysed]]:
    """Analyse whole documents, on the pool when there is one, a few per task and a bounded
    number of tasks ahead, so a huge corpus never sits in memory at once and no worker waits
    for the parent to finish storing a batch before it gets more. With a pool, the first
    tasks are under way when this returns."""
    if pool is None:
        return ((job[0], analyse_job(job)) for job in jobs)
    tasks = [jobs[i : i + TASK_DOCS] for i in range(0, len(jobs), TASK_DOCS)]
    found = bounded_map(pool, analyse_jobs, tasks, ahead=TASKS_AHEAD, alone=_task_alone)
    return _per_document(tasks, found)


def _task_alone(pool: Workers, task: list[tuple[DocFile, str]]) -> list[Analysed]:
    """A task that was in flight when a worker died, run again by itself; should it take a
    worker down again, its documents one at a time, and the one that does is left out."""
    found = pool.alone(analyse_jobs, task, lost=None)
    if found is not None:
        return found
    return [pool.alone(analyse_job, job, lost=WORKER_STOPPED) for job in task]


def _per_document(
    tasks: list[list[tuple[DocFile, str]]], done: Iterator[list[Analysed]]
) -> Iterator[tuple[DocFile, Analysed]]:
    for task, results in zip(tasks, done, strict=True):
        for job, result in zip(task, results, strict=True):
            yield job[0], result
