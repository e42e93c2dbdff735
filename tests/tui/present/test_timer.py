"""The clock in the footer, with a frozen clock that the test moves by hand."""

from __future__ import annotations

from textual.widgets import Static

from tests.tui.conftest import SIZE, make_app


def footer(app, part: str) -> Static:
    return app.screen.query_one(f"#status #{part}", Static)


def clock_text(app) -> str:
    return str(footer(app, "clock").render()).strip()


def pace_text(app) -> str:
    return str(footer(app, "pace").render()).strip()


async def test_timer_waits_on_the_title_page_and_starts_on_the_first_slide(clock):
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(300)  # five minutes of small talk before starting
        app.refresh_time()
        assert clock_text(app) == "00:00 (t starts)"
        await pilot.press("right")
        clock.advance(65)
        app.refresh_time()
        assert clock_text(app) == "01:05"
        assert not footer(app, "clock").has_class("-paused")


async def test_t_pauses_and_resumes_and_T_resets(clock):
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        clock.advance(10)
        await pilot.press("t")  # pause at 10 s
        clock.advance(50)
        app.refresh_time()
        assert clock_text(app) == "00:10 paused"
        assert footer(app, "clock").has_class("-paused")
        await pilot.press("t")
        clock.advance(5)
        app.refresh_time()
        assert clock_text(app) == "00:15"
        await pilot.press("T")
        assert clock_text(app) == "00:00 (t starts)"
        await pilot.press("right")  # a reset timer starts again on the next slide
        clock.advance(3)
        app.refresh_time()
        assert clock_text(app) == "00:03"


async def test_footer_updates_itself_once_a_second(clock):
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        clock.advance(42)
        await pilot.pause(1.3)  # the app's own one-second tick redraws the clock
        assert clock_text(app) == "00:42"


async def test_pace_says_ahead_on_time_and_behind_from_the_slide_minutes(clock):
    # us-vietnam.yaml budgets 2, 2, 3, 3, 2, 3, 2 minutes.
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")  # slide 1 (0:00-2:00), timer starts
        assert pace_text(app) == "on time"
        clock.advance(150)
        app.refresh_time()
        assert pace_text(app) == "\u25bc 00:30 behind"
        assert footer(app, "pace").has_class("-behind")
        await pilot.press("3", "enter")  # slide 3 is planned to start at 4:00
        assert pace_text(app) == "\u25b2 01:30 ahead"
        assert footer(app, "pace").has_class("-ahead")
        clock.advance(120)  # 4:30, inside slide 3's window (4:00-7:00)
        app.refresh_time()
        assert pace_text(app) == "on time"
        assert not footer(app, "pace").has_class("-ahead")


async def test_no_minutes_in_the_outline_means_no_pace(project, clock):
    outline = project / "outlines" / "plain.yaml"
    outline.write_text(
        "title: Plain\nslides:\n  - title: One\n    bullets: [a]\n", encoding="utf-8"
    )
    app = make_app(outline, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        assert not footer(app, "pace").display
