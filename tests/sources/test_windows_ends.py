"""A window's last sentence must end on a sentence mark: the quick test says what the
pattern says, for any text."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from briefing.sources.analysis import ENDS_PATTERN, _ends_sentence

MARKS = st.text(alphabet=list('ab .!?"”’)]([\n\t'), max_size=12)


@given(MARKS | st.text(max_size=12))
@example("It ended.\n")
@example("It ended.\n\n")
@example("“It ended.”)")
@example("It ended. then")
def test_quick_test_matches_the_pattern(body: str) -> None:
    assert _ends_sentence(body) == (re.search(ENDS_PATTERN, body) is not None)
