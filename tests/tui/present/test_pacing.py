"""The stopwatch and the ahead/behind arithmetic, without Textual."""

from __future__ import annotations

from briefing.tui.present.pacing import (
    AHEAD,
    BEHIND,
    ON_TIME,
    PresentationTimer,
    format_duration,
    pace,
)
from tests.tui.conftest import FakeClock


def test_timer_counts_only_while_running_and_resets():
    clock = FakeClock()
    timer = PresentationTimer(clock)
    clock.advance(5)
    assert timer.elapsed == 0 and not timer.running and not timer.started
    timer.toggle()
    clock.advance(30)
    assert timer.elapsed == 30 and timer.running
    timer.toggle()  # pause
    clock.advance(100)
    assert timer.elapsed == 30 and not timer.running and timer.started
    timer.start()
    clock.advance(15)
    assert timer.elapsed == 45
    timer.reset()
    assert timer.elapsed == 0 and not timer.running and not timer.started


def test_timer_never_goes_negative_with_a_clock_that_steps_back():
    clock = FakeClock()
    timer = PresentationTimer(clock)
    timer.start()
    clock.advance(-10)
    assert timer.elapsed == 0


def test_pace_is_on_time_inside_the_slide_window_and_says_by_how_much_otherwise():
    minutes = [2, 3, None, 1]  # slide windows: 0-120, 120-300, 300-300, 300-360
    assert pace(minutes, 1, 60).status == ON_TIME
    behind = pace(minutes, 1, 150)
    assert (behind.status, behind.seconds) == (BEHIND, 30)
    ahead = pace(minutes, 2, 100)
    assert (ahead.status, ahead.seconds) == (AHEAD, 20)
    assert pace(minutes, 4, 330).status == ON_TIME
    assert pace(minutes, 4, 330).budget == 360
    assert pace(minutes, 0, 0).status == ON_TIME  # the title page has no budget
    assert pace(minutes, 0, 5).status == BEHIND
    assert pace([None, None], 1, 500) is None  # no minutes anywhere: no indicator


def test_pace_label_and_durations():
    assert pace([1], 1, 90).label() == "00:30 behind"
    assert pace([1, 1], 2, 0).label() == "01:00 ahead"
    assert pace([1], 1, 10).label() == "on time"
    assert format_duration(0) == "00:00"
    assert format_duration(59.9) == "00:59"
    assert format_duration(3600 + 61) == "1:01:01"
