"""A position reported inside a turn or an answer is credited to the body that holds it."""

from __future__ import annotations

import pytest

from briefing.compose.reported import reported_body
from tests.compose.attribution import who


@pytest.mark.parametrize(
    ("excerpt", "body"),
    [
        (
            "I would add that the Laotian authorities reject the dam's critics; they say the "
            "studies were done and that the flows are unchanged.",
            "the Laotian authorities",
        ),
        (
            "Amnesty International says that nine editors are now in prison.",
            "Amnesty International",
        ),
        ("Phnom Penh says the canal will carry no warships.", "Phnom Penh"),
        ("Rights groups say the press law is used against critics.", "Rights groups"),
        (
            "We should note that China's foreign ministry denies any dredging.",
            "China's foreign ministry",
        ),
        (
            "The Indonesian Government insists that the reef is its own; it says the patrols "
            "are routine.",
            "The Indonesian Government",
        ),
    ],
)
def test_a_wholly_reported_position_names_its_body(excerpt, body):
    assert reported_body(excerpt) == body


@pytest.mark.parametrize(
    "excerpt",
    [
        # The speaker goes on in their own voice: the excerpt is theirs.
        "I would add that the Laotian authorities reject the dam's critics. We do not accept that.",
        "Phnom Penh said the canal will carry no warships; that is not our reading.",
        # A member answering another member, or the House's own offices.
        "The hon. Lady says that we have done nothing.",
        "The Foreign Secretary said the talks went well.",
        "The Minister said in January that the survey would be published.",
        "The Government reject that claim.",
        # A sentence's capital, not a name; and no body named at all.
        "Investors say reliable power matters most.",
        "The authorities say the prisoners broke the law.",
        # Not reported speech.
        "Cambodia's leaders do not welcome that message, and they tell us so.",
        "The United States upgraded its relationship with Laos in 2023.",
        "We raise our concerns about the editors regularly.",
        # Found by running the rule over the quality set's transcripts and interviews: a
        # pronoun, a document's figures, the speaker's own "I will also say", "call us", and
        # a report the speaker goes on to endorse in the same sentence.
        "It says, correctly, that the reef has been held for decades.",
        "Laos's own figures say the river carried more silt last year.",
        "I will also say, since we rarely get the chance, that trade matters.",
        "Now the ministries call us.",
        "Rights groups say the press law is misused, and from what I see I would not dispute it.",
    ],
)
def test_the_speakers_own_words_report_no_body(excerpt):
    assert reported_body(excerpt) is None


RECORD = """Cambodia: Detained Editors

1. Fiona Marsh (Bath) (LD): What representations he has made on the detained editors.

The Minister for Asia (Mr Owen Tredegar): We raise the editors' cases at every meeting.

Amnesty International says that nine editors are now in prison.

I would add that the Cambodian authorities reject the framing; they say the editors broke the law.

We do not accept that. The law is used against critics.

Fiona Marsh: Will he meet the families?

Mr Colin Pruitt (Wells) (Con): Human Rights Watch says that nine editors are held without trial.

Mr Tredegar: Yes, I will.
"""


def test_a_ministers_report_of_another_governments_position_credits_that_government():
    report = "I would add that the Cambodian authorities reject the framing; they say the editors"
    assert who(RECORD, report + " broke the law.") == (
        "the Cambodian authorities, as reported by Owen Tredegar"
    )
    assert who(RECORD, "Amnesty International says that nine editors are now in prison.") == (
        "Amnesty International, as reported by Owen Tredegar"
    )
    assert who(RECORD, "We raise the editors' cases") == "Owen Tredegar"
    assert who(RECORD, "We do not accept that. The law is used against critics.") == "Owen Tredegar"
    assert who(RECORD, "Yes, I will.") == "Owen Tredegar"


def test_a_report_read_from_the_turns_label_on_credits_the_body():
    paragraph = (
        "Mr Colin Pruitt (Wells) (Con): Human Rights Watch says that nine editors are held "
        "without trial."
    )
    assert who(RECORD, paragraph) == "Human Rights Watch, as reported by Colin Pruitt"
    assert who(RECORD, "Fiona Marsh: Will he meet the families?") == "Fiona Marsh"


def test_an_interviewees_report_of_a_ministrys_position_credits_the_ministry():
    document = (
        "We spoke with Dr. Mai Anh Tuan about power.\n\n**Q: Will the dam harm fisheries?**\n\n"
        "**A:** Vientiane says the dam will not harm fisheries downstream.\n\n"
        "**Q: And you?**\n\n**A:** I think it will, and the data show it."
    )
    report = "Vientiane says the dam will not harm fisheries downstream."
    assert who(document, report) == "Vientiane, as reported by Dr. Mai Anh Tuan"
    assert who(document, "I think it will") == "Dr. Mai Anh Tuan"
