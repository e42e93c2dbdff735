"""Long and numerous excerpts continue on "(cont.)" slides instead of overflowing or shrinking
below a readable size; only a quote too long for an empty slide is shortened, verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefing.export.pptx.provenance import ELLIPSIS, Provenance
from tests.conftest import run_cli
from tests.export.pptx.fixtures.corpus import write_outline, write_project
from tests.export.pptx.fixtures.decks import CLOSE, OPEN, read_deck

MIN_QUOTE_PT = 14


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    """A project with 3 long quotes (250, 250, 700 words) and 10 of 80 words, both built."""
    root = tmp_path_factory.mktemp("paginate")
    quotes = write_project(root, [250, 250, 700] + [80] * 10)
    built = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "briefing-cache"))
        for name, pins in (("long", quotes[:3]), ("many", quotes[3:])):
            outline = write_outline(root, name, [(f"{name.title()} passages", pins)])
            deck = root / f"{name}.pptx"
            result = run_cli("build", outline, "-o", deck)
            assert result.exit_code == 0, result.output
            verified = run_cli("verify", deck, outline)
            built[name] = (deck, pins, result.stderr, verified)
    return built


def _sizes(deck: Path) -> list[float]:
    """The size (pt) of every quotation and bullet (attribution lines may be smaller)."""
    sizes = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            paragraphs = shape.text_frame.paragraphs if shape.has_text_frame else []
            if shape.name.startswith("Excerpt"):
                paragraphs = paragraphs[:1]
            elif shape.name != "Bullets":
                continue
            sizes += [run.font.size.pt for p in paragraphs for run in p.runs]
    return sizes


def test_many_excerpts_continue_on_cont_slides(corpus) -> None:
    deck, pins, _, _ = corpus["many"]
    slides = read_deck(deck)
    content = slides[1:-1]
    assert content[0].title == "Many passages"
    assert len(content) >= 3
    assert all(s.title == "Many passages (cont.)" for s in content[1:])
    shown = [q.first for s in content for q in s.named("Excerpt")]
    assert shown == [f"{OPEN}{quote}{CLOSE}" for _, quote in pins]  # all, in order, uncut
    assert all(s.named("Excerpt") for s in content)
    assert min(_sizes(deck)) >= MIN_QUOTE_PT


def test_each_cont_slide_has_notes_for_its_own_quotes(corpus) -> None:
    deck, _, _, _ = corpus["many"]
    for number, slide in enumerate(read_deck(deck)[1:-1], 2):
        quotes = slide.named("Excerpt")
        assert slide.notes.count("Context: ") == len(quotes)
        if number > 2:
            assert "(Continued from slide 2.)" in slide.notes


def test_a_long_quote_gets_a_slide_of_its_own(corpus) -> None:
    deck, pins, _, _ = corpus["long"]
    slides = read_deck(deck)[1:-1]
    assert [s.title for s in slides] == ["Long passages"] + ["Long passages (cont.)"] * 2
    assert [len(s.named("Excerpt")) for s in slides] == [1, 1, 1]
    for slide, (_, quote) in zip(slides[:2], pins[:2], strict=True):
        assert slide.named("Excerpt")[0].first == f"{OPEN}{quote}{CLOSE}"
    assert min(_sizes(deck)) >= MIN_QUOTE_PT


def test_a_quote_too_long_for_any_slide_is_a_verbatim_prefix(corpus) -> None:
    deck, pins, stderr, _ = corpus["long"]
    source, quote = pins[2]
    shape = read_deck(deck)[3].named("Excerpt")[0]
    assert shape.first.startswith(OPEN) and shape.first.endswith(f"{ELLIPSIS}{CLOSE}")
    prefix = shape.first[1:-2]
    assert quote.startswith(prefix) and len(prefix) < len(quote)
    assert quote[len(prefix)] == " "  # cut at a word boundary
    assert len(prefix.split()) > 200  # as much as fits, not a token line
    prov = Provenance.parse(shape.name)
    assert prov is not None and prov.source == source and prov.end - prov.start == len(prefix)
    assert "shortened" in stderr and source in stderr
    assert quote in read_deck(deck)[3].notes  # the notes carry it whole


def test_shortened_and_paginated_decks_verify(corpus) -> None:
    for name in ("long", "many"):
        verified = corpus[name][3]
        assert verified.exit_code == 0, verified.output
