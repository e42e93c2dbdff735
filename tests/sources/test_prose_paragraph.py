"""A paragraph is prose when it has MIN_PROSE_WORDS words and a sentence mark; the test splits
the paragraph only as far as it needs to, and must say what counting every word says."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.sources.analysis import MIN_PROSE_WORDS, _is_prose
from briefing.sources.span import Span

WORDS = ["a", "bb", ".", "!", "?", "x.", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\x1c"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.integers(0, 3), st.integers(0, 3))
@example(["a", " "] * 7 + ["."], 0, 0)
@example(["a", " "] * 8 + ["   ."], 0, 0)
@example(["  "] + ["a", " "] * 8 + ["!"], 1, 0)
def test_prose_is_judged_as_counting_every_word(parts: list[str], cut: int, trim: int) -> None:
    text = "".join(parts)
    span = Span(min(cut, len(text)), max(min(cut, len(text)), len(text) - trim))
    body = text[span.start : span.end]
    plain = len(body.split()) >= MIN_PROSE_WORDS and any(c in body for c in ".!?")
    assert _is_prose(text, span) == plain
