"""Corpus: cleaning, segmentation, quality and metadata on the real seeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.sources.analysis import Window, analyse, doc_quality
from briefing.sources.library import Library
from briefing.sources.segment import Span, paragraphs, sentences
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"

# Boilerplate from the seeds' web captures; none of it may be indexed, let alone quoted.
BOILERPLATE = [
    "Photo by AFP",
    "Photo by VnExpress",
    "Credit: AP Photo",
    "Print Friendly",
    "PDF version",
    "Translate / Dịch",
    "vous acceptez l’utilisation de traceurs",
    "Fermer",
    "Subscribe Newsletter",
    "Click here to subscribe",
    "story of the week",
    "© Commonwealth of Australia",
    "Creative Commons",
    "Inquiries regarding the licence",
    "ASEAN Beat | Diplomacy",
    "go to top",
    "By Jonathan Stromseth – Nikkei Asia",
]


@dataclass
class Analysed:
    """One seed's analysis, both phases, as the tests read it."""

    windows: list[Window]
    noise: list[tuple[int, int, str]]
    meta: dict[str, object]
    quality: float


@pytest.fixture(scope="module")
def analyses() -> dict[str, tuple[str, Analysed]]:
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc, result = analyse(path.name, "sha", text)
        quality = doc_quality(result.sentences, result.garbled)
        found[path.name] = (text, Analysed(result.windows, doc.noise, doc.meta, quality))
    return found


def test_no_boilerplate_reaches_any_window(analyses) -> None:
    for name, (text, doc) in analyses.items():
        for window in doc.windows:
            quote = text[window.start : window.end]
            for noise in BOILERPLATE:
                assert noise not in quote, f"{name}: boilerplate {noise!r} in window {quote!r}"


def test_cleaning_names_what_it_removed(analyses) -> None:
    reasons = {r for _, (_, doc) in analyses.items() for _, _, r in doc.noise}
    expected = {
        "cookie banner",
        "subscribe prompt",
        "print/share widget",
        "PDF link",
        "translate widget",
        "photo caption or credit",
        "licence or copyright",
        "navigation",
        "byline",
    }
    assert expected <= reasons


def test_repeated_photo_captions_are_removed(analyses) -> None:
    text, doc = analyses["000_ecb1a75b14719fb7.txt"]
    caption = "in an official reception ceremony at the Presidential Palace"
    assert text.count(caption) == 2
    for window in doc.windows:
        assert caption not in text[window.start : window.end]


def test_raw_text_is_untouched_and_spans_are_trimmed(analyses) -> None:
    for name, (text, doc) in analyses.items():
        assert text == (SEEDS / name).read_text(encoding="utf-8")
        for window in doc.windows:
            quote = text[window.start : window.end]
            assert quote == quote.strip() and quote, (name, window)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. President Joe Biden met Dr Vu Lam in Hanoi. They talked.",
            ["U.S. President Joe Biden met Dr Vu Lam in Hanoi.", "They talked."],
        ),
        (
            "Biden and Trong met on Sept. 10, 2023. Trade topped $100 billion.",
            ["Biden and Trong met on Sept. 10, 2023.", "Trade topped $100 billion."],
        ),
        (
            "“We are partners,” he said. “Not allies.” The U.S. agreed.",
            ["“We are partners,” he said.", "“Not allies.”", "The U.S. agreed."],
        ),
    ],
)
def test_sentences_keep_abbreviations_and_quotes(text: str, expected: list[str]) -> None:
    found = [text[s.start : s.end] for s in sentences(text, Span(0, len(text)))]
    assert found == expected


def test_paragraphs_split_bullets_and_join_wrapped_lines() -> None:
    text = (
        "Executive summary\n\n"
        "  • First point ends here.\n  • Second point ends here.\n\n"
        "This paragraph is hard-wrapped at a fixed width by an editor so\n"
        "that it continues on the next line without a blank line.\n"
    )
    found = [text[p.start : p.end] for p in paragraphs(text)]
    assert found[0] == "Executive summary"
    assert found[1] == "• First point ends here."
    assert found[2] == "• Second point ends here."
    assert found[3].startswith("This paragraph") and found[3].endswith("blank line.")


def test_garbled_rewrite_scores_below_clean_sources(analyses) -> None:
    garbled = analyses["003_06edac9f7beaf37f.txt"][1].quality
    clean = [doc.quality for name, (_, doc) in analyses.items() if not name.startswith("003")]
    assert garbled < 0.7
    assert min(clean) > 0.9


def test_metadata_is_extracted_where_the_page_states_it(analyses) -> None:
    meta = analyses["002_a30051e82dc3743c.txt"][1].meta
    assert meta["author"] == "Jonathan Stromseth"
    assert meta["publisher"] == "Nikkei Asia"
    assert str(meta["date"]) == "2023-09-18"
    by_danh = analyses["000_ecb1a75b14719fb7.txt"][1].meta
    assert by_danh["author"] == "Thanh Danh"
    # 001 has no byline: author stays unknown rather than guessed
    assert analyses["001_84d810a602726e3f.txt"][1].meta["author"] is None


def test_catalogue_overrides_extraction_and_says_unknown(project: Path) -> None:
    library = Library(project / "seeds")
    try:
        stromseth = library.info("002_a30051e82dc3743c.txt")
        assert stromseth.short_citation() == "Stromseth, Nikkei Asia, 18 Sep 2023"
        lam = library.info("004_e7211fdc0900ced7.txt")
        assert lam.short_citation().startswith("Vu Lam, Parliamentary Library")
        unknown = library.info("003_06edac9f7beaf37f.txt")
        assert unknown.author is None and unknown.date is None
        assert unknown.full_citation() == (
            "Author unknown, “Is a US-Vietnam strategic partnership likely to happen soon?”, "
            "publisher unknown, date unknown"
        )
    finally:
        library.close()


def test_everything_after_a_copyright_footer_is_dropped(analyses) -> None:
    text, doc = analyses["004_e7211fdc0900ced7.txt"]
    removed = [text[s:e] for s, e, _ in doc.noise]
    assert any(r.startswith("This work has been prepared") for r in removed)
    assert any(r.startswith("Any concerns or complaints") for r in removed)
