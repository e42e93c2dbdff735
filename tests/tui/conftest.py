"""Helpers for the presentation tests: a clock the test moves by hand, and apps built straight
from an outline path with file watching off unless a test asks for it."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from briefing.tui.present.app import BriefingApp

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "outlines" / "us-vietnam.yaml"
DATA = Path(__file__).resolve().parent / "data"
SNAPSHOT_OUTLINE = DATA / "outlines" / "snapshot.yaml"
SIZE = (100, 30)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (the project has no asyncio plugin)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_app(outline: Path = EXAMPLE, clock: FakeClock | None = None, **options) -> BriefingApp:
    options.setdefault("watch", False)
    return BriefingApp(outline, clock=clock or FakeClock(), **options)
