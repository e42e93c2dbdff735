"""Speaker names as reported speech ends them: the sentence's full stop is not the name's."""

from __future__ import annotations

import pytest

from briefing.compose.names import clean_name
from briefing.compose.speaker import speaker


def _who(document: str, excerpt: str) -> str | None:
    start = document.index(excerpt)
    end = start + len(excerpt)
    para_start = document.rfind("\n\n", 0, start) + 2 if "\n\n" in document[:start] else 0
    para_end = document.find("\n\n", end)
    return speaker(document, start, end, para_start, len(document) if para_end < 0 else para_end)


def test_a_name_at_the_end_of_the_sentence_loses_the_full_stop():
    """A press release: the senator is named last in one paragraph, and the letter's words
    quoted in the next are credited to him, without the sentence's full stop."""
    document = (
        "WASHINGTON, D.C. - Sen. Ray Moss (D-Ore.) today led four senators in a letter on "
        "river dams.\n\n"
        '"The river does not stop at the border," said Sen. Moss.\n\n'
        '"We ask both governments to publish the flow data every week."'
    )
    assert _who(document, '"The river does not stop at the border," said Sen. Moss.') == (
        "Sen. Moss"
    )
    assert _who(document, '"We ask both governments to publish the flow data every week."') == (
        "Sen. Moss"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Gov. Anna Berg.", "Gov. Anna Berg"),
        ("Martin Cole Jr.", "Martin Cole Jr."),  # the stop belongs to "Jr."
        ("John F.", "John F."),  # an initial
        ("the U.S.", "the U.S."),  # an acronym
        ("Hoa Phat Co.", "Hoa Phat Co."),
        ("Nguyen Van Duc", "Nguyen Van Duc"),
    ],
)
def test_only_a_sentence_full_stop_is_dropped(raw, expected):
    assert clean_name(raw) == expected
