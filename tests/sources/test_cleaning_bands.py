"""Cleaning tests each paragraph only against the rules its length allows, in the same order,
so the first rule that matches (the reason shown) is the one the full list finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.sources import cleaning

LIMITS = sorted({r.max_len for r in cleaning._RULES})


@given(
    st.one_of(
        st.integers(0, 2_000_000), st.sampled_from([n + d for n in LIMITS for d in (-1, 0, 1)])
    )
)
def test_the_rules_for_a_length_are_the_full_lists_that_can_match(length: int) -> None:
    assert cleaning._rules_for(length) == tuple(r for r in cleaning._RULES if length <= r.max_len)
