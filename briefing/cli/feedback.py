"""What the CLI shows on stderr while the core works: a first index of a big corpus can take a
minute, and a silent minute looks like a hang."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from briefing.progress import Progress

SHOW_FROM_BYTES = 4_000_000  # about two seconds of indexing: below that, say nothing
REDRAW_EVERY = 0.1  # seconds between redraws of the live line


class IndexingLine:
    """A progress reporter: on a terminal, one line redrawn in place, then a summary; in a log
    (not a terminal), a line when indexing starts and one when it ends."""

    def __init__(
        self, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.live = bool(isatty and isatty())
        self.clock = clock
        self.started: float | None = None
        self.drawn = float("-inf")

    def __call__(self, p: Progress) -> None:
        if p.total_bytes < SHOW_FROM_BYTES:
            return
        now = self.clock()
        if self.started is None:
            self.started = now
            if not self.live:
                self._write(
                    f"{p.what} {_docs(p.total_docs)} ({_mb(p.total_bytes)}); "
                    "later runs reuse the index\n"
                )
        if p.finished:
            done = f"{p.done_docs:,} of {_docs(p.total_docs)} ({_mb(p.total_bytes)})"
            clear = "\r\x1b[2K" if self.live else ""
            self._write(f"{clear}indexed {done} in {now - self.started:.0f} s\n")
            self.started, self.drawn = None, float("-inf")
        elif self.live and now - self.drawn >= REDRAW_EVERY:
            share = 100 * p.done_bytes // max(1, p.total_bytes)
            self._write(f"\r\x1b[2K{p.what}: {p.done_docs:,}/{_docs(p.total_docs)}, {share}%")
            self.drawn = now

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()


def _docs(n: int) -> str:
    return f"{n:,} source{'s' if n != 1 else ''}"


def _mb(nbytes: int) -> str:
    return f"{nbytes / 1e6:.1f} MB"
