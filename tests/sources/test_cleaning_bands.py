"""Cleaning tests each paragraph only against the rules its length allows, in the same order,
and only against the rules without triggers when it holds none of its band's triggers, so the
first rule that matches (the reason shown) is the one the full list finds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.sources import cleaning

LIMITS = sorted({r.max_len for r in cleaning._RULES})
TRIGGERS = sorted({t for r in cleaning._RULES for t in r.triggers})


def first_match(rules: tuple[cleaning.Rule, ...] | list[cleaning.Rule], body: str) -> str | None:
    lowered = body.lower()
    return next((r.reason for r in rules if cleaning._matches(r, body, lowered)), None)


@given(
    st.one_of(
        st.integers(0, 2_000_000), st.sampled_from([n + d for n in LIMITS for d in (-1, 0, 1)])
    )
)
def test_the_rules_for_a_length_are_the_full_lists_that_can_match(length: int) -> None:
    wanted = tuple(r for r in cleaning._RULES if length <= r.max_len)
    assert cleaning._rules_for(length, " ".join(TRIGGERS)) == wanted
    assert cleaning._rules_for(length, "") == tuple(r for r in wanted if not r.triggers)


PIECES = [*TRIGGERS, "Menu", "Home", "Close", "By Jane Doe", "a", "b", "|", ".", ":", "\u0130"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.sampled_from(["", " ", " | "]))
@example(["Photo", ":", "AP"], " ")
@example(["credit", ":"], "")
@example(["Home"], "")
@example(["By Jane Doe"], "")
def test_the_first_rule_matching_is_the_full_lists(pieces: list[str], gap: str) -> None:
    body = gap.join(pieces)
    shown = [p.title() if i % 2 else p for i, p in enumerate(pieces)]
    for text in (body, gap.join(shown)):
        lowered = text.lower()
        assert first_match(cleaning._rules_for(len(text), lowered), text) == first_match(
            cleaning._RULES, text
        )
