"""Attribution on page shapes the sixth blind part met and the rules had not: a host's turn
that asks nothing, a speech under its site's header, a witness named by family name first, a
view reported by pronoun, a briefing naming its spokesperson after a colon, and a communiqué
named in a clause between it and its verb. Pages written for these tests."""

from __future__ import annotations

import pytest

from tests.compose.attribution import who

PODCAST = (
    "# Mekong Currents, episode 41\n\n"
    "**Dana Whitfield:** Welcome back. Is the delta still sinking?\n\n"
    "**Phạm Quốc Bảo:** Yes, by about two centimetres a year in some districts, mostly "
    "because of groundwater pumping.\n\n"
    "**Dana Whitfield:** The provinces have promised to cap pumping by 2030. They also "
    "promised new reservoirs.\n\n"
    "**Phạm Quốc Bảo:** The caps matter more than the reservoirs, and the caps are not yet "
    "enforced in most districts.\n\n"
    "**Dana Whitfield:** Thank you for joining us.\n"
)

SPEECH = (
    "Embassy of Australia in Vietnam | Newsroom\n\n"
    "Remarks by High Commissioner Fiona Calder at the Opening of the Can Tho Water Lab\n\n"
    "Can Tho, 3 March 2026\n\n"
    "Thank you all for coming. (Applause.)\n\n"
    "Our two countries share rivers that do not respect borders, and we will keep funding "
    "the science that keeps them alive.\n"
)

NEWS_WITH_LINKS = (
    "Related: Remarks by the Prime Minister at the Mekong Summit\n\n"
    "HANOI - The water lab opened on Tuesday. Our two countries share rivers, the "
    "lab's director wrote in its annual report.\n\n"
    "The lab cost $4 million and employs thirty scientists.\n"
)

HEARING = (
    "HEARING BEFORE THE SUBCOMMITTEE ON ASIA\n\n"
    "WITNESSES\n\n"
    "Mr. Kim Min-jun, Director, Seoul Maritime Institute\n"
    "Dr. Alice Porter, Professor, Lakeside University\n\n"
    "Mr. BRANDT. The subcommittee will come to order. I recognize Mr. Kim.\n\n"
    "Mr. KIM. Thank you, Chairman. Shipyards in Ulsan have repaired three American supply "
    "ships this year, and more will follow.\n\n"
    "Dr. PORTER. I agree with Mr. Kim on the shipyards.\n\n"
    "Mr. BRANDT. Thank you both.\n"
)

SHARED_FAMILY_NAME = (
    "HEARING ON MEKONG DAMS\n\n"
    "WITNESSES\n\n"
    "Ms. Tran Thi Mai, Mekong Watch\n"
    "Mr. Tran Van Long, River Council\n\n"
    "Mr. ODUYA. I recognize Ms. Tran.\n\n"
    "Ms. TRAN. Thank you. The dams upstream have cut the sediment reaching the delta by half.\n\n"
    "Mr. ODUYA. Thank you.\n"
)

VIEW = (
    "VIENTIANE - Laos has asked donors for more money to clear bombs. Sengphet Keola, who "
    "heads the national clearance authority, said the work would take another century at "
    "the present pace. In his view, the data shared by the United States had doubled the "
    "teams' output. Officials in the capital agreed.\n\n"
    "The programme began in 1996.\n"
)

BRIEFING = (
    "MINISTRY OF FOREIGN AFFAIRS OF THE KINGDOM OF THAILAND\n\n"
    "WEEKLY PRESS BRIEFING\n\n"
    "Spokesperson: Kanya Srisuk, Director-General of the Department of Information\n\n"
    "Q: (AFP) Will Thailand join the patrols?\n\n"
    "A: Thailand supports freedom of navigation and will decide on patrols with its "
    "neighbours.\n"
)

COMMUNIQUE = (
    "SINGAPORE - Ministers met for two days.\n\n"
    "The joint statement released after the talks, which officials called the Marina Bay "
    "Declaration, said the ministers would meet again in June.\n\n"
    "The joint communiqué adopted on Friday, after a long night of talks, said the "
    "ministers welcomed the hotline.\n"
)


RADIO = (
    "NORTHERN SERVICE RADIO - EVENING REPORT\n"
    "Broadcast transcript, 3 May 2026\n\n"
    "ANCHOR (Mira Solberg): Tonight, the canal. Our correspondent Tomas Heyd is in Phnom Penh.\n\n"
    "REPORTER (Tomas Heyd): Mira, the canal's first section opened on Monday. I spoke to "
    "Dr. Sok Chenda, who studies the river's sediment.\n\n"
    "DR. SOK CHENDA: The canal takes water when the delta needs it most.\n\n"
    "ANCHOR: Tomas, will Vietnam protest?\n\n"
    "REPORTER: It already has. The dredging continues, and both governments say they will "
    "keep talking about the flow.\n"
)

KEYNOTE = (
    "Mekong Energy Forum 2026 | Transcripts\n\n"
    "KEYNOTE ADDRESS BY DEPUTY MINISTER OF FINANCE AND PLANNING SOMCHAI VONGSA\n"
    "(As delivered.)\n\n"
    "We will not let the grid fall behind the panels, and we will publish every tariff.\n"
)

SEMICOLON = (
    "TRADE NOTES\n\n"
    "Gov. Hannah Berg of Vermont led twenty firms to Da Nang; she said the state's maple "
    "exporters wanted a direct shipping line.\n"
)

LISTED = (
    "WITNESSES\n\n"
    "Dr. Priya Raman, Senior Fellow\n\n"
    "Mr. HOLT. I recognize Dr. Raman.\n\n"
    "Dr. RAMAN. The ports will need dredging before the larger ships call.\n\n"
    "Mr. HOLT. Thank you.\n"
)


@pytest.mark.parametrize(
    ("page", "excerpt", "expected"),
    [
        # a turn after one that asks nothing is still the interviewee's, as her other turns are
        (PODCAST, "The caps matter more than the reservoirs", "Phạm Quốc Bảo"),
        (PODCAST, "Yes, by about two centimetres a year", "Phạm Quốc Bảo"),
        # a speech's title under the site's own header line
        (SPEECH, "Our two countries share rivers that do not respect borders", "Fiona Calder"),
        # a witness labelled by family name: the one name the witness list gives in full
        (HEARING, "Shipyards in Ulsan have repaired three American supply ships", "Kim Min-jun"),
        (HEARING, "I agree with Mr. Kim on the shipyards.", "Alice Porter"),
        # a view reported by pronoun, after the sentence naming its holder
        (VIEW, "In his view, the data shared by the United States", "Sengphet Keola"),
        # a briefing's spokesperson named after a colon answers its "A:" turns
        (BRIEFING, "Thailand supports freedom of navigation", "Kanya Srisuk"),
        # a document named in a clause between it and its verb: by that name, else by kind
        (
            COMMUNIQUE,
            "The joint statement released after the talks, which officials called the Marina "
            "Bay Declaration, said the ministers would meet again in June.",
            "Marina Bay Declaration",
        ),
        (
            COMMUNIQUE,
            "The joint communiqué adopted on Friday, after a long night of talks, said the "
            "ministers welcomed the hotline.",
            "joint communiqué",
        ),
        # a broadcast's role label, named by its bracket at the role's first turn
        (RADIO, "The dredging continues, and both governments", "Tomas Heyd"),
        (RADIO, "The canal takes water when the delta needs it most.", "Sok Chenda"),
        # a speech title in capitals: the name after the office's words, in ordinary case
        (KEYNOTE, "We will not let the grid fall behind the panels", "Somchai Vongsa"),
        # "; she said" after the clause naming her
        (
            SEMICOLON,
            "Gov. Hannah Berg of Vermont led twenty firms to Da Nang; she said the state's "
            "maple exporters wanted a direct shipping line.",
            "Hannah Berg",
        ),
        # a witness list's line above the name, and its title, are no part of the name
        (LISTED, "The ports will need dredging", "Priya Raman"),
    ],
)
def test_credit(page: str, excerpt: str, expected: str) -> None:
    credit = who(page, excerpt)
    assert credit is not None and expected in credit, credit


@pytest.mark.parametrize(
    ("page", "excerpt", "unwanted"),
    [
        # a link to a speech on a news page does not make the page a speech
        (NEWS_WITH_LINKS, "The lab cost $4 million", "Prime Minister"),
        # two witnesses share the family name: "Ms. Tran" stays as labelled
        (SHARED_FAMILY_NAME, "The dams upstream have cut the sediment", "Tran Van Long"),
        (SHARED_FAMILY_NAME, "The dams upstream have cut the sediment", "Tran Thi Mai"),
    ],
)
def test_no_credit(page: str, excerpt: str, unwanted: str) -> None:
    credit = who(page, excerpt)
    assert credit is None or unwanted not in credit, credit


def test_shared_family_name_keeps_the_label() -> None:
    assert who(SHARED_FAMILY_NAME, "The dams upstream have cut the sediment") == "Ms. Tran"


def test_a_witness_list_heading_is_no_part_of_a_name() -> None:
    assert who(LISTED, "The ports will need dredging") == "Dr. Priya Raman"


def test_a_role_named_by_no_bracket_stays_a_role() -> None:
    page = RADIO.replace("REPORTER (Tomas Heyd):", "REPORTER:")
    assert who(page, "The dredging continues, and both governments") == "Reporter"
