"""The index's work queue: the first tasks go to the workers as soon as it is made (a first
index analyses while the parent still checks the files), in order, never more than `ahead`."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

import pytest

from briefing.sources import worker_pool, workers


class Recorder:
    """A pool that runs each task at once and remembers how many were in flight."""

    def __init__(self) -> None:
        self.submitted: list[int] = []
        self.taken = 0

    def submit(self, func: Callable[[int], object], item: int) -> Future:
        self.submitted.append(item)
        done: Future = Future()
        done.set_result(func(item))
        return done

    def in_flight(self) -> int:
        return len(self.submitted) - self.taken


def test_the_first_tasks_are_submitted_before_any_result_is_asked_for() -> None:
    pool = Recorder()
    results = worker_pool.bounded_map(pool, lambda x: x * 10, range(9), ahead=3)  # type: ignore[arg-type]
    assert pool.submitted == [0, 1, 2]
    got = []
    for value in results:
        pool.taken += 1
        assert pool.in_flight() <= 3
        got.append(value)
    assert got == [x * 10 for x in range(9)]
    assert pool.submitted == list(range(9))


def test_each_result_taken_is_replaced_before_it_is_handed_on() -> None:
    pool = Recorder()
    results = worker_pool.bounded_map(pool, lambda x: x, range(5), ahead=2)  # type: ignore[arg-type]
    assert next(results) == 0
    assert pool.submitted == [0, 1, 2]  # the workers keep going while the caller stores


def test_analyse_small_starts_at_once_with_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    pool = Recorder()
    jobs = [(f"file{i}", "") for i in range(3 * workers.TASK_DOCS)]
    monkeypatch.setattr(workers, "analyse_jobs", lambda task: [f"done {n}" for n, _ in task])
    stream = workers.analyse_small(jobs, pool)  # type: ignore[arg-type]
    assert len(pool.submitted) == 3  # before the stream is read
    assert [r for _f, r in stream] == [f"done {name}" for name, _ in jobs]
