"""Prove the sources folder unchanged (its listing's fingerprint) in a forked process, while
this one validates the edited outline: on two cores the two take the time of the longer.

Listing 10,000 files is ~0.1-0.2 s of stat calls, and a recompose after an outline edit needs
both the proof and the outline models (pydantic), so they overlap. The child sends back only
the fingerprint; a child that fails or dies sends nothing, which proves nothing (the caller
then lists and syncs as usual: time, never a result). Forking is done only on Linux and only
from a process with one thread (a thread holding a lock at the fork could stall the child);
elsewhere the listing runs in-process when asked for.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable


class Proof:
    """`fingerprint()` computed in a forked process; `result()` waits for it ("" if none)."""

    def __init__(self, fingerprint: Callable[[], str]) -> None:
        self._work = fingerprint
        self._pid = 0
        self._value: str | None = None
        if not sys.platform.startswith("linux") or threading.active_count() != 1:
            return
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(Exception):
                stream.flush()
        try:
            self._read, write = os.pipe()
            self._pid = os.fork()
        except OSError:
            self._pid = 0
            return
        if self._pid == 0:  # pragma: no cover - the child's coverage is not collected
            _child(fingerprint, self._read, write)
        os.close(write)

    def result(self) -> str:
        """The fingerprint, or "" when the child could not give one."""
        if self._value is None:
            self._value = self._receive() if self._pid else _safely(self._work)
        return self._value

    def _receive(self) -> str:
        chunks = []
        try:
            while chunk := os.read(self._read, 4096):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(self._read)
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
        if os.waitstatus_to_exitcode(status) != 0:
            return ""
        return b"".join(chunks).decode("ascii", "replace")


def _safely(work: Callable[[], str]) -> str:
    try:
        return work()
    except Exception:  # noqa: BLE001 - no proof: the caller lists and syncs as usual
        return ""


def _child(work: Callable[[], str], read: int, pipe: int) -> None:
    """The forked process: send the fingerprint and exit at once (no atexit handler or buffer
    of the parent's runs twice)."""
    code = 0
    try:
        os.close(read)
        view = memoryview(_safely(work).encode("ascii", "replace"))
        while view:
            view = view[os.write(pipe, view) :]
    except BaseException:  # noqa: BLE001 - interrupted, or the parent has gone: say nothing
        code = 1
    finally:
        os._exit(code)
