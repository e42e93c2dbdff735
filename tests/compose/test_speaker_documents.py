"""Whole documents whose shape says who speaks: a speech as delivered, a House hearing's
"Mr. SMITH." turns, a ministry's briefing whose answers are only labelled "A:", and a
magazine Q&A whose standfirst names the interviewer after "talked to"."""

from __future__ import annotations

from tests.compose.attribution import who

SPEECH = """Remarks by Secretary of State Marco Reyes at the National University, Hanoi

As Delivered

SECRETARY REYES: Thank you. Thank you so much. (Applause.) It is an honour to be back.

Thirty years ago our two countries chose to look forward. (Applause.) The United States \
will keep investing in that choice, in your universities and in your clean energy.

As your late President said, nothing is more precious than independence and freedom. We \
agree, and we will stand by your right to choose your own partners. (Applause.)

Thank you all very much. (Applause.)
"""


def test_a_speech_as_delivered_is_its_speakers_throughout():
    excerpt = "The United States will keep investing in that choice"
    assert who(SPEECH, excerpt) == "Secretary of State Marco Reyes"
    # the speaker quoting someone else is still speaking
    assert (
        who(SPEECH, "We agree, and we will stand by your right") == "Secretary of State Marco Reyes"
    )


# A headline that opens like a speech's title, over a news story: not the speaker's words.
SPEECH_NEWS = """Speech by Xi signals a softer line on the sea

Analysts in Hanoi read the address as an olive branch. The trade talks resume in June.
"""


def test_a_news_story_about_a_speech_is_not_the_speech():
    assert who(SPEECH_NEWS, "The trade talks resume in June.") is None


HEARING = """THE UNITED STATES AND VIETNAM: A PARTNERSHIP AT THIRTY

HEARING BEFORE THE SUBCOMMITTEE ON ASIA AND THE PACIFIC

    Chairman CASTRO. The subcommittee will come to order. We meet to \
examine the partnership thirty years on.

    Mr. SMITH of New Jersey. Thank you, Mr. Chairman. I remain troubled \
that bloggers are jailed for their posts.

    Chairman CASTRO. Ambassador, you have five minutes.

    Ambassador KNAPPER. Thank you. Vietnam is now our seventh largest \
trading partner, and the relationship has never been broader.

    Mr. SMITH of New Jersey. Will you raise the bloggers' cases in Hanoi?

    Ambassador KNAPPER. We raise them at every meeting.
"""


def test_a_house_hearings_period_labels_are_turns():
    assert who(HEARING, "I remain troubled that bloggers are jailed") == "Mr. Smith"
    assert who(HEARING, "Vietnam is now our seventh largest") == "Ambassador Knapper"
    assert who(HEARING, "We meet to examine the partnership") == "Chairman Castro"


BRIEFING = """Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 3, 2026

Q: The Philippines says a Chinese ship fired water cannon at its boat on Sunday. \
What is your response?

A: The Philippine vessel intruded into the waters adjacent to Ren'ai Jiao without \
permission. The China Coast Guard took necessary measures in accordance with the law.

Q: Can you confirm the foreign minister's visit to Hanoi?

A: We will release information in due course.
"""


def test_a_briefings_answers_are_the_spokesperson_named_in_its_title():
    assert who(BRIEFING, "The China Coast Guard took necessary measures") == "Lin Jian"
    assert who(BRIEFING, "We will release information in due course.") == "Lin Jian"
    assert who(BRIEFING, "What is your response?") is None


MAGAZINE = """# "The delta is sinking faster than the sea is rising"

The hydrologist Tran Minh Duc has spent twenty years measuring the Mekong delta. He \
talked to Lena Vogt about sand, dams and salt.

**LENA VOGT:** How fast is the delta sinking?

**TRAN MINH DUC:** In places three centimetres a year, ten times faster than the sea rises.

**VOGT:** Who is to blame?

**DUC:** Mostly us. We pump the groundwater and dredge the sand.
"""


def test_a_magazine_qa_credits_the_interviewee_not_the_one_he_talked_to():
    assert who(MAGAZINE, "In places three centimetres a year") == "Tran Minh Duc"
    assert who(MAGAZINE, "We pump the groundwater and dredge the sand.") == "Tran Minh Duc"
    assert who(MAGAZINE, "Who is to blame?") is None


STATE = """Department Press Briefing

Matthew Miller, Department Spokesperson
Washington, DC

MR MILLER: Good afternoon, everyone. The Secretary will travel to Hanoi next week.

QUESTION: Will he raise the case of the jailed bloggers?

MR MILLER: We raise human rights at every meeting with the Vietnamese Government.
"""


def test_a_briefings_shouted_labels_are_the_spokesperson_its_title_names():
    # the place on the line after the title is not the spokesperson
    assert who(STATE, "We raise human rights at every meeting") == "Matthew Miller"
    # the opening statement too: "MR MILLER" is Matthew Miller, whatever the case
    assert who(STATE, "The Secretary will travel to Hanoi next week.") == "Matthew Miller"
    assert who(STATE, "Will he raise the case of the jailed bloggers?") is None
