"""HTML extraction: the article's paragraphs without the site's chrome, metadata from the
markup, charset handling, determinism, no network, and clear errors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from briefing.sources.formats import ExtractError, extract
from briefing.sources.formats.html import decode_html
from tests.sources import fixtures_formats as fx

CHROME = {
    "news": [
        "cookies",
        "Accept all",
        "Entertainment",
        "Share on Facebook",
        "Copy link",
        "AP Photo/Evan Vucci",
        "attend a ceremony",
        "By DAVID RISING",
        "Updated 2:04 PM",
        "ad slot",
        "Related stories",
        "China says it is watching",
        "Leave a comment",
        "Post comment",
        "All Rights Reserved",
        "Privacy Policy",
    ],
    "blog": [
        "newsletter",
        "Subscribe",
        "Most read",
        "policing puzzle",
        "Share this",
        "LinkedIn",
        "non-resident fellow",
        "Lowy Institute 2023",
        "Donate",
    ],
    "german": [
        "Cookies",
        "Alle akzeptieren",
        "Startseite",
        "Teilen",
        "WhatsApp",
        "Bild: dpa",
        "Mehr zum Thema",
        "Chinas Einfluss",
        "Impressum",
        "Stand: 10.09.2023",
    ],
}
BUILDERS = {
    "news": (fx.build_news_html, fx.AP_PARAGRAPHS),
    "blog": (fx.build_blog_html, fx.BLOG_PARAGRAPHS),
    "german": (fx.build_german_html, fx.DE_PARAGRAPHS),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    return {name: build(folder / f"{name}.html") for name, (build, _) in BUILDERS.items()}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_article_paragraphs_kept_whole_and_separated(pages: dict[str, Path], name: str) -> None:
    text = extract(pages[name]).text
    paragraphs = text.split("\n\n")
    for paragraph in BUILDERS[name][1]:
        assert paragraph in paragraphs
    assert "\n" not in text.replace("\n\n", "")


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_site_chrome_left_out(pages: dict[str, Path], name: str) -> None:
    text = extract(pages[name]).text
    for noise in CHROME[name]:
        assert noise not in text, noise


def test_dateline_is_part_of_the_story(pages: dict[str, Path]) -> None:
    text = extract(pages["news"]).text
    assert "\n\nHANOI, Vietnam (AP) — President Joe Biden on Sunday" in text


def test_news_metadata_from_json_ld_and_canonical_link(pages: dict[str, Path]) -> None:
    assert extract(pages["news"]).meta == {
        "title": "Biden and Vietnam lift ties to highest level, half a century after war",
        "author": "David Rising and Aniruddha Ghosal",
        "publisher": "The Associated Press",
        "date": "2023-09-10",
        "url": "https://apnews.com/article/biden-vietnam-visit-trong-4d8a3c",
    }


def test_blog_metadata_from_meta_tags(pages: dict[str, Path]) -> None:
    assert extract(pages["blog"]).meta == {
        "title": "Bamboo diplomacy bends toward Washington",
        "author": "Huong Le Thu",
        "publisher": "The Interpreter",
        "date": "2023-09-14",
        "url": "https://www.lowyinstitute.org/the-interpreter/bamboo-diplomacy",
    }


def test_german_page_metadata(pages: dict[str, Path]) -> None:
    meta = extract(pages["german"]).meta
    assert meta["title"] == "USA und Vietnam vertiefen Partnerschaft"
    assert meta["author"] == "Katrin Weber"
    assert meta["publisher"] == "Tagesbericht"
    assert meta["date"] == "2023-09-10"
    assert meta["url"] == "https://www.tagesbericht.example/ausland/usa-vietnam-100.html"


def test_declared_charsets_are_respected(pages: dict[str, Path]) -> None:
    assert "Vietnam’s “bamboo diplomacy” – bending" in extract(pages["blog"]).text  # cp1252
    german = extract(pages["german"]).text  # ISO-8859-1
    assert "die höchste diplomatische Stufe" in german
    assert "Südkorea" in german


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<meta charset="utf-8"><p>caf\xc3\xa9</p>', "café"),
        (b"<meta charset=iso-8859-1><p>caf\xe9 \x93q\x94</p>", "café “q”"),  # as windows-1252
        (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>\xf3</p>', "С"),
        (b'<?xml version="1.0" encoding="windows-1251"?><p>\xc0</p>', "А"),
        (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "café"),  # BOM wins
        (b"<p>caf\xc3\xa9</p>", "café"),  # undeclared: UTF-8 first
        (b"<p>caf\xe9</p>", "café"),  # undeclared, not UTF-8: windows-1252
        (b'<meta charset="utf-8"><p>caf\xe9</p>', "café"),  # a wrong declaration falls back
    ],
)
def test_decode_html(data: bytes, expected: str) -> None:
    assert expected in decode_html(data)


def test_deterministic(pages: dict[str, Path]) -> None:
    for path in pages.values():
        assert extract(path) == extract(path)
        assert extract(path).extractor == "html/6"


def test_never_touches_the_network(pages: dict[str, Path], monkeypatch: pytest.MonkeyPatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during extraction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert extract(pages["news"]).meta["author"] == "David Rising and Aniruddha Ghosal"


def test_htm_suffix(pages: dict[str, Path], tmp_path: Path) -> None:
    copy = tmp_path / "story.HTM"
    copy.write_bytes(pages["news"].read_bytes())
    assert extract(copy).text == extract(pages["news"]).text


def error_of(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(ExtractError) as caught:
        extract(path)
    assert str(caught.value).startswith(f"{path.name}: ")
    return str(caught.value)


def test_empty_file(tmp_path: Path) -> None:
    assert "empty file" in error_of(tmp_path / "empty.html", b"\n  \n")


def test_binary_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 4
    assert "not an HTML page (binary data)" in error_of(tmp_path / "image.html", data)


def test_page_without_main_text(tmp_path: Path) -> None:
    data = b"<html><body><nav><a href='/'>Home</a></nav><script>app()</script></body></html>"
    assert "no main text found" in error_of(tmp_path / "app.html", data)


def _long_story() -> list[str]:
    prose = [fx.INTRO, fx.CO_OP.replace("|", ""), fx.SEMICONDUCTORS, fx.CROSSING, fx.TRADE]
    return [f"{p} ({k + 1})" for k in range(4) for p in prose]


def test_fast_path_returns_what_the_full_cascade_returns(tmp_path: Path) -> None:
    """trafilatura's fast mode is kept only where readability and jusText could not have
    changed the result: every page extracts as the full cascade would, and a long article
    does take the fast path while a short story in heavy chrome does not."""
    from briefing.sources.formats import html

    long_page = tmp_path / "long.html"
    page = fx.saved_news_page(_long_story(), title="A long report", seed=1, chrome_chars=20_000)
    long_page.write_bytes(page.encode("utf-8"))
    pages = [
        long_page,
        fx.build_news_html(tmp_path / "ap.html"),
        fx.build_blog_html(tmp_path / "blog.html"),
        fx.build_german_html(tmp_path / "de.html"),
    ]
    taken = {}
    for path in pages:
        markup = html.decode_html(path.read_bytes())
        full = html._bare_extraction(markup, True, fast=False)
        assert extract(path).text == "\n\n".join(html.paragraphs(full.body)), path.name
        fast = html._bare_extraction(markup, True, fast=True)
        taken[path.name] = html._fast_result_is_final(fast.body, markup)
    assert taken["long.html"]
    assert not taken["ap.html"]  # four short paragraphs amid a menu, widgets and a form
