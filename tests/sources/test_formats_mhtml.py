"""Web archives (MHTML, a browser's "Webpage, Single File" save): the page inside is read as the
same page saved as .html is, whatever the archive's shape, and what is packed beside it (style
sheets, pictures) never reaches the text; an archive with no page says how to save it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.sources.formats import FORMATS, ExtractError, extract
from briefing.sources.formats.mhtml import EXTRACTOR
from tests.conftest import ROOT, briefing, write
from tests.sources import fixtures_formats as fx

PAGE = fx._page(fx.NIKKEI_PAGE, fx.NIKKEI_PARAGRAPHS)


@pytest.fixture(scope="module")
def as_html(tmp_path_factory: pytest.TempPathFactory):
    """The same page saved as .html: what the archive's page must read as."""
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_bytes(PAGE.encode("utf-8"))
    return extract(path)


def test_the_page_reads_as_the_same_page_saved_as_html(tmp_path: Path, as_html) -> None:
    found = extract(fx.build_mhtml(tmp_path / "page.mhtml"))
    assert found.text == as_html.text
    assert {k: v for k, v in found.meta.items() if k != "url"} == {
        k: v for k, v in as_html.meta.items() if k != "url"
    }
    assert found.meta["author"] == "Lim Wei Ling and Đỗ Quang Huy"
    assert found.meta["publisher"] == "Asia Markets Review"
    assert found.meta["date"] == "2024-05-14"
    for paragraph in fx.NIKKEI_PARAGRAPHS:
        assert paragraph in found.text


def test_nothing_packed_beside_the_page_reaches_the_text(tmp_path: Path) -> None:
    text = extract(fx.build_mhtml(tmp_path / "page.mhtml")).text
    for chrome in ("display: flex", "PNG", "IHDR", "Accept all", "Most read", "Privacy", "=C4"):
        assert chrome not in text, chrome
    assert "Photo by" not in text  # the caption, as on the .html page


def test_the_address_it_was_saved_from_when_the_page_names_none(tmp_path: Path, as_html) -> None:
    assert as_html.meta["url"] is None
    assert extract(fx.build_mhtml(tmp_path / "page.mhtml")).meta["url"] == fx.MHTML_URL


def test_the_pages_own_canonical_address_wins(tmp_path: Path) -> None:
    news = fx._page(fx.AP_PAGE, fx.AP_PARAGRAPHS).encode("utf-8")
    saved = tmp_path / "news.html"
    saved.write_bytes(news)
    archived = tmp_path / "news.mhtml"
    archived.write_bytes(fx.mhtml_archive(news))
    assert extract(archived).meta["url"] == extract(saved).meta["url"] != fx.MHTML_URL
    assert extract(archived).text == extract(saved).text


@pytest.mark.parametrize(
    "variation",
    [
        {"encoding": "base64"},
        {"page_first": False, "start": True},  # the root named by the `start` parameter
        {"page_first": False},  # no `start`, not first: the archive's page found by its type
        {"closed": False},  # cut short before the closing delimiter
        {"encoding": "8bit"},
    ],
    ids=["base64", "named-root", "page-last", "cut-short", "8bit"],
)
def test_every_shape_of_archive_gives_the_same_text(
    tmp_path: Path, as_html, variation: dict[str, object]
) -> None:
    assert extract(fx.build_mhtml(tmp_path / "page.mhtml", **variation)).text == as_html.text


def test_a_charset_stated_on_the_part_comes_before_the_pages_own(tmp_path: Path) -> None:
    """A windows-1251 page that declares no charset is read by its part's header, as a
    browser reads an HTTP header; without it, its bytes would be read as windows-1252."""
    page = PAGE.replace('<meta charset="utf-8">\n', "").replace(
        "Trần Thị Hồng Minh", "Ирина Петрова"
    )
    page = page.replace("Bắc Ninh", "Bac Ninh").replace("Đỗ", "Do")
    path = tmp_path / "cp1251.mhtml"
    path.write_bytes(fx.mhtml_archive(page.encode("windows-1251"), charset="windows-1251"))
    text = extract(path).text
    assert "“We are not asking companies to choose sides,” said Ирина Петрова" in text
    assert "world’s back-end chip output" in text


def test_a_page_saved_alone_as_mht(tmp_path: Path, as_html) -> None:
    """An archive that is the page alone (no parts), as older browsers and Word wrote them."""
    import quopri

    path = tmp_path / "page.mht"
    path.write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://asia.example.com/tech/chip-packaging-race\r\n\r\n"
        + quopri.encodestring(PAGE.encode("utf-8"))
    )
    found = extract(path)
    assert found.text == as_html.text and found.meta["url"] == fx.MHTML_URL


def test_deterministic_and_versioned_with_the_html_reader(tmp_path: Path) -> None:
    path = fx.build_mhtml(tmp_path / "page.mhtml")
    assert extract(path) == extract(path)
    assert extract(path).extractor == EXTRACTOR == FORMATS[".mhtml"] == FORMATS[".mht"]
    assert EXTRACTOR.endswith(f"+{FORMATS['.html']}")  # a new HTML reader is a new version


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "has no MIME headers"),
        (b"<html><body><p>A page renamed .mhtml</p></body></html>", "has no MIME headers"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64) + b"\r\n\r\n", "has no MIME headers"),
        (b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxx", "holds image/png"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nx", "holds multipart"),
    ],
    ids=["empty", "html-renamed", "binary", "picture", "no-boundary"],
)
def test_what_is_not_an_archive_says_how_to_save_it(tmp_path: Path, data: bytes, says: str):
    path = tmp_path / "odd.mhtml"
    path.write_bytes(data)
    with pytest.raises(ExtractError) as caught:
        extract(path)
    message = str(caught.value)
    assert message.startswith("odd.mhtml: ") and says in message, message
    assert "save the page again (as HTML only, or print it to PDF)" in message


def test_an_archive_without_a_page(tmp_path: Path) -> None:
    archive = fx.mhtml_archive(b"<html></html>")
    no_page = archive.replace(b"Content-Type: text/html", b"Content-Type: text/plain")
    path = tmp_path / "nopage.mhtml"
    path.write_bytes(no_page)
    with pytest.raises(ExtractError, match="holds no web page; save the page again"):
        extract(path)


OUTLINE = """title: Chips
sources: ../sources
themes: ../themes
slides:
  - title: Chips
    theme: semiconductors
    excerpts: 4
"""


def test_a_saved_archive_is_quoted_verbatim_and_cited_with_its_address(tmp_path: Path) -> None:
    """As a user meets it: the archive listed and indexed, quoted against `briefing text`,
    cited with the address it was saved from; a damaged archive beside it is named and left
    out with the fix, and the deck still builds."""
    sources = tmp_path / "sources"
    sources.mkdir()
    fx.build_mhtml(sources / "chip-race.mhtml")
    (sources / "broken.mht").write_bytes(b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nx")
    write(tmp_path / "outlines" / "deck.yaml", OUTLINE)
    (tmp_path / "themes").mkdir()
    theme = (ROOT / "themes" / "semiconductors.yaml").read_bytes()
    (tmp_path / "themes" / "semiconductors.yaml").write_bytes(theme)

    shown = briefing("text", "sources/chip-race.mhtml", "--json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    canonical = json.loads(shown.stdout)["text"]
    composed = briefing("compose", "outlines/deck.yaml", "--json", cwd=tmp_path)
    assert composed.returncode == 0, composed.stderr
    deck = json.loads(composed.stdout)
    quoted = [e for e in deck["slides"][0]["excerpts"] if e["source"] == "chip-race.mhtml"]
    assert quoted, deck["slides"][0]["excerpts"]
    for excerpt in quoted:
        assert canonical[excerpt["start"] : excerpt["end"]] == excerpt["text"]
        assert excerpt["url"] == fx.MHTML_URL
    assert any(w.startswith("skipped broken.mht: ") for w in deck["warnings"]), deck["warnings"]
    built = briefing("build", "outlines/deck.yaml", "-o", "deck.pptx", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "broken.mht" in built.stderr and "save the page again" in built.stderr


def test_what_follows_the_page_is_never_decoded(tmp_path: Path, as_html) -> None:
    """A picture of any size, or a damaged part, after the page costs nothing and breaks
    nothing; a `start` that names no part falls back on the first page."""
    archive = fx.mhtml_archive(PAGE.encode("utf-8"), closed=False)
    damaged = archive + b"Content-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    damaged += b"%%not base64 at all%%\x00\xff" * 100_000
    path = tmp_path / "damaged.mhtml"
    path.write_bytes(damaged)
    assert extract(path).text == as_html.text
    named = fx.mhtml_archive(PAGE.encode("utf-8"), start=True, page_first=False)
    path.write_bytes(named.replace(b'start="<frame-7E1F@', b'start="<elsewhere@'))
    assert extract(path).text == as_html.text
