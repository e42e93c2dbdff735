"""Attribution in records the readers had not met: a cable naming its interlocutor once and
then by office ("The Vice Minister said"), a broadcast's cued labels ("(VOICE-OVER) NAME:",
"(SOUNDBITE) NAME, ROLE:" over its words), written parliamentary answers with the answer under
the label, and a timestamped recording. Pages written for these tests, with negatives."""

from __future__ import annotations

import pytest

from tests.compose.attribution import who

CABLE = (
    "SUBJECT: LAOS: DEPUTY PM ON THE RAILWAY DEBT\n\n"
    "1. (SBU) SUMMARY: Deputy Prime Minister Khamphet Sounthone told the Charge on May 3 "
    "that the railway's debt was manageable. END SUMMARY.\n\n"
    "2. (SBU) The Deputy Prime Minister said Laos would repay the loans on schedule. He "
    "stressed that no port had been pledged as collateral.\n\n"
    "3. (SBU) Turning to dams, Khamphet said two projects on the Mekong had been delayed near "
    "the Khone Falls. He said Laos would share flow data with Cambodia.\n\n"
    "4. (SBU) Deputy Minister Vilay said the budget would be cut.\n"
)

BROADCAST = (
    "EVENING REPORT -- TRANSCRIPT\n\n"
    "ANCHOR (DANA WEBB): Tonight, a search in the hills of Quang Tri.\n\n"
    "(VOICE-OVER) OWEN PRICE: The team works from dawn. Each bucket of soil is sieved by hand.\n\n"
    "(SOUNDBITE) CAPT. LAURA MENDEZ, TEAM LEADER:\n"
    "We sieve every gram, and we will come back if the rain stops us.\n\n"
    "(VOICE-OVER) OWEN PRICE: The teams have worked here since 1988.\n\n"
    "ANCHOR (DANA WEBB): Owen Price reporting.\n"
)

WRITTEN_ANSWERS = (
    "Written questions and answers\n\n"
    "Laos: Railways\n\n"
    "Lord Tremont (Conservative):\n"
    "To ask His Majesty's Government what assessment they have made of Laos's railway debt.\n\n"
    "The Minister of State for the Indo-Pacific (Helen Marsh):\n"
    "We monitor the debt closely and raise transparency with the Lao government.\n\n"
    "We will continue to do so at every meeting.\n\n"
    "Laos: Dams\n\n"
    "The Parliamentary Under-Secretary for Development (Kofi Adjei):\n"
    "The UK funds the Mekong River Commission's flow monitoring.\n"
)

PODCAST = (
    "RIVER TALK, episode 12\n\n"
    "[00:00:05] Ana Ruiz: Welcome. With me is Somsak Chai from the Mekong Institute.\n\n"
    "[00:00:40] Somsak Chai: Thank you. The dams have cut the sediment by half.\n\n"
    "[00:02:10] Ana Ruiz: What should Laos do?\n\n"
    "[00:02:15] Somsak Chai: Publish the flow data every day.\n"
)

LIVE_BLOG = (
    "Live: flood updates\n\n"
    "[09:42] Hanoi: The river rose two metres overnight, the ministry said.\n\n"
    "[10:15] Hue: Schools are closed in three districts.\n\n"
    "[11:02] Update: Rain will ease by evening.\n"
)


@pytest.mark.parametrize(
    ("document", "excerpt", "name"),
    [
        (CABLE, "The Deputy Prime Minister said Laos would repay the loans", "Khamphet Sounthone"),
        (CABLE, "He said Laos would share flow data with Cambodia.", "Khamphet Sounthone"),
        (CABLE, "Turning to dams, Khamphet said two projects", "Khamphet Sounthone"),
        (BROADCAST, "The team works from dawn.", "Owen Price"),
        (BROADCAST, "We sieve every gram, and we will come back", "Laura Mendez"),
        (BROADCAST, "Tonight, a search in the hills of Quang Tri.", "Dana Webb"),
        (WRITTEN_ANSWERS, "We monitor the debt closely", "Helen Marsh"),
        (WRITTEN_ANSWERS, "We will continue to do so at every meeting.", "Helen Marsh"),
        (WRITTEN_ANSWERS, "The UK funds the Mekong River Commission", "Kofi Adjei"),
        (PODCAST, "The dams have cut the sediment by half.", "Somsak Chai"),
        (PODCAST, "Publish the flow data every day.", "Somsak Chai"),
    ],
)
def test_the_speaker_is_found(document: str, excerpt: str, name: str) -> None:
    credit = who(document, excerpt)
    assert credit is not None and name in credit, credit


def test_a_broadcast_label_in_capitals_is_credited_in_ordinary_case() -> None:
    assert who(BROADCAST, "Tonight, a search in the hills of Quang Tri.") == "Dana Webb"


@pytest.mark.parametrize(
    ("document", "excerpt"),
    [
        (LIVE_BLOG, "Schools are closed in three districts."),
        (LIVE_BLOG, "Rain will ease by evening."),
        (CABLE, "Deputy Minister Vilay said the budget would be cut."),
    ],
)
def test_no_one_else_is_credited(document: str, excerpt: str) -> None:
    """A live blog's times and places are no turns; a deputy minister is not the Deputy Prime
    Minister named before."""
    credit = who(document, excerpt)
    assert credit is None or "Khamphet" not in credit, credit


def test_a_sentence_end_before_a_pronoun_is_no_name() -> None:
    """ "... near the Khone Falls. He said": "Falls. He" is no speaker."""
    credit = who(CABLE, "He said Laos would share flow data with Cambodia.")
    assert credit is not None and "Falls" not in credit, credit
