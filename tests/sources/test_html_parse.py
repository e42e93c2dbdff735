"""Pages parsed as trafilatura parses them, with libxml2's limits for huge documents lifted:
a page nested deeper than 256 elements (unclosed <font> or <div> soup) is read whole, and
every page within the limits parses to the tree trafilatura's own `load_html` makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from trafilatura.utils import load_html

from briefing.sources.formats import extract
from briefing.sources.formats.html import decode_html
from briefing.sources.formats.html_parse import parse_page
from tests.conftest import ROOT
from tests.sources import fixtures_formats as fx

STORY = [
    f"Paragraph {n}: Vietnam and the United States upgraded their ties to a comprehensive "
    "strategic partnership in September, officials in Hanoi said on Monday."
    for n in range(12)
]
LAST = "The last paragraph comes after three hundred levels of markup."
# Pages written by others, for the quality evaluation: none was written against this module.
QUALITY_PAGES = sorted((ROOT / "bench" / "quality").glob("docs*/*.htm*"))


def soup(tag: str, depth: int, closed: bool) -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    inner = f"<article><h1>A deep page</h1>{body}<p>{LAST}</p></article>"
    return (
        "<!doctype html><html><head><title>A deep page</title></head><body>"
        + f"<{tag}>" * depth
        + inner
        + (f"</{tag}>" * depth if closed else "")
        + "</body></html>"
    )


@pytest.mark.parametrize(
    ("tag", "closed"), [("div", True), ("font", False), ("span", False)], ids=str
)
def test_a_page_nested_300_deep_is_read_whole(tmp_path: Path, tag: str, closed: bool) -> None:
    path = tmp_path / "deep.html"
    path.write_text(soup(tag, 300, closed), encoding="utf-8")
    text = extract(path).text
    assert STORY[0] in text and text.endswith(LAST)


def _same_tree(markup: str) -> None:
    ours, theirs = parse_page(markup), load_html(markup)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)


def test_the_quality_pages_parse_as_trafilatura_parses_them() -> None:
    assert len(QUALITY_PAGES) >= 20
    for page in QUALITY_PAGES:
        _same_tree(decode_html(page.read_bytes()))


@pytest.mark.parametrize("build", [fx.build_news_html, fx.build_blog_html, fx.build_german_html])
def test_the_fixture_pages_parse_as_trafilatura_parses_them(tmp_path: Path, build) -> None:
    _same_tree(decode_html(build(tmp_path / "page.html").read_bytes()))


@pytest.mark.parametrize(
    "markup",
    [
        "just some text, no markup at all",
        "<p>a fragment</p>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared.</p></body></html>',
        "<!DOCTYPE html PUBLIC 'x'>\n<html><body><p>Doctype.</p></body></html>",
        soup("div", 100, True),
    ],
    ids=["text", "fragment", "xml declaration", "doctype", "100 deep"],
)
def test_odd_pages_parse_as_trafilatura_parses_them(markup: str) -> None:
    _same_tree(markup)
