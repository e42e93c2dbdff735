"""The index's inter-process lock: exclusive between runs, reentrant, and quick to notice."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.sources import index_lock

CHILD = """
import sys
from pathlib import Path
from briefing.sources.index_lock import lock_for
with lock_for(Path(sys.argv[1])):
    Path(sys.argv[2]).write_text("in", encoding="utf-8")
"""


def test_another_run_waits_until_the_lock_is_released(tmp_path: Path) -> None:
    index, marker = tmp_path / "index.sqlite", tmp_path / "marker"
    with index_lock.lock_for(index):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(index), str(marker)])
        time.sleep(0.5)  # time enough to start and try; it must still be waiting
        assert not marker.exists()
    assert child.wait(timeout=60) == 0
    assert marker.read_text(encoding="utf-8") == "in"


def test_the_lock_is_reentrant_within_a_run(tmp_path: Path) -> None:
    lock = index_lock.lock_for(tmp_path / "index.sqlite")
    with lock, lock:  # the index holds it while syncing, and again while opening a part
        pass


def test_a_waiting_run_tries_every_few_milliseconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # filelock's default (50 ms) kept a build's composer up to 50 ms behind its index.
    asked: list[float] = []
    file_lock = index_lock.file_lock_class()
    acquire = file_lock.acquire

    def recorded(self: object, *args: object, **kwargs: float) -> object:
        asked.append(kwargs.get("poll_interval", 0.05))
        return acquire(self, *args, **kwargs)

    monkeypatch.setattr(file_lock, "acquire", recorded)
    with index_lock.lock_for(tmp_path / "index.sqlite"):
        pass
    assert asked == [index_lock.LOCK_POLL]
    assert index_lock.LOCK_POLL <= 0.01
