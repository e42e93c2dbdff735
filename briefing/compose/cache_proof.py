"""Prove the sources folder unchanged (its listing's fingerprint) in a forked process, while
this one validates the edited outline: on two cores the two take the time of the longer.

Listing 10,000 files is ~0.1-0.2 s of stat calls, and a recompose after an outline edit needs
both the proof and the outline models (pydantic), so they overlap (`briefing.forked`). A
listing that fails proves nothing ("": the caller then lists and syncs as usual: time, never a
result); a child that dies leaves the listing to this process.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.forked import Forked


class Proof:
    """`fingerprint()` computed in a forked process; `result()` waits for it ("" if none)."""

    def __init__(self, fingerprint: Callable[[], str]) -> None:
        self._forked = Forked(lambda: _safely(fingerprint))
        self._value: str | None = None

    def result(self) -> str:
        """The fingerprint, or "" when it could not be computed (asked again: the same)."""
        if self._value is None:
            self._value = self._forked.result()
        return self._value


def _safely(work: Callable[[], str]) -> str:
    try:
        return work()
    except Exception:  # noqa: BLE001 - no proof: the caller lists and syncs as usual
        return ""
