"""Attribution in records the readers had not met: a cable naming its interlocutor once and
then by office ("The Vice Minister said"), a broadcast's cued labels ("(VOICE-OVER) NAME:",
"(SOUNDBITE) NAME, ROLE:" over its words), written parliamentary answers with the answer under
the label, and a timestamped recording. Pages written for these tests, with negatives."""

from __future__ import annotations

import pytest

from tests.compose.attribution import assert_credits, who

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


QUOTES_PAGE = (
    "The week in quotes\n\n"
    '"The river is lower than at any time in living memory."\n\n'
    "— Dr. Somchai Phanthavong, hydrologist, Mekong River Commission\n\n"
    '"We will keep the dams running."\n\n'
    "— Vong Sokha, spokesperson, Ministry of Mines and Energy\n\n"
    '"A quotation no one signed."\n\n'
    "The next issue is out on Friday.\n"
)

MINUTES = (
    "# Mekong Data Working Group\n\n"
    "## Minutes of the second meeting\n\n"
    "**Present:** Dr. Alice Fenwick (Mekong Institute), Chair; Mr. Bounmy Keola (Lao "
    "Ministry of Energy), Co-Chair; Ms. Priya Raman (World Bank)\n\n"
    "### 1. Opening\n\n"
    "The Chair welcomed members. The agenda was adopted.\n\n"
    "### 2. Flow data\n\n"
    "The Chair said the group would publish daily flow data from January.\n\n"
    "Ms. Raman presented the bank's study of the 2024 drought. Rainfall had fallen by a third "
    "in the upper basin. She thanked the Lao side for opening its gauges.\n"
)

APPEAL = (
    "HANOI - The minister, Tran Quoc Bao, chaired the investment forum. Furthermore, he "
    "directly appealed to chip makers to build plants in the north.\n"
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
        (QUOTES_PAGE, '"The river is lower than at any time in living memory."', "Somchai"),
        (QUOTES_PAGE, '"We will keep the dams running."', "Vong Sokha"),
        (MINUTES, "The Chair said the group would publish daily flow data", "Alice Fenwick"),
        (MINUTES, "Ms. Raman presented the bank's study of the 2024 drought.", "Priya Raman"),
        (MINUTES, "She thanked the Lao side for opening its gauges.", "Priya Raman"),
        (APPEAL, "Furthermore, he directly appealed to chip makers", "Tran Quoc Bao"),
    ],
)
def test_the_speaker_is_found(document: str, excerpt: str, name: str) -> None:
    assert_credits(document, excerpt, name)


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


def test_a_quotation_without_a_credit_line_is_no_ones() -> None:
    assert who(QUOTES_PAGE, '"A quotation no one signed."') is None


def test_a_co_chair_is_not_the_chair() -> None:
    credit = who(MINUTES, "The Chair said the group would publish daily flow data")
    assert credit is not None and "Keola" not in credit, credit


STANDFIRST_SPEECH = (
    "Embassy of Australia | Speeches\n\n"
    "Welcome: Remarks to the Mekong Water Forum\n\n"
    "The following are prepared remarks delivered on 3 May 2026 in Can Tho by Deputy Head of "
    "Mission a.i. Fiona M. Calder to delegates of the forum.\n\n"
    "Good morning. Our rivers do not stop at borders, and neither should our science.\n"
)

STORY_ABOUT_A_SPEECH = (
    "HANOI - Remarks to the Mekong Water Forum were brief this year.\n\n"
    "Our rivers do not stop at borders, the forum's report said.\n\n"
    "Delegates left early.\n"
)


def test_a_speech_named_in_its_standfirst_is_its_speakers() -> None:
    credit = who(
        STANDFIRST_SPEECH, "Our rivers do not stop at borders, and neither should our science."
    )
    assert credit == "Fiona M. Calder"
    assert who(STORY_ABOUT_A_SPEECH, "Delegates left early.") is None


def test_a_standfirst_naming_the_speaker_after_of() -> None:
    page = STANDFIRST_SPEECH.replace(
        "prepared remarks delivered on 3 May 2026 in Can Tho by Deputy Head of Mission a.i. "
        "Fiona M. Calder to delegates of the forum.",
        "the prepared remarks of Maj. Gen. Aaron T. Keel, Deputy Commander, at the forum.",
    )
    excerpt = "Our rivers do not stop at borders, and neither should our science."
    assert_credits(page, excerpt, "Aaron T. Keel")


PORT_CALL = (
    "HANOI - The frigate arrived on Monday.\n\n"
    "Colonel Đinh Văn Lực, deputy commander of the naval region, greets sailors at the port.\n\n"
    'Lực said the visit was routine and that Vietnam welcomed ships from every country. "We '
    'do not join alliances and we do not host bases," he said.\n'
)


def test_he_said_is_a_persons_not_a_countrys() -> None:
    """ "Vietnam welcomed ships" stands nearer than "Lực said", but "he" is a person: the
    colonel named in full before."""
    excerpt = '"We do not join alliances and we do not host bases," he said.'
    assert_credits(PORT_CALL, excerpt, "Đinh Văn Lực")


def test_a_head_of_state_named_with_his_country() -> None:
    page = STANDFIRST_SPEECH.replace(
        "prepared remarks delivered on 3 May 2026 in Can Tho by Deputy Head of Mission a.i. "
        "Fiona M. Calder to delegates of the forum.",
        "the prepared remarks of President Lê Minh Tâm of the Socialist Republic of Vietnam "
        "at the forum.",
    )
    credit = who(page, "Our rivers do not stop at borders, and neither should our science.")
    assert credit == "President Lê Minh Tâm", credit
