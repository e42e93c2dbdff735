"""Every slide key, driven through Textual's Pilot, checked against what is on screen."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from briefing.tui.picture import Picture
from briefing.tui.present.keys import APP_KEYS, SLIDE_KEYS
from briefing.tui.present.screens.slides import SlideScreen
from briefing.tui.present.widgets.status import StatusBar
from briefing.tui.slide_view import Page, SlideView, quotation
from tests.tui.conftest import SIZE, make_app

LAST = 7  # slides in outlines/us-vietnam.yaml


def shown_text(app) -> str:
    """Everything the slide area shows, as plain text."""
    return "\n".join(str(w.render()) for w in app.slides.query_one(SlideView).shown)


def position(app) -> str:
    return str(app.screen.query_one(StatusBar).query_one("#position", Static).render()).strip()


@pytest.mark.parametrize("key", ["right", "space", "l", "pagedown"])
async def test_next_keys(key):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert app.page == 1
        assert "Bottom line up front" in shown_text(app)
        assert position(app) == "1/7"
        await pilot.press(key)
        assert app.page == 2


@pytest.mark.parametrize("key", ["left", "h", "pageup"])
async def test_previous_keys(key):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        await pilot.press(key)
        assert app.page == 2
        assert "Background: a two-level upgrade" in shown_text(app)


@pytest.mark.parametrize(("first", "last"), [("home", "end"), ("g", "G")])
async def test_first_and_last(first, last):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(last)
        assert app.page == LAST
        assert "Outlook" in shown_text(app)
        await pilot.press(first)
        assert app.page == 0
        assert app.deck.title in shown_text(app)
        assert position(app) == "title"


async def test_moving_stops_at_both_ends():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left")
        assert app.page == 0
        await pilot.press("end", "right", "space")
        assert app.page == LAST


async def test_typing_a_number_then_enter_jumps_there():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        jump = app.screen.query_one("#jump", Static)
        assert jump.display and "go to 4" in str(jump.render())
        assert app.page == 0  # nothing happens before Enter
        await pilot.press("enter")
        assert app.page == 4
        assert "Semiconductors and supply chains" in shown_text(app)
        assert not jump.display
        await pilot.press("1", "2", "backspace", "enter")
        assert app.page == 1
        await pilot.press("9", "9", "enter")  # past the end: says so and stays
        assert app.page == 1
        assert "There is no slide 99: the last is 7" in [n.message for n in app._notifications]
        await pilot.press("end", "2", "escape", "enter")  # Esc cancels the number
        assert app.page == LAST
        await pilot.press("0", "enter")
        assert app.page == 0


async def test_excerpt_slide_shows_each_quote_with_its_attribution():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        text = shown_text(app)
        slide = app.deck.slides[2]
        assert len(slide.excerpts) == 4
        for n, excerpt in enumerate(slide.excerpts, 1):
            assert quotation(excerpt) in text
            assert f"\u2014 {excerpt.attribution()}  [{n}]" in text


async def test_a_slide_may_have_bullets_and_excerpts():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "enter")
        text = shown_text(app)
        slide = app.deck.slides[5]
        assert slide.bullets and slide.excerpts
        assert slide.bullets[0] in text
        assert quotation(slide.excerpts[0]) in text


async def test_title_page_shows_title_subtitle_presenter_date_and_marking():
    app = make_app()
    async with app.run_test(size=SIZE):
        text = shown_text(app)
        for part in (
            "The US-Vietnam Comprehensive Strategic Partnership",
            "What the September 2023 upgrade means",
            "Asia-Pacific Desk \u00b7 20 November 2023",
            "UNCLASSIFIED // FOR TRAINING",
        ):
            assert part in text
        marking = app.screen.query_one("#marking", Static)
        assert "UNCLASSIFIED // FOR TRAINING" in str(marking.render())


async def test_long_slide_scrolls_at_80x24_instead_of_being_cut():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")
        view = app.screen.query_one(SlideView)
        assert view.max_scroll_y > 0  # more than fits: it must scroll, not clip
        await pilot.press("down", "j")
        assert view.scroll_y > 0
        await pilot.press("end", "home", "3", "enter")
        assert view.scroll_y == 0  # a new slide starts at its top
        for _ in range(20):
            await pilot.press("j")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("k")
        assert view.scroll_y < view.max_scroll_y


async def test_quit_exits_with_status_zero():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0
    assert app.return_value == 0


async def test_clicking_the_progress_line_jumps():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("#progress")
        assert await pilot.click("#progress", offset=(bar.size.width - 1, 0))
        assert app.page == LAST
        assert await pilot.click("#progress", offset=(bar.size.width // 2, 0))
        assert 3 <= app.page <= 4


async def test_theme_key_cycles_dark_light_high_contrast():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "briefing-dark"
        background = app.screen.styles.background
        await pilot.press("C")
        assert app.theme == "briefing-light"
        assert app.screen.styles.background != background
        await pilot.press("C")
        assert app.theme == "briefing-contrast"
        assert app.screen.styles.background.hex == "#000000"
        await pilot.press("C")
        assert app.theme == "briefing-dark"


def test_every_key_in_the_table_has_an_action():
    for key in (*SLIDE_KEYS, *APP_KEYS):
        name = key.action.split("(")[0]
        assert hasattr(make_app.__globals__["BriefingApp"], f"action_{name}"), key


def test_the_slide_screen_binds_every_slide_key():
    bound = {b.key for b in SlideScreen.BINDINGS}
    for key in SLIDE_KEYS:
        assert key.keys in bound


async def test_pages_are_built_once_and_only_the_current_one_is_displayed():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        first = app.slides.view.body
        await pilot.press("right", "left")
        view = app.slides.view
        assert view.body is first  # reused, not rebuilt
        shown = [c for c in view.children if c.display]
        assert len(shown) == 1 and (shown[0] is first or isinstance(shown[0], Picture))
        pages = [c for c in view.children if isinstance(c, Page)]
        assert len(pages) == 4  # title, 1, 2, and 3 built ahead (hidden) once 2 was painted


async def test_first_paint_probe_writes_a_time_and_exits(tmp_path):
    stamp = tmp_path / "painted"
    app = make_app(first_paint=stamp)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
    assert app.return_code == 0
    assert float(stamp.read_text()) > 0


async def test_keys_sent_back_to_back_act_in_order():
    """A clicker or a paste delivers keys faster than any typist: `3 Enter s` must open the
    sources of slide 3, not of the slide before the jump."""
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key, char in (("3", "3"), ("enter", "\r"), ("s", "s")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert app.page == 3
        assert app.screen.heading == "Sources \u00b7 slide 3: Balancing China"


def test_the_theme_option_picks_the_starting_look():
    assert make_app(theme="contrast").theme == "briefing-contrast"
    assert make_app(theme="light").theme == "briefing-light"
    assert make_app().theme == "briefing-dark"


async def test_J_and_K_scroll_the_notes_not_the_slide():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter", "n")
        notes = app.slides.notes
        assert notes.max_scroll_y > 0
        await pilot.press("J", "J")
        assert notes.scroll_y > 0
        assert app.slides.view.scroll_y == 0
        await pilot.press("K", "K")
        assert notes.scroll_y == 0


async def test_a_scroll_pressed_just_before_next_stays_on_its_slide():
    """Down then Right in one go (a clicker, a key repeat on a loaded machine): the scroll
    waits for a refresh, by when the next slide is shown; it must not open scrolled."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(SlideView)
        for page in range(1, len(app.deck.slides)):  # a slide followed by one that scrolls
            app.show(page + 1)
            await pilot.pause()
            if view.max_scroll_y > 0:
                break
        app.show(page)
        await pilot.pause()
        app.action_scroll_down()  # no refresh between these two
        app.action_next()
        for _ in range(5):
            await pilot.pause()
        assert view.max_scroll_y > 0 and view.scroll_y == 0
        app.action_scroll_down()  # a scroll on the slide shown still scrolls it
        for _ in range(500):
            if view.scroll_y > 0:
                break
            await pilot.pause(0.01)
        assert view.scroll_y == 2
