"""One-page PDFs: footers, page numbers, URLs and protective markings in the page's margin
are left out (or at least never lead the text) with nothing repeated across pages to show
them, never become a citation, and one-line paragraphs stay paragraphs of their own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.sources.analysis import prepare
from briefing.sources.formats import extract
from tests.sources import fixtures_one_page as fx

BUILDERS: dict[str, Callable[[Path], fx.OnePage]] = {
    "research note": fx.build_research_note,
    "press release": fx.build_press_release,
    "memo": fx.build_memo,
}


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> fx.OnePage:
    folder = tmp_path_factory.mktemp("one-page")
    return BUILDERS[request.param](folder / f"{request.param.replace(' ', '-')}.pdf")


def test_margin_furniture_is_left_out(page: fx.OnePage) -> None:
    text = extract(page.path).text
    for line in page.furniture:
        assert line not in text.split("\n\n"), line
    assert "©" not in text and "OFFICIAL" not in text and "www." not in text


def test_the_text_starts_with_the_body(page: fx.OnePage) -> None:
    assert extract(page.path).text.startswith(page.title)


def test_one_line_paragraphs_stay_apart(page: fx.OnePage) -> None:
    assert extract(page.path).text.split("\n\n") == list(page.paragraphs)


def test_the_page_span_covers_the_text(page: fx.OnePage) -> None:
    extracted = extract(page.path)
    [only] = extracted.pages
    assert (only.start, only.end) == (0, len(extracted.text))
    assert extracted == extract(page.path)  # deterministic


def test_no_citation_comes_from_the_margin(page: fx.OnePage) -> None:
    extracted = extract(page.path)
    stated = prepare(page.path.name, "0" * 64, extracted.text).meta
    for meta in (extracted.meta, stated):
        for key in ("title", "author", "publisher"):
            value = str(meta.get(key) or "")
            assert not any(line in value for line in page.furniture if len(line) > 1), (key, value)
            assert "©" not in value and "Commonwealth" not in value
