"""Hearing and briefing transcripts: each turn is its labelled speaker's, whoever it names."""

from __future__ import annotations

from tests.compose.attribution import who

HEARING = """SENATE COMMITTEE ON ENERGY

HEARING: "GRIDS AND RIVERS"

SEN. TOMAS BRANDT (D-Ore.), CHAIR: The committee will come to order. Ms. Arlow, welcome.

MS. PRIYA ARLOW, DIRECTOR, HYDRO INSTITUTE: Thanks. Dams upstream hold back silt.

The silt budget has fallen by half in twenty years, and Gov. Lindqvist said so last week.

SEN. BRANDT: Gov. Lindqvist told us the same. Is there a fix?

MS. ARLOW: Sediment bypass tunnels work on some rivers. They are costly.

SEN. OLA MBEKI (R-Utah): My colleague Sen. Haas asked me to record his support for the tunnels.

[Whereupon, at 11:02 a.m., the committee recessed.]

Committee staff compiled the record from the witnesses' written statements.
"""


def test_a_labelled_turn_is_its_speakers_named_in_full():
    assert who(HEARING, "Dams upstream hold back silt") == "Ms. Priya Arlow"
    assert who(HEARING, "Sediment bypass tunnels work on some rivers.") == "Ms. Priya Arlow"


def test_a_turn_is_its_speakers_even_when_it_names_someone_else():
    assert who(HEARING, "Gov. Lindqvist told us the same.") == "Sen. Tomas Brandt"
    assert who(HEARING, "My colleague Sen. Haas asked me") == "Sen. Ola Mbeki"


def test_an_unlabelled_paragraph_continues_the_turn():
    assert who(HEARING, "The silt budget has fallen by half") == "Ms. Priya Arlow"


def test_headers_and_text_after_a_stage_note_are_no_ones_turn():
    assert who(HEARING, 'HEARING: "GRIDS AND RIVERS"') is None
    assert who(HEARING, "Committee staff compiled the record") is None


def test_capitalised_datelines_and_headings_are_not_a_transcript():
    document = (
        "HANOI: The port opened on Monday.\n\nBACKGROUND: Ports grew fast.\n\n"
        "KEY POINTS: Ships wait.\n\nMarta Quill said the port would open in May."
    )
    assert who(document, "The port opened on Monday.") is None
    assert who(document, "Marta Quill said the port") == "Marta Quill"


def test_a_reports_capitalised_headings_are_not_turns():
    document = (
        "EXECUTIVE SUMMARY: Dams upstream hold back silt.\n\n"
        "POLICY OPTIONS: Sediment bypass tunnels work on some rivers.\n\n"
        "RISK ASSESSMENT: The farms below are sinking.\n\n"
        "LONG VIEW: Gov. Lindqvist said the delta would adapt."
    )
    assert who(document, "Sediment bypass tunnels work") is None
    assert who(document, "Gov. Lindqvist said the delta") == "Gov. Lindqvist"
