"""The pure layout layer: Carlito metrics, wrapping, fitting and pagination, without pptx."""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.deck import Deck, Excerpt, Slide, SourceInfo
from briefing.export.pptx.deckplan import plan_deck
from briefing.export.pptx.provenance import shown
from briefing.export.pptx.slideplan import CONTENT_SIZES, Item, default_frame, layout, shorten
from briefing.export.pptx.textfit import (
    METRICS_FILE,
    WIDTH_SLACK,
    metrics,
    text_width,
    verbatim_prefix,
    wrap,
)

WORDS = st.sampled_from(
    "the of Hanoi Washington semiconductor partnership Nguyễn Phú Trọng “hedging” — "
    "a I W mmm interdependence Việt Nam’s strategic, (CSP) 2023 ĐÀ".split()
)
TEXTS = st.lists(WORDS, min_size=1, max_size=120).map(" ".join)


def test_metrics_table_is_carlito_and_covers_what_quotes_use() -> None:
    table = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
    assert table["font"] == "Carlito" and table["units_per_em"] == 2048
    assert (METRICS_FILE.parent / "OFL.txt").read_text().startswith("Copyright (c) 2010-2013")
    m = metrics()
    assert m.line_height == (1950 + 550) / 2048  # Calibri's 1.22 em single line
    regular = m.styles["regular"]
    assert regular[" "] * 2048 == 463 and regular["A"] * 2048 == 1185
    for ch in "éñßĐđệữỹ“”‘’…—–€Œ\u00a0":
        assert ch in regular and ch in m.styles["bold"], ch
    assert text_width("Hanoi", 20, bold=True) > text_width("Hanoi", 20)
    assert text_width("漢", 10) == 10  # unknown characters count a full em: safe side


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.floats(min_value=40, max_value=900), st.sampled_from([12, 14, 18, 24, 32]))
def test_wrapped_lines_fit_and_keep_every_word(text: str, width: float, size: int) -> None:
    lines = wrap(text, width, size)
    for line in lines:
        assert len(line) == 1 or text_width(line, size) <= width * WIDTH_SLACK + 1e-9
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    if all(text_width(w, size) <= width * WIDTH_SLACK for w in text.split()):
        assert " ".join(lines) == text  # words are never split when they fit on a line


def test_wrap_breaks_only_at_spaces_never_at_no_break_spaces() -> None:
    text = "to\u00a0balance China without provoking it"
    lines = wrap(text, 60, 18)
    assert any("to\u00a0bal" in line for line in lines)
    assert len(wrap("x" * 400, 100, 14)) > 1  # a word wider than the line is broken


@given(TEXTS, st.integers(min_value=1, max_value=400))
def test_verbatim_prefix_ends_at_a_word_and_is_the_longest_that_fits(text: str, limit: int) -> None:
    prefix = verbatim_prefix(text, lambda p: len(p) <= limit)
    if prefix is None:
        assert len(text.split(" ")[0]) > limit
        return
    assert text.startswith(prefix) and len(prefix) <= limit
    assert len(prefix) == len(text) or text[len(prefix)] == " "
    rest = text[len(prefix) :].split()
    assert not rest or len(prefix) + 1 + len(rest[0]) > limit


def _source(n: int) -> SourceInfo:
    return SourceInfo(f"doc{n}.txt", f"Title {n}", f"Author {n}", None, "Pub", date(2023, 9, n + 1))


def _deck(lengths: list[int], bullets: int = 0) -> Deck:
    words = "balance hedging Hanoi Washington partnership semiconductor Việt policy".split()
    excerpts = tuple(
        Excerpt(_source(i % 3), 100 * i, 100 * i + n, " ".join(words[j % 8] for j in range(n)))
        for i, n in enumerate(lengths)
    )
    slide = Slide(
        "Evidence", "t", "Theme", excerpts, tuple(f"Point {i} " * 6 for i in range(bullets))
    )
    return Deck("Deck", (slide,), "Sub", "Desk", date(2023, 11, 1), "UNCLASSIFIED")


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(min_value=3, max_value=700), min_size=1, max_size=8), st.integers(0, 4))
def test_planned_slides_never_overflow_and_show_every_quote(
    lengths: list[int], bullets: int
) -> None:
    frame = default_frame()
    deck = _deck(lengths, bullets)
    pages, warnings = plan_deck(deck, frame)
    area = frame.content
    quotes = []
    for page in pages:
        for box in page.body:
            assert area.y <= box.box.y and box.box.y + box.box.h <= area.y + area.h + 1e-6
            assert box.box.fits(box.paras)
            if box.role in ("quote", "bullets"):
                assert box.paras[0].size >= CONTENT_SIZES[-1]
            if box.role == "quote":
                quotes.append(box.paras[0].text[1:-1])
        boxes = sorted((b.box.y, b.box.y + b.box.h) for b in page.body)
        assert all(a[1] <= b[0] for a, b in pairwise(boxes))  # no overlap
    expected = [shown(e.text) for e in deck.slides[0].excerpts]
    assert len(quotes) == len(expected)
    for got, want in zip(quotes, expected, strict=True):
        assert got == want or (got.endswith("…") and want.startswith(got[:-1]))
    assert len(warnings) == sum(1 for q in quotes if q.endswith("…"))
    assert pages[-1].title.paras[0].text.startswith("Sources")


def test_layout_prefers_fewest_slides_then_the_largest_size() -> None:
    area = default_frame().content
    short = [Item("bullet", "A short point.")]
    size, pages = layout(short, CONTENT_SIZES, area)
    assert (size, len(pages)) == (CONTENT_SIZES[0], 1)
    deck = _deck([80] * 10)
    items = [Item("quote", e.text, e) for e in deck.slides[0].excerpts]
    size, pages = layout(items, CONTENT_SIZES, area)
    smallest = layout(items, (CONTENT_SIZES[-1],), area)[1]
    assert len(pages) == len(smallest) > 1 and size >= CONTENT_SIZES[-1]


def test_shorten_leaves_a_fitting_quote_alone() -> None:
    deck = _deck([60, 2000])
    area = default_frame().content
    fits, too_long = (Item("quote", e.text, e) for e in deck.slides[0].excerpts)
    assert shorten(fits, 14, area, "slide 1") == (fits, None)
    cut, note = shorten(too_long, 14, area, "slide 1")
    assert cut.shortened and too_long.text.startswith(cut.text) and note and "2000 words" in note


def test_a_bare_outline_plans_without_marking_subtitle_or_quotes() -> None:
    deck = Deck("Bare", (Slide("Nothing found", "t", "Theme"), Slide("Points", bullets=("One",))))
    pages, warnings = plan_deck(deck, default_frame())
    assert [p.title.paras[0].text for p in pages] == ["Bare", "Nothing found", "Points", "Sources"]
    assert warnings == [] and pages[0].body == ()
    assert all([c.role for c in p.chrome] == ["number"] for p in pages)
    assert "No passages matching" in pages[1].body[0].paras[0].text
    assert "No sources are quoted" in pages[-1].body[0].paras[0].text
    assert all(p.notes for p in pages)
