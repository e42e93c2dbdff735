"""The segmenter never ends a sentence on a title or honorific that stands before a name."""

from __future__ import annotations

import pytest

from briefing.sources.segment import Span, sentences


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text, Span(0, len(text)))]


@pytest.mark.parametrize(
    "title",
    [
        "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Adm.", "Amb.", "Prof.", "Mr.", "Mrs.",
        "Ms.", "Dr.", "St.", "Sgt.", "Capt.", "Maj.", "Cmdr.", "Pres.", "Sec.",
    ],
)  # fmt: skip
def test_title_before_a_name_does_not_end_the_sentence(title):
    text = (
        f"The harbour visit was arranged by a senior adviser to {title} Harriet Okonkwo, "
        "who spoke to reporters on Tuesday. Nobody else commented."
    )
    assert split(text) == [
        f"The harbour visit was arranged by a senior adviser to {title} Harriet Okonkwo, "
        "who spoke to reporters on Tuesday.",
        "Nobody else commented.",
    ]


def test_title_after_a_comma_mid_list():
    text = "Guests included Adm. Chu, Sgt. Tan, Capt. Ho and Maj. Le of the coast guard."
    assert split(text) == [text]


def test_stacked_titles():
    text = "Amb. Rosa Lindqvist met Lt. Col. Tomas Brandt in St. Louis on Monday. It went well."
    assert split(text) == [
        "Amb. Rosa Lindqvist met Lt. Col. Tomas Brandt in St. Louis on Monday.",
        "It went well.",
    ]


@pytest.mark.parametrize("suffix", ["Jr.", "Sr."])
def test_suffix_before_a_name_joins(suffix):
    text = f"The award was named for Alvin Marsh {suffix} Foundation donors on Friday."
    assert split(text) == [text]


def test_suffix_can_still_end_a_sentence():
    text = "The prize went to Alvin Marsh Jr. He accepted it in person."
    assert split(text) == ["The prize went to Alvin Marsh Jr.", "He accepted it in person."]


def test_quoted_sentence_after_title_in_brackets():
    text = "It was signed (by Gov. Lena Park) in May. Then it lapsed."
    assert split(text) == ["It was signed (by Gov. Lena Park) in May.", "Then it lapsed."]


def _split_paragraphs(text: str) -> list[str]:
    from briefing.sources.segment import paragraphs

    return [text[s.start : s.end] for p in paragraphs(text) for s in sentences(text, p)]


@pytest.mark.parametrize(
    "opening",
    [
        "Lt. Gen. Ana Sousa closed the panel by praising the coast guards.",
        "**Lt. Col. Ivo Marsh**, a retired pilot, spoke next.",
        "__Adm. Kay Ruiz__, who led the drill, agreed.",
    ],
)
def test_stacked_titles_open_a_paragraph_after_another(opening):
    """At a paragraph's start, and inside markdown emphasis, a title still joins its name."""
    text = f"The first session ran long.\n\n{opening} Nobody else spoke."
    assert _split_paragraphs(text) == ["The first session ran long.", opening, "Nobody else spoke."]
