"""The segmenter never ends a sentence on a title or honorific that stands before a name."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.sources import titles
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


def joined_as_before(text: str, spans: list[Span]) -> list[Span]:
    """join_titles as it was, searching each sentence for its title from its start."""
    if len(spans) < 2:
        return spans
    out = [spans[0]]
    for span in spans[1:]:
        prev = out[-1]
        title = titles._ENDS_ON_TITLE.search(text, prev.start, prev.end)
        nxt = titles._NEXT_WORD.match(text, span.start, span.end)
        if (
            title
            and title.group(1).lower() in titles.TITLES
            and nxt
            and nxt.group(1).lower() not in titles._OPENERS
        ):
            out[-1] = Span(prev.start, span.end)
        else:
            out.append(span)
    return out


PIECES = ["Sen.", "Lieut.", "Dr.", "Jr.", "U.S.", "A.", "x", "Peter", "the", "’", ".", "\n", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.sets(st.integers(1, 120)))
@example(["a", " ", "Lieut.", "\n", "Peter"], {9})
def test_a_title_searched_from_near_the_end_is_the_one_searched_from_the_start(
    pieces: list[str], cuts: set[int]
) -> None:
    """Sentences cut anywhere (any span may end on a title, a newline after it or not)."""
    text = "".join(pieces)
    bounds = [0, *sorted(c for c in cuts if c < len(text)), len(text)]
    spans = [Span(a, b) for a, b in itertools.pairwise(bounds) if b > a]
    assert titles.join_titles(text, spans) == joined_as_before(text, spans)
