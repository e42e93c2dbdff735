"""Curation from the presentation: `c` lists a theme slide's candidates; pin, exclude, unpin
and un-exclude write the outline through briefing.outline.curate, recompose on the same slide, and
never clobber an edit made on disk meanwhile."""

from __future__ import annotations

import difflib
import time

import yaml

from briefing.tui.present.screens.candidates import CandidatesScreen
from briefing.tui.present.screens.slides import SlideScreen
from tests.tui.conftest import SIZE, make_app

BALANCING = 3  # the example's "Balancing China" slide, theme china-balancing, 4 excerpts


async def until(pilot, condition, timeout: float = 10.0) -> None:
    """Pause until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.02)


async def open_candidates(pilot, app, page: int = BALANCING) -> CandidatesScreen:
    await pilot.press(*str(page), "enter", "c")
    await pilot.pause()
    assert isinstance(app.screen, CandidatesScreen)
    return app.screen


async def choose(pilot, app, screen: CandidatesScreen, index: int, key: str):
    """Highlight row `index`, press `key`, and wait for the recomposed deck to be shown."""
    screen.list.highlighted = index
    choice = screen.list.current
    reloads = app.reloads
    await pilot.press(key)
    await until(pilot, lambda: app.reloads > reloads)
    await pilot.pause()
    return choice


def slide_spec(path, number: int = BALANCING) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["slides"][number - 1]


def messages(app) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_c_lists_the_ranked_candidates_with_scores_and_terms():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_candidates(pilot, app)
        rows = screen.list.rows
        shown = app.deck.slides[BALANCING - 1].excerpts
        on_slide = [r for r in rows if r.on_slide]
        assert {(r.source, r.start, r.end) for r in on_slide} == {
            (e.source.file, e.start, e.end) for e in shown
        }
        ranks = [r.rank for r in rows]
        assert all(ranks) and ranks == sorted(ranks) and len(rows) > len(shown)
        assert all(r.score and r.terms for r in rows)
        first = str(screen.list.get_option_at_index(0).prompt)
        assert "#1" in first and f"score {rows[0].score:.2f}" in first
        assert "on the slide" in first and "matched: " + ", ".join(rows[0].terms) in first
        assert "Balancing China" in str(screen.query_one(".screen-heading").render())
        await pilot.press("escape")
        assert isinstance(app.screen, SlideScreen) and app.page == BALANCING


async def test_c_on_a_slide_without_a_theme_says_there_are_none():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, SlideScreen)
        assert "No candidates on slide 1" in messages(app)


async def test_pin_writes_the_outline_puts_it_first_and_stays_on_the_slide(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_candidates(pilot, app)
        index = next(i for i, r in enumerate(screen.list.rows) if not r.on_slide)
        choice = await choose(pilot, app, screen, index, "p")
        assert slide_spec(outline)["pins"] == [{"source": choice.source, "quote": choice.quote}]
        slide = app.deck.slides[BALANCING - 1]
        assert slide.excerpts[0].pinned and slide.excerpts[0].text == choice.quote
        assert len(slide.excerpts) == 4
        assert app.page == BALANCING and app.screen is screen  # still curating this slide
        rows = screen.list.rows
        assert rows[0].key == choice.key and rows[0].pinned and rows[0].on_slide
        assert screen.list.current.key == choice.key  # the highlight followed it

        await choose(pilot, app, screen, 0, "u")  # unpin
        assert "pins" not in slide_spec(outline)
        assert not any(e.pinned for e in app.deck.slides[BALANCING - 1].excerpts)
        assert not any(r.pinned for r in screen.list.rows)


async def test_exclude_takes_it_off_the_slide_and_unexclude_brings_it_back(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_candidates(pilot, app)
        choice = await choose(pilot, app, screen, 0, "x")  # the best-ranked, on the slide
        assert choice.on_slide
        spec = slide_spec(outline)
        assert spec["exclude"] == [{"source": choice.source, "quote": choice.quote}]
        shown = app.deck.slides[BALANCING - 1].excerpts
        assert choice.quote not in [e.text for e in shown] and len(shown) == 4
        row = screen.list.rows[0]  # still first: an exclusion keeps its place in the ranking
        assert row.key == choice.key and row.excluded and not row.on_slide
        assert "EXCLUDED" in str(screen.list.get_option_at_index(0).prompt)

        await choose(pilot, app, screen, 0, "u")  # un-exclude
        assert "exclude" not in slide_spec(outline)
        assert choice.quote in [e.text for e in app.deck.slides[BALANCING - 1].excerpts]


async def test_curation_keeps_every_other_byte_of_the_outline(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    text = outline.read_text(encoding="utf-8").replace(
        "    excerpts: 4\n", "    excerpts: 4   # four is plenty\n    # pins go below\n"
    )
    outline.write_text(text, encoding="utf-8")
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_candidates(pilot, app)
        await choose(pilot, app, screen, 5, "p")
        pinned = outline.read_text(encoding="utf-8")
        ops = difflib.SequenceMatcher(None, text.splitlines(), pinned.splitlines()).get_opcodes()
        assert {op for op, *_ in ops} == {"equal", "insert"}  # every old line kept, in order
        await choose(pilot, app, screen, 0, "u")
        assert outline.read_text(encoding="utf-8") == text  # byte for byte


async def test_an_edit_made_on_disk_meanwhile_survives_and_the_pin_is_reapplied(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)  # not watching: the app never hears of the edit below
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_candidates(pilot, app)
        text = outline.read_text(encoding="utf-8")
        theirs = text.replace("title: Outlook", "title: Outlook and indicators")
        outline.write_text(theirs + "# added by a colleague\n", encoding="utf-8")
        choice = await choose(pilot, app, screen, 6, "p")
        now = outline.read_text(encoding="utf-8")
        assert "title: Outlook and indicators" in now and now.endswith("# added by a colleague\n")
        assert slide_spec(outline)["pins"] == [{"source": choice.source, "quote": choice.quote}]
        assert "changed on disk" in messages(app)
        assert app.deck.slides[-1].title == "Outlook and indicators"


async def test_a_conflicting_edit_on_disk_is_never_clobbered(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_candidates(pilot, app)
        theirs = outline.read_text(encoding="utf-8").replace(
            "title: Balancing China", "title: Hedging between powers"
        )
        outline.write_text(theirs, encoding="utf-8")
        await choose(pilot, app, screen, 4, "p")
        assert outline.read_text(encoding="utf-8") == theirs  # nothing written
        assert "no longer 'Balancing China'" in messages(app)
        assert app.deck.slides[BALANCING - 1].title == "Hedging between powers"  # reloaded


async def test_the_palette_offers_curation_of_the_current_slide():
    from briefing.tui.present.commands import palette_commands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(str(BALANCING), "enter")
        commands = {name: callback for name, callback, _ in palette_commands(app)}
        commands["Curate excerpts\u2026"]()
        await pilot.pause()
        assert isinstance(app.screen, CandidatesScreen) and app.screen.number == BALANCING


def test_a_candidates_quote_shows_one_pair_of_quotation_marks() -> None:
    """As on the slide: a whole quotation loses its own pair, inner doubles become single."""
    from briefing.tui.present.candidates import Choice
    from briefing.tui.present.screens.candidates import detail

    said = Choice("a.txt", 0, 60, '"We call it the \u201cfour nos\u201d policy," he said.', "A")
    whole = Choice("a.txt", 0, 30, "\u201cNo alliances, no bases.\u201d", "A")
    assert (
        "\u201c'We call it the \u2018four nos\u2019 policy,' he said.\u201d" in detail(said).plain
    )
    assert "\u201cNo alliances, no bases.\u201d" in detail(whole).plain
    assert "\u201c\u201c" not in detail(whole).plain
