"""Progress of the one long thing the core does, indexing new or changed sources, for whatever
front end wants to show it. Pure: the core reports, a front end installs a reporter (the CLI
draws a line on stderr); with none installed, reporting costs nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class Progress:
    """How far a job has got. `done_bytes` is approximate inside a huge document."""

    what: str
    total_docs: int
    total_bytes: int
    done_docs: int = 0
    done_bytes: int = 0
    finished: bool = False


Reporter = Callable[[Progress], None]
_reporter: Reporter | None = None


@contextmanager
def reporting(reporter: Reporter | None) -> Iterator[None]:
    """Send every job's progress to `reporter` while the block runs; None sends it nowhere
    (a full-screen UI owns the terminal, and a line written under it would garble it)."""
    global _reporter
    previous, _reporter = _reporter, reporter
    try:
        yield
    finally:
        _reporter = previous


class Tracker:
    """One job's progress, passed to the installed reporter as it advances."""

    def __init__(self, what: str, docs: int, nbytes: int) -> None:
        self.state = Progress(what, docs, nbytes)
        self._report(self.state)

    def advance(self, *, docs: int = 0, nbytes: int = 0) -> None:
        self.state.done_docs += docs
        self.state.done_bytes = min(self.state.total_bytes, self.state.done_bytes + nbytes)
        self._report(self.state)

    def finish(self) -> None:
        self.state.finished = True
        self._report(self.state)

    @staticmethod
    def _report(state: Progress) -> None:
        if _reporter is not None:
            _reporter(state)
