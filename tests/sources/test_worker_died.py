"""A worker process that dies (killed, out of memory, a reader's crash) ends the run with one
clear line, not a traceback or an "internal error"."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from briefing.errors import CorpusError
from briefing.sources import workers


def dies_on_two(item: int) -> int:
    """Run in a spawned worker: the process exits at once, as the kernel's OOM killer does."""
    if item == 2:
        os._exit(9)
    return item


def test_a_dead_worker_is_one_clear_error() -> None:
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"))  # as pool()
    try:
        with pytest.raises(CorpusError) as caught:
            list(workers.bounded_map(pool, dies_on_two, range(6)))
    finally:
        pool.shutdown(cancel_futures=True)
    assert "worker process stopped unexpectedly" in str(caught.value)
    assert "run the command again" in str(caught.value)
