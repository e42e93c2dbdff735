"""The presentation clock and the ahead/behind reading, kept free of Textual so the arithmetic
can be tested on its own and the clock can be frozen or advanced in tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Clock = Callable[[], float]  # monotonic seconds

ON_TIME = "on time"
AHEAD = "ahead"
BEHIND = "behind"


class PresentationTimer:
    """A stopwatch over an injected clock: start, pause, resume, reset."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._banked = 0.0  # seconds accumulated before the current run
        self._since: float | None = None  # clock reading when the current run began
        self.started = False  # ever started since the last reset: drives the auto-start

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def elapsed(self) -> float:
        """Seconds counted so far, never negative even if a test clock goes backwards."""
        live = self._clock() - self._since if self._since is not None else 0.0
        return max(0.0, self._banked + live)

    def start(self) -> None:
        if self._since is None:
            self._since = self._clock()
            self.started = True

    def pause(self) -> None:
        if self._since is not None:
            self._banked = self.elapsed
            self._since = None

    def toggle(self) -> None:
        """`t`: start when stopped, pause when running."""
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """`T`: back to 00:00 and stopped; the next slide change starts it again."""
        self._banked = 0.0
        self._since = None
        self.started = False


@dataclass(frozen=True)
class Pace:
    """Where the briefer stands against the outline's per-slide minutes."""

    status: str  # ON_TIME, AHEAD or BEHIND
    seconds: float  # how far ahead or behind; 0 when on time
    budget: float  # the whole deck's budget in seconds

    def label(self) -> str:
        if self.status == ON_TIME:
            return "on time"
        return f"{format_duration(self.seconds)} {self.status}"


def pace(minutes: Sequence[float | None], page: int, elapsed: float) -> Pace | None:
    """Compare elapsed time with the budget of the slides up to page `page` (0 = title page,
    which has no budget). On time while inside the current slide's window; behind once past
    its end; ahead while still before its start. None when the outline sets no minutes."""
    if not any(minutes):
        return None
    budgets = [60.0 * (m or 0.0) for m in minutes]
    before = sum(budgets[: max(0, page - 1)])
    end = before + (budgets[page - 1] if page >= 1 else 0.0)
    total = sum(budgets)
    if elapsed > end:
        return Pace(BEHIND, elapsed - end, total)
    if elapsed < before:
        return Pace(AHEAD, before - elapsed, total)
    return Pace(ON_TIME, 0.0, total)


def format_duration(seconds: float) -> str:
    """`mm:ss`, or `h:mm:ss` past the hour; whole seconds, rounded down."""
    whole = int(max(0.0, seconds))
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins:02d}:{secs:02d}"
