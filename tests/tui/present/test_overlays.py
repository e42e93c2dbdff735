"""What the briefer opens from a slide: overview, notes, source view, search, help, palette."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from briefing.compose.notes import speaker_notes
from briefing.tui.present import commands
from briefing.tui.present.screens.help import HelpScreen
from briefing.tui.present.screens.overview import OverviewScreen
from briefing.tui.present.screens.search import SearchScreen
from briefing.tui.present.screens.slides import SlideScreen
from briefing.tui.present.screens.source import SourceScreen
from briefing.tui.present.widgets.notes import NotesPanel
from briefing.tui.present.widgets.passage import HIGHLIGHT, PassageCard
from tests.tui.conftest import SIZE, make_app


def text_of(widget: Static) -> str:
    return str(widget.render())


def highlighted_parts(widget: Static) -> list[str]:
    """The substrings of a Static's content that carry the excerpt highlight."""
    content = widget.visual
    return [content.plain[s.start : s.end] for s in content.spans if s.style == HIGHLIGHT]


async def test_overview_lists_every_slide_and_jumps_to_the_chosen_one():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter", "o")
        assert isinstance(app.screen, OverviewScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(app.deck.slides) + 1
        assert options.highlighted == 2  # starts on the current slide
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(8)]
        assert "Title page" in prompts[0]
        assert "Balancing China" in prompts[3] and "4 excerpts" in prompts[3]
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, SlideScreen)
        assert app.page == 4


async def test_overview_escape_keeps_the_slide():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "enter", "o", "down", "escape")
        assert isinstance(app.screen, SlideScreen)
        assert app.page == 5


async def test_notes_panel_shows_speaker_notes_and_follows_the_slide():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = app.slides.notes
        assert not app.slides.notes_open and not app.screen.query(NotesPanel)  # not even built
        await pilot.press("3", "enter", "n")
        assert panel.display and app.screen.query_one(NotesPanel) is panel
        assert panel.region.height > 5  # on screen, not just mounted
        notes = text_of(panel.query_one("#notes-text", Static))
        expected = speaker_notes(app.deck.slides[2], app.deck)
        assert expected in notes
        assert "4 passages on Balancing China" in notes  # the rendered template
        assert app.deck.slides[2].excerpts[0].source.full_citation() in notes
        assert "Budget: 03:00" in notes
        await pilot.press("right")
        notes = text_of(panel.query_one("#notes-text", Static))
        assert speaker_notes(app.deck.slides[3], app.deck) in notes
        assert panel.border_title == "Notes \u00b7 slide 4"
        await pilot.press("n")
        assert not panel.display and not app.slides.notes_open
        await pilot.press("right", "n")  # shown again: up to date with the slide
        assert speaker_notes(app.deck.slides[4], app.deck) in text_of(panel.text)


async def test_notes_sit_beside_the_slide_on_a_wide_terminal():
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("n")
        panel = app.screen.query_one(NotesPanel)
        slide = app.screen.query_one("#slide")
        assert panel.region.x > slide.region.x and panel.region.y == slide.region.y


async def test_source_view_shows_each_excerpt_highlighted_in_its_paragraph():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter", "s")
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        cards = list(screen.query(PassageCard))
        slide = app.deck.slides[2]
        assert len(cards) == len(slide.excerpts)
        for card, excerpt in zip(cards, slide.excerpts, strict=True):
            assert excerpt.source.full_citation() in text_of(card.query_one(".passage-cite"))
            body = card.query_one(".passage-text", Static)
            assert body.visual.plain == excerpt.paragraph
            assert highlighted_parts(body) == [excerpt.text]
        assert cards[0].has_class("-selected")
        await pilot.press("right")
        assert screen.selected == 1
        assert list(screen.query(PassageCard))[1].has_class("-selected")
        await pilot.press("escape")
        assert isinstance(app.screen, SlideScreen)
        assert app.page == 3


async def test_source_view_whole_text_is_the_source_scrolled_to_the_excerpt():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter", "s", "f")
        await pilot.pause()
        screen = app.screen
        excerpt = app.deck.slides[2].excerpts[0]
        source_text = app.evidence.text(excerpt.source.file)
        parts = [w.visual.plain for w in screen.query(".full-text, .full-focus")]
        assert " ".join(parts).split() == source_text.split()  # every word, in order
        focus = screen.query_one(".full-focus", Static)
        assert excerpt.text in highlighted_parts(focus)
        body = screen.query_one("#source-body")
        assert body.scroll_y > 0  # scrolled down to the excerpt
        assert focus.region.y >= body.region.y  # and it is on screen
        assert focus.region.y < body.region.bottom
        await pilot.press("f")
        assert len(screen.query(PassageCard)) == 4


async def test_source_view_on_a_slide_without_excerpts_says_so():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "enter", "s")
        assert isinstance(app.screen, SourceScreen)
        assert "quotes no sources" in text_of(app.screen.query_one("#source-body Static"))


async def test_search_finds_evidence_and_puts_a_hit_on_screen():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"CHIPS and Science", "enter")
        assert screen.hits
        assert "CHIPS" in screen.hits[0].text or "CHIPS" in screen.hits[0].paragraph
        count = text_of(screen.query_one("#search-count", Static))
        assert f"{len(screen.hits)} hit" in count
        for hit in screen.hits:  # every hit is verbatim, and in its paragraph
            source = app.evidence.text(hit.source.file)
            assert source[hit.start : hit.end] == hit.text
            assert hit.text in hit.paragraph
        preview = screen.query_one("#search-preview PassageCard", PassageCard)
        assert preview.excerpt == screen.hits[0]
        await pilot.press("down")
        assert screen.query_one("#search-preview PassageCard", PassageCard).excerpt == (
            screen.hits[1] if len(screen.hits) > 1 else screen.hits[0]
        )
        await pilot.press("enter")
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.excerpts[0] in screen.hits
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, SlideScreen)


async def test_search_as_you_type_and_no_hits():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"semiconductor")
        await pilot.pause(0.5)
        screen = app.screen
        assert screen.query_text == "semiconductor" and screen.hits
        screen.query_one(Input).value = "zzzqqqxxy"
        await pilot.press("enter")
        assert screen.hits == []
        assert "0 hits" in text_of(screen.query_one("#search-count", Static))


async def test_typing_q_in_the_search_box_types_instead_of_quitting():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q", "C", "question_mark")
        assert app.screen.query_one(Input).value == "qC?"
        assert app.return_code is None
        assert app.theme == "briefing-dark"


async def test_help_lists_every_key():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(text_of(w) for w in app.screen.query(Static))
        for shown in ("\u2192 Space l PgDn", "Home g", "End G", "0-9 Enter", "Ctrl+P"):
            assert shown in text
        for words in ("overview", "speaker notes", "source view", "search", "timer", "quit"):
            assert words in text
        candidates = text[text.index("In the candidate list") :]
        for shown, words in (("p", "pin"), ("x", "exclude"), ("u", "undo"), ("Esc c", "back")):
            assert f"{shown}\n{words}" in candidates
        await pilot.press("escape")
        assert isinstance(app.screen, SlideScreen)


async def test_palette_goes_to_a_slide_by_name():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to slide 5")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SlideScreen)
        assert app.page == 5


async def test_palette_searches_the_sources():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"search four nos")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "four nos"
        assert app.screen.hits


async def test_palette_lists_the_presentation_commands():
    app = make_app()
    async with app.run_test(size=SIZE):
        assert isinstance(app, commands.Presenter)
        names = [name for name, _, _ in commands.palette_commands(app)]
        assert "Go to slide\u2026" in names and "Search sources\u2026" in names
        assert {"Colours: dark", "Colours: light", "Colours: high contrast"} <= set(names)
        assert commands.number_command(app, 3)[0] == "Go to slide 3: Balancing China"
        assert commands.number_command(app, 99) is None


async def test_palette_switches_colours():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"colours high")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "briefing-contrast"
