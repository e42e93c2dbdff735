"""Live reload: saving the outline, a theme or a source recomposes the deck on the same slide;
a broken save shows the problem and keeps presenting the last good deck."""

from __future__ import annotations

import re
import time

from briefing.compose import cache as deck_cache
from briefing.tui.present.reload import DeckReloaded
from briefing.tui.slide_view import SlideView
from tests.tui.conftest import SIZE, make_app

PROBLEM = re.compile(r"^.+\.yaml:\d+:\d+: .+", re.MULTILINE)


def shown_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.slides.query_one(SlideView).shown)


def notifications(app) -> list:
    return list(app._notifications)


async def settle(app, pilot) -> None:
    """Let a reload's worker thread finish and its message be handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


async def test_saving_the_outline_updates_the_slide_in_place(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        await pilot.press("3", "enter")
        old = app.deck
        edit(outline, "title: Balancing China", "title: Balancing China, carefully")
        assert app.poll_files()
        await settle(app, pilot)
        assert app.deck is not old
        assert app.page == 3
        assert "Balancing China, carefully" in shown_text(app)
        assert app.reloads == 1 and not app.stale
        assert not app.poll_files()  # nothing changed since: no second reload
        await settle(app, pilot)
        assert app.reloads == 1


async def test_the_slide_index_is_clamped_when_slides_go_away(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        await pilot.press("end")
        assert app.page == 7
        text = outline.read_text(encoding="utf-8")
        outline.write_text(text[: text.index("  - title: Human rights")], encoding="utf-8")
        app.poll_files()
        await settle(app, pilot)
        assert len(app.deck.slides) == 4
        assert app.page == 4
        assert "Semiconductors and supply chains" in shown_text(app)


async def test_a_broken_outline_keeps_the_last_good_deck_and_says_where(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        await pilot.press("3", "enter")
        good = app.deck
        before = shown_text(app)
        edit(outline, "    theme: china-balancing", "    theme: china-balancingg")
        app.poll_files()
        await settle(app, pilot)
        assert app.deck is good and app.page == 3
        assert shown_text(app) == before  # never blank, never changed
        assert app.stale and app.slides.query_one("#stale").display
        [note] = [n for n in notifications(app) if n.severity == "error"]
        assert "last good deck" in note.title
        assert PROBLEM.search(note.message)
        assert "unknown theme 'china-balancingg'" in note.message
        edit(outline, "china-balancingg", "china-balancing")  # fixed: back to normal
        app.poll_files()
        await settle(app, pilot)
        assert app.deck is not good and not app.stale
        assert not app.slides.query_one("#stale").display
        assert not [n for n in notifications(app) if n.severity == "error"]  # toast gone too


async def test_yaml_that_does_not_parse_is_reported_too(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        good = app.deck
        outline.write_text("title: [unclosed\nslides: {", encoding="utf-8")
        app.poll_files()
        await settle(app, pilot)
        assert app.deck is good
        [note] = [n for n in notifications(app) if n.severity == "error"]
        assert PROBLEM.search(note.message)


async def test_the_watcher_polls_on_its_own(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline, watch=True, poll_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        # The watcher is made in a thread after the first paint; on a busy machine an edit
        # made before it exists would be the state it starts from, and never seen as a change.
        deadline = time.monotonic() + 10
        while not app.watching and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert app.watching
        edit(outline, "title: Outlook", "title: Outlook and indicators")
        deadline = time.monotonic() + 10
        while app.reloads == 0 and time.monotonic() < deadline:
            await pilot.pause(0.1)
        await pilot.press("end")
        assert "Outlook and indicators" in shown_text(app)


async def test_an_outline_saved_before_the_watcher_starts_is_reloaded(project):
    # The watcher is made in a thread after the first paint; a save between the deck's load
    # and then must still reach the screen (it used to be the state the watcher started from).
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        edit(outline, "title: Outlook", "title: Outlook and indicators")
        app.use_watcher(app.make_watcher())
        assert app.poll_files()
        await settle(app, pilot)
        await pilot.press("end")
        assert "Outlook and indicators" in shown_text(app)


async def test_editing_a_theme_recomposes(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        await pilot.press("4", "enter")
        edit(
            project / "themes" / "semiconductors.yaml",
            "title: Semiconductors and supply chains",
            "title: Chips",
        )
        app.poll_files()
        await settle(app, pilot)
        assert app.deck.slides[3].theme_title == "Chips"
        assert "on Chips" in shown_text(app)


async def test_a_new_source_file_triggers_a_reload(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        (project / "seeds" / "999_new.txt").write_text(
            "A new source about semiconductor supply chains in Vietnam.\n", encoding="utf-8"
        )
        app.poll_files()
        await settle(app, pilot)
        assert app.reloads == 1


async def test_an_unexpected_error_while_composing_is_caught(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)

    def explode(path):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(deck_cache, "compose_cached", explode)
    async with app.run_test(size=SIZE) as pilot:
        good = app.deck
        app.reload()
        await settle(app, pilot)
        assert app.deck is good
        [note] = [n for n in notifications(app) if n.severity == "error"]
        assert "unexpected RuntimeError: disk on fire" in note.message
        await pilot.press("right")  # still presenting
        assert app.page == 1


async def test_an_unexpected_error_while_showing_the_new_deck_restores_the_old(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        good = app.deck
        real_show = app.slides.show_page

        def fussy(deck, page):
            if deck is not good:
                raise ValueError("cannot lay this out")
            real_show(deck, page)

        app.slides.show_page = fussy
        app.reload()
        await settle(app, pilot)
        assert app.deck is good
        assert any("cannot lay this out" in n.message for n in notifications(app))
        assert app.deck.title in shown_text(app)


async def test_a_late_answer_from_an_older_reload_is_ignored(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        good = app.deck
        app.reload()
        app.reload()
        await settle(app, pilot)
        newest = app.deck
        assert newest is not good and app.reloads == 1  # only the second answer counted
        app.post_message(DeckReloaded(good, project / "seeds", project / "themes", 1))
        await pilot.pause()
        assert app.deck is newest


async def test_a_new_source_whose_reader_crashes_leaves_the_presentation_running(
    project, monkeypatch, tmp_path
):
    """A saved page dropped into the folder mid-briefing, whose reader dies (as a reader in C
    does on a hostile file): it is read in a worker process, so the worker dies, not the live
    presentation; the deck is recomposed without it, and the warning names it."""
    from tests.bad_input.faults import inject

    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        inject(monkeypatch, tmp_path / "hooks", "reader-crash")  # in the worker it starts
        (project / "seeds" / "crash-page.html").write_text(
            "<html><body><article><p>Semiconductor plants opened near Hanoi this year, "
            "officials said.</p></article></body></html>",
            encoding="utf-8",
        )
        app.poll_files()
        await settle(app, pilot)
        assert app.reloads == 1 and app.is_running
        said = "\n".join(app.deck.warnings)
        assert "crash-page.html" in said and "stopped the indexing worker" in said
