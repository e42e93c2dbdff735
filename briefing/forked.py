"""Run one piece of a command in a forked process while the command does another meanwhile.

`build` composes (or reads the cached deck) in a child while it imports python-pptx and opens
the template itself, and a recompose after an outline edit lists the sources folder in one
while it validates the outline (`compose/cache_proof.py`): on two cores the two take the time
of the longer, not of both. The child
sends back its result, or the error it stopped on as plain data, and what it wrote to stdout
and stderr (a cache notice), which the parent writes out as its own, so messages look the same
as when composing in-process. Anything unexpected in the child is not translated: the caller
does the work again in-process, so it fails there exactly as before (traceback included under
BRIEFING_DEBUG). Only on Linux, as `compose.draft`, and only from a process with one thread (a
thread holding a lock at the fork could stall the child); elsewhere the work runs in-process.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from briefing.errors import BriefingError, portable, raise_portable

T = TypeVar("T")


class _Again(Exception):
    """The child could not report its outcome faithfully: do the work in-process."""


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one): how much
    work done elsewhere, in a fork, a worker or a thread, can overlap with this process's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def single_threaded() -> bool:
    """Whether this process runs one thread, native ones included: Tantivy's file watcher
    (started by every index it opens) once held the index's meta lock file open at a fork,
    and the child, sharing that lock, waited for it forever when it opened the index."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: Python's own threads are all that can be counted
        return threading.active_count() == 1


class Forked(Generic[T]):
    """`work()` running in a forked process; `result()` waits for it."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._pid = 0
        if (
            sys.platform.startswith("linux")
            and not os.environ.get("BRIEFING_DEBUG")
            and single_threaded()
        ):
            for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
                with contextlib.suppress(Exception):
                    stream.flush()
            self._read, write = os.pipe()
            self._pid = os.fork()
            if self._pid == 0:
                os.close(self._read)
                _child(work, write)  # never returns
            os.close(write)

    @property
    def forked(self) -> bool:
        """Whether `work()` runs in another process (else `result()` runs it here)."""
        return self._pid != 0

    def result(self) -> T:
        """What `work()` returned, or the error it raised, as if it had run here."""
        if not self._pid:
            return self._work()
        try:
            outcome = self._receive()
        except _Again:
            return self._work()
        kind, payload, out, err = outcome
        sys.stdout.write(out)
        sys.stderr.write(err)
        if kind != "ok":
            raise_portable(kind, payload)
        return payload  # type: ignore[no-any-return]

    def _receive(self) -> tuple[str, object, str, str]:
        chunks = []
        try:
            while chunk := os.read(self._read, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(self._read)
            _, status = os.waitpid(self._pid, 0)
            self._pid = -1
        if not chunks or os.waitstatus_to_exitcode(status) != 0:
            raise _Again
        outcome = pickle.loads(b"".join(chunks))  # our own child's bytes: never a user's
        if outcome[0] == "again":
            raise _Again
        return outcome  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the child if it is still working (the command failed before waiting)."""
        if self._pid > 0:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGTERM)
                os.close(self._read)
            with contextlib.suppress(OSError):
                os.waitpid(self._pid, 0)
            self._pid = -1


def _child(work: Callable[[], T], pipe: int) -> None:
    """The forked process: run `work`, send (kind, payload, stdout, stderr), exit at once (no
    atexit handler or buffer of the parent's runs twice)."""
    code = 0
    try:
        out, err = io.StringIO(), io.StringIO()
        sys.stdout, sys.stderr = out, err
        try:
            message: tuple[str, object] = ("ok", work())
        except BriefingError as exc:  # the command shows only its message
            message = portable(exc)
        except Exception:  # noqa: BLE001 - the parent runs it again and fails as before
            message = ("again", None)
        data = pickle.dumps((*message, out.getvalue(), err.getvalue()))
        view = memoryview(data)
        while view:
            view = view[os.write(pipe, view) :]
    except BaseException:  # noqa: BLE001 - interrupted, or the parent has gone: say nothing
        code = 1
    finally:
        os._exit(code)
