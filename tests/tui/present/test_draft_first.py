"""A cold `present` paints the outline's own slides at once and fills in the excerpts when the
deck is composed in the background; if it cannot be composed, the app exits and says why."""

from __future__ import annotations

import shutil

from briefing.compose.draft import draft_deck
from tests.tui.conftest import SIZE, make_app
from tests.tui.present.test_reload import notifications, settle, shown_text


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
