"""Screenshots of the presentation at 100x30, compared with the accepted SVGs under
__snapshots__/. The deck is tests/tui/data/outlines/snapshot.yaml (its own sources, themes and
pinned excerpts) and the clock is frozen, so the pictures only change when the look does.
Accept a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`."""

from __future__ import annotations

from briefing.tui.present.app import BriefingApp
from tests.tui.conftest import SIZE, SNAPSHOT_OUTLINE, FakeClock


def presentation() -> BriefingApp:
    return BriefingApp(SNAPSHOT_OUTLINE, clock=FakeClock(), watch=False)


def test_title_slide(snap_compare):
    assert snap_compare(presentation(), terminal_size=SIZE)


def test_theme_slide(snap_compare):
    assert snap_compare(presentation(), press=["2", "enter"], terminal_size=SIZE)


def test_overview(snap_compare):
    assert snap_compare(presentation(), press=["2", "enter", "o"], terminal_size=SIZE)


def test_notes(snap_compare):
    assert snap_compare(presentation(), press=["2", "enter", "n"], terminal_size=SIZE)


def test_source_view(snap_compare):
    assert snap_compare(presentation(), press=["2", "enter", "s"], terminal_size=SIZE)


def test_candidates(snap_compare):
    """The one picture that moves when ranking changes: the list is the ranking, on purpose."""
    assert snap_compare(presentation(), press=["2", "enter", "c"], terminal_size=SIZE)
