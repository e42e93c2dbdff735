"""A live presentation is never lost by a keystroke: keys typed in an overlay act in it, and
`q` asks first while the timer runs."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from briefing.tui.present.screens.confirm import ConfirmQuit
from briefing.tui.present.screens.search import SearchScreen
from briefing.tui.present.screens.slides import SlideScreen
from tests.tui.conftest import SIZE, make_app


async def test_typing_q_after_a_search_types_into_the_query_box():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"semiconductor", "enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.hits
        assert screen.focused is not screen.query_one(Input)  # Enter moved to the hits
        await pilot.press("space", *"quota", "q", "question_mark", "C")
        assert app.return_code is None and app.screen is screen
        box = screen.query_one(Input)
        assert box.value == "semiconductor quotaq?C"
        assert screen.focused is box
        assert app.theme == "briefing-dark"


@pytest.mark.parametrize("opener", ["o", "s", "question_mark"])
async def test_C_in_an_overlay_does_not_change_the_room_s_colours(opener: str):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter", opener, "C")
        await pilot.pause()
        assert app.theme == "briefing-dark"
        await pilot.press("escape", "C")  # back on the slides, C does change them
        await pilot.pause()
        assert app.theme != "briefing-dark"


@pytest.mark.parametrize("opener", ["o", "s", "question_mark", "slash"])
async def test_q_in_an_overlay_never_ends_the_briefing(opener: str):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter", opener)
        overlay = app.screen
        assert overlay is not app.slides
        await pilot.press("q", "ctrl+q")
        await pilot.pause()
        assert app.return_code is None
        assert app.screen is overlay


async def test_q_while_the_timer_runs_asks_and_esc_keeps_presenting():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        assert app.timer.running
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("right", "o", "n")  # ignored, except n: keep presenting
        assert isinstance(app.screen, SlideScreen)
        assert app.page == 1 and app.return_code is None
        await pilot.press("q", "escape")
        assert isinstance(app.screen, SlideScreen) and app.return_code is None
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)
        assert len([s for s in app.screen_stack if isinstance(s, ConfirmQuit)]) == 1
        await pilot.press("escape")


@pytest.mark.parametrize("confirm", ["q", "y", "enter"])
async def test_q_then_confirm_ends_the_briefing(confirm: str):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "q", confirm)
        await pilot.pause()
    assert app.return_code == 0


async def test_q_with_the_timer_stopped_quits_at_once():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "t")
        assert not app.timer.running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
