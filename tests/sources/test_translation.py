"""Machine-translation slips (agreement, a bare verb after a name, an adjective after its noun)
flag English translated from Vietnamese, Chinese, French or German, never clean English with
the hard cases, and never another language; a translated page ranks down but stays findable."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.compose.ranking import prior
from briefing.sources import translation
from briefing.sources.analysis import analyse, doc_quality
from briefing.sources.quality import sentence_quality
from briefing.sources.translation import declared_machine_translation, translation_slips

# Made-up pages in the style of machine translation, one per source language's slips.
VIETNAMESE = [
    "The seafood exports is the sector main of the province, the director said at the meeting.",
    "Therefore, Viet Nam wish to attract the investment and the technology from the partners.",
    "The ministry will build the port system sustainable and modern for the region.",
]
CHINESE = [
    "The new energy vehicles has become the pillar of the city, according to the report.",
    "Meanwhile, China hope to expand the cooperation in the field of the trade with Africa.",
    "Both sides agreed to deepen the partnership comprehensive and the trade in the time to come.",
]
FRENCH = [
    "The wine exports has fallen since the crisis, but the ministers found an accord.",
    "However, France desire to reinforce the presence in the region Indo-Pacific.",
    "It is a question of the autonomy strategic, the minister said to the press in Paris.",
]
GERMAN = [
    "The energy prices has since the spring strongly increased, said the minister.",
    "Furthermore, Germany intend to build the charging stations electric and the roads.",
    "The coalition wants a dialogue important, and the industry is ready for the talks.",
]

# Clean English in news, report and memo styles, with the hard cases for these rules.
CLEAN = [
    "The minerals industry is worth more than A$40 billion a year to the state.",
    "The news is better than expected, and the data is consistent with last year's survey.",
    "The committee is divided; the team are expected to report back in March.",
    "Attorney General Merrick Garland said the heir apparent would face a court martial.",
    "The Secretary General and the Surgeon General were present at the signing.",
    "Manchester United want a new striker, the club's manager said on Friday.",
    "Vietnam, Australia sign deal on critical minerals",
    "Australia and Vietnam want to expand trade in rare earths, officials said.",
    "Many Vietnamese want to study abroad, and most Chinese students hope to return.",
    "We kept the region stable and the supply chain sustainable for a decade.",
    "With the economy sustainable, the central bank left rates on hold.",
    "The two most important partners are Japan and South Korea.",
    "The series is produced in Hanoi; its analysis is careful, and the species is rare.",
    "The United States is committed to a free and open Indo-Pacific.",
    "Its crisis was brief, and the bus was late; the virus has not spread.",
    "Officials consider the agreement important for the region's security.",
    "These are the issues important to voters, and the reforms important for growth.",
    "A safe, secure and sustainable supply of critical minerals is the aim.",
    "Should Vietnam wish to join, the door is open, the envoy said.",
    "- Critical minerals: lithium, nickel and the rare earths",
    "\u201cThe rivers are long, the mountains high, and the night is electric,\u201d she read.",
    "The economics is simple: the politics is not.",
    "The physics has changed since the 1990s, the professor said.",
    "The number of values is the number of bits set, and the list of ports is long.",
    "All it does is raise the limit, and all this means is a delay.",
    "The relationship between mountpoints is set by the kernel.",
    "The idea always has been that the config should not change, and their use as tools is new.",
    "Is this request important and why?",
]


@pytest.mark.parametrize("sentence", VIETNAMESE + CHINESE + FRENCH + GERMAN)
def test_translated_english_is_flagged(sentence: str) -> None:
    assert translation_slips(sentence) >= 1
    assert sentence_quality(sentence) < 1.0


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_english_is_not_flagged(sentence: str) -> None:
    assert translation_slips(sentence) == 0
    assert sentence_quality(sentence) == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Preise is ein Wort, das nicht englisch ist, aber die Händler sagen es.",
        "Les ministres is une phrase qui ne veut rien dire pour les partenaires.",
        "Therefore, Viet Nam wish to tiếp tục hợp tác với các đối tác.",
        "Cả hai bên đồng ý, The minerals is một câu lẫn lộn trong văn bản này.",
    ],
)
def test_other_languages_are_not_judged_by_english_rules(sentence: str) -> None:
    assert translation_slips(sentence) == 0


def _page(title: str, sentences: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(sentences) + "\n"


def _document_prior(text: str) -> float:
    _doc, windows = analyse("page.txt", "0" * 40, text)
    return prior(60, doc_quality(windows.sentences, windows.garbled), False)


@pytest.mark.parametrize("slips", [VIETNAMESE, CHINESE, FRENCH, GERMAN])
def test_a_translated_page_ranks_below_a_clean_page(slips: list[str]) -> None:
    clean = _page("Ministers meet on trade", CLEAN[:3] + CLEAN[12:14])
    translated = _page("Ministers meet on trade", CLEAN[:2] + slips)
    assert _document_prior(clean) == prior(60, 1.0, False)
    assert _document_prior(translated) < 0.5 * _document_prior(clean)


def test_a_translated_page_stays_findable_but_ranks_down(tmp_path) -> None:
    from tests.conftest import briefing, write

    translated = _page("Ministers meet on seafood", VIETNAMESE + CHINESE + FRENCH)
    clean = _page("Ministers meet on seafood", [*CLEAN[:4], CLEAN[12]])
    clean = clean.replace("The minerals industry", "The seafood export industry")
    write(tmp_path / "sources" / "translated.txt", translated)
    write(tmp_path / "sources" / "clean.txt", clean)
    listed = briefing("sources", "--sources", "sources", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    block = listed.stdout.split("translated.txt", 1)[1]
    assert "low quality: ranked below clean text" in block
    found = briefing("search", "seafood", "--sources", "sources", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert "translated.txt" in found.stdout  # ranked down, never hidden
    assert found.stdout.index("clean.txt") < found.stdout.index("translated.txt")
    text = briefing("text", "sources/translated.txt", cwd=tmp_path)
    assert text.returncode == 0 and VIETNAMESE[1] in text.stdout


def test_the_index_is_rebuilt_when_these_rules_change() -> None:
    from briefing.sources import store
    from briefing.sources.code_version import module_sources

    # its rules score the windows a cached index holds
    assert "sources.translation" in module_sources(store.INDEXING_ROOTS)


def test_the_false_hit_scan_counts_flagged_sentences(tmp_path, monkeypatch, capsys) -> None:
    import gzip
    import sys

    from bench import scan_translation

    (tmp_path / "clean.txt").write_text(_page("Clean", CLEAN[:6]), encoding="utf-8")
    (tmp_path / "mt.txt.gz").write_bytes(gzip.compress(_page("MT", VIETNAMESE).encode()))
    monkeypatch.setattr(sys, "argv", ["scan_translation.py", str(tmp_path), "--show", "5"])
    scan_translation.main()
    out = capsys.readouterr().out
    assert ", 3 flagged:" in out and "mt.txt.gz: Therefore, Viet Nam wish" in out


@pytest.mark.parametrize(
    "declaration",
    [
        "(Translated automatically from Vietnamese)",
        "This article was machine-translated from Korean.",
        "Diese Seite wurde maschinell übersetzt.",
        "Article traduit automatiquement.",
        "Traducción automática del original en vietnamita.",
        "Translated by Google",
    ],
)
def test_a_page_declaring_a_machine_translation_gets_the_garbled_prior(declaration: str) -> None:
    page = f"Ministers meet on trade\n\n{declaration}\n\nThe ministers met on Tuesday in Hanoi.\n"
    assert declared_machine_translation(page)
    assert doc_quality(20, 0, declared_machine_translation(page)) == 0.3


def test_a_story_about_machine_translation_is_not_one() -> None:
    story = (
        "Translators face a new market\n\n"
        "HANOI - Interpreters at the ministry say that machine translation has changed their "
        "work: drafts arrive from Google Translate and the staff correct them, a deputy "
        "director said on Monday, adding that the ministry still pays for human checks of "
        "every treaty text and will keep doing so for as long as the law requires it.\n"
    )
    assert not declared_machine_translation(story)


DECLARED_PIECES = (
    "Translated automatically from Vietnamese",
    "MACHINE-TRANSLATED",
    "machine translation",
    "auto-translated",
    "Google Translate",
    "traduit automatiquement",
    "Traducción automática",
    "maschinell übersetzt",
    "AUTOMATISCH ÜBERSETZT",
    "automatisch vertaald",
    "dịch tự động",
    "Dịch Tự Động",
    "TRANſLATED AUTOMATICALLY",  # a long s: the case-insensitive pattern takes it for "s"
    "tranſlated by google",
    "the story",
    "(",
    ")",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(DECLARED_PIECES), st.sampled_from([" ", "\n", "", "x" * 130])),
        max_size=6,
    )
)
def test_the_declared_line_is_found_as_the_plain_pattern_finds_it(parts: list) -> None:
    page = "".join(piece + gap for piece, gap in parts)
    plain = bool(
        translation._DECLARED.search(page[:2000]) or translation._DECLARED.search(page[-2000:])
    )
    assert declared_machine_translation(page) == plain
