"""Saved pages that carry big inline data: a picture or font as a data: URI, a script of page
state, an inlined style sheet. libxml2 drops everything after a text or attribute value over
10 MB, so before the cut a picture lost the text after it and a big script or style sheet the
whole article ("no main text found"); each page here is read whole."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from briefing.sources.formats import extract
from briefing.sources.formats.html_inline import BIG_BODY, DATA_PAYLOAD, without_inline_payloads

STORY = [
    f"Paragraph {n}: Vietnam and the United States upgraded their ties to a comprehensive "
    "strategic partnership in September, officials in Hanoi said on Monday."
    for n in range(12)
]
LAST = "After the picture, the story goes on about semiconductors and supply chains."
JSON_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "A page saved whole",
    "author": [{"@type": "Person", "name": "Mai Tran"}, {"@type": "Person", "name": "Tom Hale"}],
    "datePublished": "2023-09-12",
}
MB = 1 << 20


def page(head: str = "", middle: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        "<!doctype html><html><head><title>A page saved whole</title>"
        f'<script type="application/ld+json">{json.dumps(JSON_LD)}</script>{head}</head>'
        f"<body><article><h1>A page saved whole</h1>{body}{middle}<p>{LAST}</p>"
        "</article></body></html>"
    )


def picture(size: int) -> str:
    return base64.b64encode(os.urandom(size * 3 // 4)).decode()


def read(tmp_path: Path, markup: str) -> str:
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    return extract(path).text


def test_the_text_after_an_11_mb_inline_picture_is_read(tmp_path: Path) -> None:
    img = f'<img src="data:image/jpeg;base64,{picture(11 * MB)}" alt="A photo">'
    text = read(tmp_path, page(middle=img))
    assert text.endswith(LAST) and STORY[0] in text


@pytest.mark.parametrize(
    "head",
    [
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(["x" * 99] * 125_000)}'
        "</script>",
        "<style>" + ".c{color:red}" * 800_000 + "</style>",
        "<style>@font-face{font-family:x;src:url(data:font/woff2;base64," + "A" * 11 * MB + ")}"
        "</style>",
    ],
    ids=["12 MB script of page state", "10 MB style sheet", "11 MB inline font"],
)
def test_a_page_with_a_huge_script_or_style_is_read_whole(tmp_path: Path, head: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(head=head), encoding="utf-8")
    found = extract(path)
    assert found.text.startswith("A page saved whole") and found.text.endswith(LAST)
    assert found.meta["author"] == "Mai Tran and Tom Hale"  # from the JSON-LD, kept
    assert found.meta["date"] == "2023-09-12"


def test_a_page_without_big_inline_data_is_left_as_it_is() -> None:
    small = page(head="<script>var a = 1;</script><style>p{margin:0}</style>")
    icon = f'<img src="data:image/png;base64,{"A" * (DATA_PAYLOAD - 1)}">'
    assert without_inline_payloads(small) == small
    assert without_inline_payloads(page(middle=icon)) == page(middle=icon)


def test_inline_payloads_are_cut_to_their_prefix() -> None:
    payload = "A" * DATA_PAYLOAD
    markup = (
        f'<img src="data:image/png;base64,{payload}" alt="x">'
        f'<div style="background:url(data:image/svg+xml;charset=utf-8,{payload})"></div>'
        f"<p>metadata:a,{payload}</p>"
    )
    assert without_inline_payloads(markup) == (
        '<img src="data:image/png;base64," alt="x">'
        '<div style="background:url(data:image/svg+xml;charset=utf-8,)"></div>'
        f"<p>metadata:a,{payload}</p>"  # not a data: URI
    )


def test_only_big_bodies_are_emptied_and_json_ld_is_kept() -> None:
    big = "x" * (BIG_BODY + 1)
    markup = (
        f"<script>small()</script><SCRIPT type=module>{big}<script>no tag</SCRIPT>"
        f'<script type="application/ld+json">{big}</script><style>{big}</style><p>Text</p>'
    )
    assert without_inline_payloads(markup) == (
        "<script>small()</script><SCRIPT type=module></SCRIPT>"
        f'<script type="application/ld+json">{big}</script><style></style><p>Text</p>'
    )
