"""The slide on any screen, from 80x24 to a 200x60 projector: snapshots, plus the jumps and the
palette that go with presenting to a room."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList

from briefing.tui.present.app import BriefingApp
from briefing.tui.slide_view import SlideView
from tests.tui.conftest import SIZE, SNAPSHOT_OUTLINE, FakeClock, make_app

SIZES = [(80, 24), (120, 40), (200, 60)]
LAST = 7


def presentation() -> BriefingApp:
    return BriefingApp(SNAPSHOT_OUTLINE, clock=FakeClock(), watch=False)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_theme_slide_at(snap_compare, size):
    assert snap_compare(presentation(), press=["2", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_title_slide_at(snap_compare, size):
    assert snap_compare(presentation(), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60), (240, 70)])
async def test_the_slide_is_centred_and_nothing_is_cut(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        view = app.slides.query_one(SlideView)
        body = view.body
        lines = [w for w in view.shown if w.region.height]
        top = min(w.region.y for w in lines)
        bottom = max(w.region.bottom for w in lines)
        left = min(w.region.x for w in lines)
        right = max(w.region.right for w in lines)
        if body.outer_size.height <= view.content_size.height:  # it fits: centred, not at the top
            above, below = top - view.content_region.y, view.content_region.bottom - bottom
            assert abs(above - below) <= 3, (above, below)
        else:  # it does not fit: it scrolls to the end, nothing is cut off
            assert view.max_scroll_y > 0
        gap_left, gap_right = left - view.region.x, view.region.right - right
        assert abs(gap_left - gap_right) <= 4, (gap_left, gap_right)  # in the middle, not a corner
        measure = max(w.region.width for w in lines)
        assert measure <= 120
        if size[0] >= 200:
            assert measure >= 110  # a wide screen gets a wider measure


async def test_a_jump_past_the_last_slide_says_so():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter", "4", "2", "enter")
        assert app.page == 2
        assert any("no slide 42" in n.message for n in app._notifications)


async def test_typing_a_number_in_the_overview_jumps():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "5")
        assert app.screen.query_one(OptionList).highlighted == 5
        await pilot.press("enter")
        assert app.page == 5
        await pilot.press("o", "9")  # past the end: says so, nothing moves
        assert any("no slide 9" in n.message for n in app._notifications)
        await pilot.press("escape")
        assert app.page == 5


async def test_the_palette_offers_only_briefings_commands():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        shown = [str(o.prompt) for o in palette.query_one(OptionList).options]
        assert any("Go to slide" in s for s in shown), shown
        names = [s.splitlines()[0] for s in shown]
        for textual_own in ("Theme", "Screenshot", "Maximize", "Quit"):
            assert textual_own not in names, names
        assert names.count("Keys") == 1  # ours (every key, as `?`), not Textual's as well
