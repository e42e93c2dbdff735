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
