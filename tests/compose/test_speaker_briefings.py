"""Press briefings, interviews of other shapes, and organisations as speakers."""

from __future__ import annotations

from tests.compose.attribution import who

BRIEFING = """MINISTRY OF TRADE OF THE REPUBLIC OF ARDENIA

Remarks by Press Officer Lina Okoro at the weekly briefing, Monday, 3 March

Question (Harbour Daily): The port authority has raised fees again. Why?

Press Officer Lina Okoro: Fees follow costs. Dredging the channel doubled in price last year.

The ministry has asked the authority to publish its accounts every quarter.

Q (Radio West): Will fishing boats pay the new fee?

Press Officer Lina Okoro: No. Boats under twelve metres remain exempt, as they always were.

Source: Ministry of Trade, press office.
"""


def test_a_briefers_answer_after_a_labelled_question_is_the_briefers():
    assert who(BRIEFING, "Dredging the channel doubled in price") == "Press Officer Lina Okoro"
    assert who(BRIEFING, "Boats under twelve metres remain exempt") == "Press Officer Lina Okoro"


def test_a_briefers_answer_going_on_in_a_second_paragraph_is_still_the_briefers():
    excerpt = "The ministry has asked the authority to publish its accounts every quarter."
    assert who(BRIEFING, excerpt) == "Press Officer Lina Okoro"


def test_a_briefings_questions_and_colophon_are_no_ones():
    assert who(BRIEFING, "The port authority has raised fees again.") is None
    assert who(BRIEFING, "Ministry of Trade, press office.") is None


INTERVIEW = """# Rivers do not stop at borders

*The Delta Review talks to hydrologist Anh Dao Minh about dams and salt.*

---

**The Delta Review: How fast is the salt moving inland?**

**Anh Dao Minh:** Faster every dry season. Last March it reached sixty kilometres.

**Who is to blame?**

Upstream dams hold back the water when the delta needs it most.

**What should Hanoi do?**

Share data with Phnom Penh first, then argue.
"""

# The same interview with an introduction that does not say who is interviewed.
UNINTRODUCED = INTERVIEW.replace(
    "*The Delta Review talks to hydrologist Anh Dao Minh about dams and salt.*",
    "*Dams and salt, in a conversation edited for length.*",
)


def test_an_interviewee_introduced_as_talked_to_with_a_role_before_the_name():
    assert who(INTERVIEW, "Upstream dams hold back the water") == "Anh Dao Minh"


def test_an_interviewee_named_only_by_the_answer_labels():
    assert who(UNINTRODUCED, "Upstream dams hold back the water") == "Anh Dao Minh"
    assert who(UNINTRODUCED, "Share data with Phnom Penh first") == "Anh Dao Minh"
    assert who(UNINTRODUCED, "How fast is the salt moving inland?") is None


def test_answer_labels_of_two_people_name_no_one():
    document = UNINTRODUCED.replace(
        "**What should Hanoi do?**\n\n", "**What should Hanoi do?**\n\n**Le Van Hung:** "
    )
    assert who(document, "Upstream dams hold back the water") is None


WIRE = """VIENTIANE (Wire) - Two more teams will search for missing airmen this year.

According to the U.S. embassy, the teams will work in Savannakhet and Xieng Khouang.
The embassy said the searches "are a promise kept to the families."

The Lao health department reported no new cases of dengue in the province.

A spokesman for the Mekong River Commission said the water level was normal.
"""


def test_according_to_an_organisation_with_an_abbreviation_names_it():
    assert who(WIRE, "According to the U.S. embassy, the teams") == "the U.S. embassy"


def test_an_organisation_that_said_is_the_speaker():
    excerpt = 'The embassy said the searches "are a promise kept to the families."'
    assert who(WIRE, excerpt) == "the U.S. embassy"


def test_an_organisations_report_of_facts_is_its_own_voice_only_with_a_speech_verb():
    assert who(WIRE, "The Lao health department reported no new cases") is None
    assert (
        who(WIRE, "A spokesman for the Mekong River Commission said the water level was normal.")
        == "A spokesman for the Mekong River Commission"
    )


def test_a_briefers_label_of_five_words_with_a_role():
    document = BRIEFING.replace("Press Officer Lina Okoro", "Deputy Press Officer Lina Okoro")
    assert who(document, "Boats under twelve metres") == "Deputy Press Officer Lina Okoro"
