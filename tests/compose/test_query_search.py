"""The free search's query: quoted phrases, required words, and the words that say nothing."""

from __future__ import annotations

import pytest

from briefing.compose import query


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("the Vietnam", [("vietnam",)]),
        ("Vietnam and the United States", [("vietnam",), ("united",), ("states",)]),
        ('"of the people" by the people', [("of", "the", "people"), ("people",)]),
        ("U.S. to the", [("u", "s")]),
        ("the of", [("the",), ("of",)]),  # nothing else asked for: searched as given
        ('"the"', [("the",)]),
        ("the US and IT", [("us",), ("it",)]),  # a country and a trade, folded
        ("who and the WHO", [("who",), ("who",)]),
        ("four no's", [("four",), ("no", "s")]),
    ],
)
def test_unquoted_words_that_say_nothing_are_left_out_beside_others(text, required):
    match = query.search_match(text)
    assert match is not None
    assert list(match.all) == required
    assert query.search_terms(match) == tuple(w for words in required for w in words)


def test_a_search_of_punctuation_only_asks_for_nothing():
    assert query.search_match("?! --") is None
