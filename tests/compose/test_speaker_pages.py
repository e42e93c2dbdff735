"""Reported speech as saved pages and podcasts write it: markdown emphasis on names, a
pronoun after the sentence that names its person, "by saying", a concern raised, a person
named in full once and by title later, and a podcast host's questions."""

from __future__ import annotations

import pytest

from tests.compose.attribution import who

PANEL = (
    "The forum opened on a wet Tuesday.\n\n"
    "**Rear Adm. Carla Mendes**, who commands the southern fleet, spoke first. She said that "
    "the drills would go on, and that no partner would be turned away.\n\n"
    "In the debate, **Dr. Jonas Weir**, a fellow at a Sydney institute, said Canberra's main "
    "worry was not war but drift. Patrol boats had been shadowed near the reef, he said, and "
    "the ministry knew it.\n\n"
    "Adm. Mendes closed the forum by saying that trust had to be earned at sea."
)


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        # the pronoun's person is named in the excerpt's own first sentence, inside **...**
        (
            "**Rear Adm. Carla Mendes**, who commands the southern fleet, spoke first. She said "
            "that the drills would go on, and that no partner would be turned away.",
            "Rear Adm. Carla Mendes",
        ),
        # "said Canberra's main worry": a possessive after "said" is the report, not a name
        (
            "Patrol boats had been shadowed near the reef, he said, and the ministry knew it.",
            "Dr. Jonas Weir",
        ),
        # "by saying that", and the title and surname widened to the name given in full
        (
            "Adm. Mendes closed the forum by saying that trust had to be earned at sea.",
            "Rear Adm. Carla Mendes",
        ),
    ],
)
def test_a_panel_summary_credits_each_speaker(excerpt, expected):
    assert who(PANEL, excerpt) == expected


def test_said_before_a_possessive_or_a_clause_names_no_one():
    for sentence in (
        "The adviser, speaking at the forum, said Manila's real concern was the shoals.",
        "A second paper, published in May, said Jakarta would wait for the ruling.",
    ):
        found = who(f"Intro.\n\n{sentence}\n\nMore.", sentence)
        assert found not in ("Manila's", "Manila", "Jakarta"), found


def test_a_concern_raised_is_a_position_voiced():
    sentence = (
        "The European Union raised concerns about press freedom and the detention of two "
        "reporters, and both sides agreed to meet again in March."
    )
    assert who(f"Intro.\n\n{sentence}\n\nMore.", sentence) == "The European Union"


PODCAST = """# The Harbour Hour, Episode 12

*A podcast on ports and power.*

**Ines Duarte:** Welcome back. I'm Ines Duarte. My guest today is Prof. Kwame Boateng, who \
studies shipping lanes at a university in Accra. Kwame, welcome.

**Prof. Kwame Boateng:** Thanks for having me.

**Ines Duarte:** Where do the trawlers go now?

**Prof. Kwame Boateng:** Further out every year. Some follow the tuna past the shelf, where \
foreign patrol ships board them and take the catch. So a coastal problem turns into a naval one.

**Ines Duarte:** That sounds grim. Let's talk money.
"""


def test_a_podcast_guest_answers_the_hosts_named_questions():
    excerpt = "Some follow the tuna past the shelf, where foreign patrol ships board them"
    assert who(PODCAST, excerpt) == "Prof. Kwame Boateng"
    assert who(PODCAST, "That sounds grim.") is None  # the host is the page's own voice


def test_a_heading_after_a_named_question_is_no_answer():
    document = (
        "Ruth Okafor: Will he publish the survey in full?\n\n"
        "Laos: Hydropower Exports\n\n"
        "The dams were raised at the summit."
    )
    assert who(document, "Laos: Hydropower Exports") is None
