"""Speaker names as reported speech writes them: plural voices in the present ("Analysts
say"), and a sentence's full stop that is not the name's."""

from __future__ import annotations

import pytest

from briefing.compose.names import clean_name
from tests.compose.attribution import who


def test_a_name_at_the_end_of_the_sentence_loses_the_full_stop():
    """A press release: the senator is named last in one paragraph, and the letter's words
    quoted in the next are credited to him, without the sentence's full stop, and by the full
    name the release gave him first."""
    document = (
        "WASHINGTON, D.C. - Sen. Ray Moss (D-Ore.) today led four senators in a letter on "
        "river dams.\n\n"
        '"The river does not stop at the border," said Sen. Moss.\n\n'
        '"We ask both governments to publish the flow data every week."'
    )
    assert who(document, '"The river does not stop at the border," said Sen. Moss.') == (
        "Sen. Ray Moss"
    )
    assert who(document, '"We ask both governments to publish the flow data every week."') == (
        "Sen. Ray Moss"
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Analysts say the new port will cut freight costs by a fifth.", "Analysts"),
        ("Farmers in the delta say the river is saltier every dry season.", "Farmers in the delta"),
        ("The senators also urge the State Department to publish the list.", "The senators"),
        (
            "Many foreign investors say the licensing rules remain unpredictable.",
            "Many foreign investors",
        ),
        (
            "Prices rose, and some EU lawmakers and industry groups argue that the mills "
            "dodge duties.",
            "some EU lawmakers and industry groups",
        ),
        ("Rights groups warn that at least 160 people are held for their posts.", "Rights groups"),
    ],
)
def test_plural_voices_in_the_present_are_reported_speech(sentence, expected):
    document = f"MANILA, May 3 - A lead paragraph.\n\n{sentence}\n\nAnother paragraph."
    assert who(document, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Exporters pay less now that the port has opened.",  # no reporting verb
        "The officials' notes say little about the loan.",  # the notes, not the officials
        "Engineers test the turbines every spring.",  # a verb that is not a report
    ],
)
def test_a_plural_subject_without_a_report_is_no_speaker(sentence):
    document = f"A lead paragraph.\n\n{sentence}\n\nAnother paragraph."
    assert who(document, sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thailand's energy ministry said the figures were two years old.",
            "Thailand's energy ministry",
        ),
        (
            "Thailand's energy ministry rejected the report, saying the figures were two "
            "years old.",
            "Thailand's energy ministry",
        ),
        (
            "The petition notes that the joint statement said nothing about the river and "
            "asks the council to stop the dam.",
            "The petition",
        ),
    ],
)
def test_bodies_documents_and_saying_clauses_are_credited(sentence, expected):
    document = f"BANGKOK, June 2 - A lead paragraph.\n\n{sentence}\n\nAnother paragraph."
    assert who(document, sentence) == expected


def test_he_urging_is_the_person_named_before():
    """ "During the trip, he ..., urging ...": he is the minister the story introduced."""
    document = (
        "Prime Minister Pham Van Lan flew to Tokyo on Monday for three days of talks.\n\n"
        "During the trip, he also met the finance minister, urging more loans for the metro."
    )
    excerpt = "During the trip, he also met the finance minister, urging more loans for the metro."
    assert who(document, excerpt) == "Prime Minister Pham Van Lan"


def test_a_participle_that_reports_nothing_is_no_speaker():
    sentence = "Vietnam signed the deal in 2016, adding a clause on labour rights."
    document = f"A lead paragraph.\n\n{sentence}\n\nAnother paragraph."
    assert who(document, sentence) is None
