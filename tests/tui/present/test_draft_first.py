"""A cold `present` paints the outline's own slides at once and fills in the excerpts when the
deck is composed in the background; if it cannot be composed, the app exits and says why."""

from __future__ import annotations

import os
import shutil
import sys
import time

import pytest

from bench.bench_present import run_in_pty
from briefing.compose.cache import compose_cached, load
from briefing.compose.draft import Drafting, draft_deck
from briefing.errors import ValidationError
from briefing.tui.present.app import BriefingApp
from briefing.tui.slide_view import SlideView
from tests.tui.conftest import SIZE, make_app
from tests.tui.present.test_reload import edit, notifications, settle, shown_text


async def test_the_draft_is_shown_then_replaced_by_the_composed_deck(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline, deck=draft_deck(outline), pending=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")  # a theme slide, moved to before composing finishes
        await settle(app, pilot)
        assert not app.pending and app.page == 3
        slide = app.deck.slides[2]
        assert slide.excerpts and not slide.pending
        assert slide.excerpts[0].text.split()[0] in shown_text(app)
        assert "composing excerpts" not in shown_text(app)
        assert not notifications(app)  # the first composition is not announced as a reload
        assert app.return_code is None


async def test_a_pending_theme_slide_says_it_is_composing(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline, deck=draft_deck(outline), pending=False)  # never composes
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        assert "composing excerpts on Balancing China" in shown_text(app)


async def test_a_deck_that_cannot_be_composed_exits_with_the_reason(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    draft = draft_deck(outline)
    for document in (project / "seeds").iterdir():  # no readable source left
        if document.name == "sources.yaml":
            continue
        if document.is_file():
            document.write_bytes(b"\xff\xfe\x00binary\x00")
        else:
            shutil.rmtree(document)
    app = make_app(outline, deck=draft, pending=True)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(600):  # until the worker's answer has closed the app
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 1
    assert app.fatal and "no readable source documents" in app.fatal[0]


async def test_the_forked_draft_is_shown_then_its_composed_deck(project):
    """`present` on a cold cache: the draft and the deck both come from another process."""
    outline = project / "outlines" / "us-vietnam.yaml"
    drafting = Drafting(outline)
    app = make_app(outline, deck=drafting.draft(), pending=True, drafting=drafting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        await settle(app, pilot)
        assert not app.pending and app.deck.slides[2].excerpts
        assert "composing excerpts" not in shown_text(app)
        assert app.deck == compose_cached(outline)  # what composing here would have given


async def test_composing_starts_only_after_the_first_frame(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    seen: list[bool] = []

    class Probe(BriefingApp):
        painted = False

        def on_slide_view_shown(self, message: SlideView.Shown) -> None:
            self.painted = True
            super().on_slide_view_shown(message)

        def reload(self) -> None:
            seen.append(self.painted)
            super().reload()

    app = Probe(outline, deck=draft_deck(outline), pending=True, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
    assert seen == [True]


def test_the_forked_process_waits_to_compose_and_says_why_a_draft_failed(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    good = Drafting(outline)
    assert good.draft() == draft_deck(outline)
    time.sleep(0.5)
    assert load(outline, sync=False) is None  # nothing composed until asked
    good.stop()
    assert not good._process.is_alive()

    edit(outline, "theme: semiconductors", "theme: chipz")
    with pytest.raises(ValidationError) as caught:
        Drafting(outline).draft()
    with pytest.raises(ValidationError) as here:
        draft_deck(outline)
    assert caught.value.problems == here.value.problems  # the same located lines, not a repr


def test_a_broken_outline_in_a_terminal_exits_1_before_drawing(project, tmp_path):
    """With a terminal, Textual is imported while the outline is checked in another process;
    a problem still ends the run before anything is drawn."""
    outline = project / "outlines" / "us-vietnam.yaml"
    edit(outline, "theme: semiconductors", "theme: chipz")
    env = {**os.environ, "TERM": "xterm-256color", "BRIEFING_CACHE_DIR": str(tmp_path / "c")}
    code, _, output = run_in_pty([sys.executable, "-m", "briefing", "present", str(outline)], env)
    assert code == 1
    assert b"unknown theme 'chipz'" in output
    assert b"\x1b[?1049h" not in output  # the alternate screen was never entered
