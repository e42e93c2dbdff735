"""The fast path goes on past a dotted token's full stop ("the U.S. President") as syntok does,
and leaves to syntok the split before a sentence starter ("in the U.S. The ...")."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.sources.segment import Span, fast_split
from tests.sources.test_segment_fast import check

DOTTED = [
    "U.S.",
    "U.K.",
    "p.m.",
    "a.m.",
    "D.C.",
    "U.S.A.",
    "e.g.",
    "(U.S.",
    "U.S.’s",
    "U.S.-Vietnam",
]
NEXT = ["President", "The", "It", "officials", "Secretary", "In", "He", "2024", "“Four", "Prime"]
GAPS = [" ", "  ", "\u00a0", "\n", "\t", " \u00a0"]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(DOTTED), st.sampled_from(GAPS), st.sampled_from(NEXT)),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["", "Talks in the ", "In April,\u00a0", "- "]),
)
@example([("U.S.", " ", "President")], "In April,\u00a0")
@example([("U.S.", " ", "The")], "Talks in the ")
def test_dotted_tokens_split_as_syntok_splits(parts: list[tuple[str, str, str]], lead: str) -> None:
    text = lead + " ".join(f"{d}{g}{w} spoke." for d, g, w in parts)
    check(text)  # wherever the fast path claims the paragraph, its sentences are syntok's


def test_a_dotted_token_before_a_plain_capital_is_claimed() -> None:
    assert check("The U.S. President spoke in Hanoi. It rained.")
    assert check("In April,\u00a0U.S. Secretary of State Antony Blinken traveled to Hanoi.")
    assert check("The meeting ended at 5 p.m. Monday with a joint statement.")


def test_a_dotted_token_before_a_sentence_starter_is_left_to_syntok() -> None:
    for text in ["The aid came from the U.S. The money arrived.", "Talks in the U.K. It rained."]:
        assert fast_split(text, Span(0, len(text))) is None, text
