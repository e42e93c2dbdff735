"""One pair of quotation marks on every output: a whole quotation loses its own pair, inner
double quotes become single marks, apostrophes stay; `verify` accepts exactly that form."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from briefing.deck import Deck, Excerpt, Slide, SourceInfo, display_quote, quote_span
from briefing.export.pptx.provenance import Provenance
from briefing.export.text import render
from tests.conftest import ROOT, briefing, write

INNER = "The \u201cFour Nos\u201d policy remains the core of Vietnam's defence doctrine."
WHOLE = '"Defence ties will grow step by step," a ministry spokesman said in Hanoi.'
WRAPPED = '"We do not take sides, and we do not host foreign military bases."'
STRAIGHT = 'Officials called it a "four nos" doctrine from the \'90s, not an alliance.'
APOSTROPHES = "Vietnam's \u2018hedging\u2019 in the '90s, rock 'n' roll."
NESTED = "\u201cHe told us \u201cthe \u2018four nos\u2019 still stand\u201d last week.\u201d"

NEWS = f"""Hanoi keeps its defence options open

HANOI, 12 March (Briefing Wire) - {INNER} Vietnam's officials repeat it at every meeting.

{WHOLE}

{WRAPPED}

{STRAIGHT}

Diplomats recalled an earlier talk. {NESTED}
"""

OUTLINE = """title: Quotes
sources: ../sources
themes: ../themes
slides:
  - title: Defence
    theme: defence-four-nos
    excerpts: 0
    pins:
"""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (INNER, "The \u2018Four Nos\u2019 policy remains the core of Vietnam's defence doctrine."),
        (WRAPPED, "We do not take sides, and we do not host foreign military bases."),
        (WHOLE, "'Defence ties will grow step by step,' a ministry spokesman said in Hanoi."),
        (STRAIGHT, "Officials called it a 'four nos' doctrine from the '90s, not an alliance."),
        (NESTED, "He told us \u2018the \u2018four nos\u2019 still stand\u2019 last week."),
        ("\u201eNein\u201c, sagte sie.", "\u201aNein\u2018, sagte sie."),
        (APOSTROPHES, APOSTROPHES),
        ('"Yes," he said, "we will."', "'Yes,' he said, 'we will.'"),
    ],
)
def test_display_keeps_one_pair_and_leaves_apostrophes(text: str, shown: str) -> None:
    assert display_quote(text) == shown
    start, end = quote_span(text)
    assert len(shown) == end - start  # one character for one: offsets map back to the source


def _deck(text: str) -> Deck:
    excerpt = Excerpt(SourceInfo(file="a.txt", publisher="Wire"), 0, len(text), text)
    return Deck(title="T", slides=(Slide(title="S", excerpts=(excerpt,)),))


def test_text_output_shows_inner_quotes_as_single_marks() -> None:
    out = render(_deck(INNER))
    assert "\u201cThe \u2018Four Nos\u2019 policy remains" in out
    assert "\u201cThe \u201cFour" not in out


def test_tui_quotation_uses_the_same_display() -> None:
    from briefing.tui.slide_view import quotation

    excerpt = _deck(WRAPPED).slides[0].excerpts[0]
    assert quotation(excerpt) == f"\u201c{display_quote(WRAPPED)}\u201d"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A project whose slide pins each hard case, built by the CLI: (root, outline, deck)."""
    root = tmp_path_factory.mktemp("quotes")
    write(root / "sources" / "wire.txt", NEWS)
    pins = "".join(
        f"      - source: wire.txt\n        quote: '{q.replace(chr(39), chr(39) * 2)}'\n"
        for q in (INNER, WHOLE, WRAPPED, STRAIGHT, NESTED)
    )
    outline = write(root / "outlines" / "deck.yaml", OUTLINE + pins)
    (root / "themes").mkdir()
    (root / "themes" / "defence-four-nos.yaml").write_bytes(
        (ROOT / "themes" / "defence-four-nos.yaml").read_bytes()
    )
    deck = root / "deck.pptx"
    result = briefing("build", outline, "-o", deck, cwd=root)
    assert result.returncode == 0, result.stderr
    return root, outline, deck


def _quotes(deck: Path) -> dict[str, tuple[str, Provenance]]:
    """Each quote shape's first paragraph, keyed by its first few words, with its provenance."""
    found = {}
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            prov = Provenance.parse(shape.name)
            if prov:
                text = shape.text_frame.paragraphs[0].text
                found[text[1:12]] = (text, prov)
    return found


def test_pptx_sets_every_quote_in_one_pair(built) -> None:
    root, _, deck = built
    quotes = _quotes(deck)
    source = (root / "sources" / "wire.txt").read_text(encoding="utf-8")
    assert len(quotes) == 5
    for original in (INNER, WHOLE, WRAPPED, STRAIGHT, NESTED):
        shown = display_quote(original)
        text, prov = quotes[shown[:11]]
        assert text == f"\u201c{shown}\u201d"
        assert text[1:-1].count("\u201c") + text[1:-1].count('"') == 0
        first, last = quote_span(original)
        at = source.index(original)
        assert (prov.start, prov.end) == (at + first, at + last)  # its words, verbatim there


def test_speaker_notes_keep_the_source_paragraph_verbatim(built) -> None:
    _, _, deck = built
    notes = [
        s.notes_slide.notes_text_frame.text
        for s in Presentation(str(deck)).slides
        if s.has_notes_slide
    ]
    assert any(INNER in n for n in notes)  # context is not inside slide marks: left as written


def test_json_text_stays_verbatim(built) -> None:
    import json

    root, outline, _ = built
    result = briefing("compose", outline, "--json", cwd=root)
    assert result.returncode == 0, result.stderr
    texts = [e["text"] for s in json.loads(result.stdout)["slides"] for e in s["excerpts"]]
    assert set(texts) == {INNER, WHOLE, WRAPPED, STRAIGHT, NESTED}


def test_verify_accepts_the_displayed_form_and_nothing_else(built, tmp_path: Path) -> None:
    root, outline, deck = built
    result = briefing("verify", deck, outline, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 quotes match" in result.stderr
    # Putting a double mark back where the slide shows a single one is an edit like any other.
    prs = Presentation(str(deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            if Provenance.parse(shape.name) and "\u2018Four" in shape.text_frame.text:
                run = shape.text_frame.paragraphs[0].runs[0]
                run.text = run.text.replace("\u2018Four", "'Four")
    edited = tmp_path / "edited.pptx"
    prs.save(str(edited))
    result = briefing("verify", edited, outline, cwd=root)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "quote edited" in lines[0], result.stdout


def test_a_shortened_whole_quotation_verifies_against_its_inner_words() -> None:
    from briefing.export.pptx.provenance import check_quote, quote_mark
    from briefing.export.pptx.slideplan import Item, _provenance

    source = 'Intro. "He said the \u201cfour nos\u201d stand, and more words follow here." End.'
    at = source.index('"He')
    text = source[at : source.index(" End.")]
    excerpt = Excerpt(SourceInfo(file="s.txt"), at, at + len(text), text)
    prefix = display_quote(text)[:31].rsplit(" ", 1)[0]  # "He said the ‘four nos’ stand,"
    prov = _provenance(Item("quote", prefix, excerpt, shortened=True))
    assert source[prov.start : prov.end] == "He said the \u201cfour nos\u201d stand,"
    assert check_quote(prov, quote_mark(prefix, shortened=True), source) is None
    as_source = prefix.replace("\u2018", "\u201c").replace("\u2019", "\u201d")
    assert check_quote(prov, quote_mark(as_source, shortened=True), source) is None
    mixed = quote_mark(prefix.replace("\u2018", "'").replace("\u2019", "'"), shortened=True)
    assert "quote edited" in (check_quote(prov, mixed, source) or "")
