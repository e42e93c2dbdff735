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


# A made-up Commons question time: numbered questions, a minister by office and name, then
# by name alone, a bare name a stronger label introduced, and the chair.
COMMONS = """Foreign, Commonwealth and Development Office

The Secretary of State was asked—

Mekong Delta: Water Security

1. Ruth Pryce-Adeyemi (Leeds Kirkstall) (Lab): What recent steps he has taken on delta water.

The Minister for the Indo-Pacific (Mr Gareth McDonald): We fund salinity gauges, as Dr Okafor said.

The second phase begins in spring.

Sir Alastair Whitcombe (Harrogate) (Con): Did the Minister raise the upstream dams?

Mr McDonald: I raised them in person, as Mr Whitcombe asked me to last month.

Ruth Pryce-Adeyemi: Farmers in the delta want the data published. Will he publish it?

Madam Deputy Speaker: Order. Questions must be brief.

The Minister for the Indo-Pacific: The data will be published quarterly.

[Interruption.]

Hon. Members: Hear, hear!
"""


def test_a_ministers_answer_at_question_time_is_the_ministers():
    assert who(COMMONS, "We fund salinity gauges") == "Gareth McDonald"
    assert who(COMMONS, "The second phase begins in spring.") == "Gareth McDonald"
    assert who(COMMONS, "I raised them in person") == "Gareth McDonald"
    assert who(COMMONS, "The data will be published quarterly.") == "Gareth McDonald"


def test_a_members_question_is_the_members_named_as_written():
    assert who(COMMONS, "What recent steps he has taken") == "Ruth Pryce-Adeyemi"
    assert who(COMMONS, "Farmers in the delta want the data") == "Ruth Pryce-Adeyemi"
    assert who(COMMONS, "Did the Minister raise the upstream") == "Sir Alastair Whitcombe"
    assert who(COMMONS, "Order. Questions must be brief.") == "Madam Deputy Speaker"


def test_a_hansards_headings_are_no_ones_turn():
    assert who(COMMONS, "The Secretary of State was asked") is None


# A made-up Australian House question time: upper-case surnames with a seat and a time.
REPS = """QUESTIONS WITHOUT NOTICE

Critical Minerals

Ms LEDWIDGE-TAN (Cowper) (14:02): How will the government secure rare earths processing?

Mr McCORMACK (Riverina—Prime Minister) (14:03): We signed offtake deals, Minister Baird said.

Processing will start in Kalgoorlie next year.

The SPEAKER: The member for Cowper will cease interjecting.

Ms LEDWIDGE-TAN (Cowper) (14:05): Supplementary question: what price floor applies?

Mr McCORMACK: The floor is set by the Critical Minerals Office each quarter.
"""


def test_an_australian_answer_is_the_members_with_two_bracket_groups():
    assert who(REPS, "We signed offtake deals") == "Mr McCormack"
    assert who(REPS, "Processing will start in Kalgoorlie") == "Mr McCormack"
    assert who(REPS, "The floor is set by the Critical") == "Mr McCormack"
    assert who(REPS, "How will the government secure") == "Ms Ledwidge-Tan"
    assert who(REPS, "The member for Cowper will cease") == "The Speaker"


def test_references_captions_and_recommendations_are_not_turns():
    document = (
        "HANOI (Reuters) - Salinity reached the delta early, Nguyen Van Tran said.\n\n"
        "Key Points (2024): Salinity came early.\n\n"
        "Photo (AFP): A farmer by a dry canal.\n\n"
        "Note: Figures are provisional.\n\n"
        "Recommendation 3 (Ministry of Trade): Publish the data.\n\n"
        "Recommendation 4 (Ministry of Trade): Fund the gauges.\n\n"
        "1. Nguyen Van Tran (2019): Salinity in the lower Mekong.\n\n"
        "2. Le Thi Hoa (2020): Deltas at risk.\n\n"
        "3. Nguyen Van Tran (2021): Dams and sediment.\n\n"
        "Sir Alastair Whitcombe (Con): The dams upstream must be named.\n\n"
        "Mai Lan said farmers want the data."
    )
    assert who(document, "Salinity came early.") is None
    assert who(document, "A farmer by a dry canal.") is None
    assert who(document, "Fund the gauges.") is None
    assert who(document, "Dams and sediment.") is None
    assert who(document, "Mai Lan said farmers") == "Mai Lan"


def test_a_bare_name_is_a_label_only_when_a_stronger_label_names_it():
    document = (
        "Sir Alastair Whitcombe (Con): The dams must be named.\n\n"
        "Jane Roe: We act.\n\nJohn Doe: We wait.\n\nJane Roe: We act now.\n\n"
        "Mr Doe said the plan would wait."
    )
    assert who(document, "We act now.") is None


def test_a_programmes_sessions_are_not_offices():
    document = (
        "The Minister's welcome (Grand Hall): Opening remarks.\n\n"
        "The Secretary's panel (Room Two): Trade and ports.\n\n"
        "The Minister's closing (Grand Hall): A summary of the day."
    )
    assert who(document, "Trade and ports.") is None


# Made-up records of other parliaments, in their own label shapes.
CANADA = """Oral Questions

Mr. Tobias Lindqvist (Kelowna—Okanagan, CPC): Mr. Speaker, where is the rare earths deal?

Hon. Mélanie Arsenault (Minister of Foreign Affairs, Lib.): Mr. Speaker, we signed it Monday.

The Speaker: The hon. member for Kelowna—Okanagan.

Mr. Tobias Lindqvist: Mr. Speaker, the deal has no price floor.

Hon. Mélanie Arsenault: Mr. Speaker, the floor is in annex two.
"""
SINGAPORE = """Mr Leong Wei Jie asked the Minister for Foreign Affairs about the canal.

The Minister for Foreign Affairs (Dr Tan Boon Kiat): Sir, we have raised the canal with Cambodia.

Mr Leong Wei Jie (Ang Mo Kio): Will he publish the study?

Dr Tan Boon Kiat: We will publish it when it is final.
"""
INDIA = """THE MINISTER OF EXTERNAL AFFAIRS (DR. S. RAMANATHAN): Sir, we raised the matter.

SHRI ARJUN MEHRA: Sir, what about the fishermen?

THE MINISTER OF EXTERNAL AFFAIRS (DR. S. RAMANATHAN): The fishermen were released on Friday.
"""
NEW_ZEALAND = """1. Hon TAMA WIREMU (Te Tai Tonga) to the Prime Minister: Does he stand by it?

Rt Hon ANNA CALDWELL (Prime Minister): Yes, in the context it was made.

Hon Tama Wiremu: Why did the trade deal stall?

Rt Hon Anna Caldwell: It did not stall; it was signed in May.
"""


def test_other_parliaments_label_shapes_are_read():
    assert who(CANADA, "we signed it Monday") == "Mélanie Arsenault"
    assert who(CANADA, "the floor is in annex two") == "Mélanie Arsenault"
    assert who(CANADA, "the deal has no price floor") == "Tobias Lindqvist"
    assert who(SINGAPORE, "we have raised the canal") == "Tan Boon Kiat"
    assert who(SINGAPORE, "Will he publish the study?") == "Leong Wei Jie"
    assert who(INDIA, "The fishermen were released") == "S. Ramanathan"
    assert who(NEW_ZEALAND, "It did not stall") == "Anna Caldwell"
    assert who(NEW_ZEALAND, "Why did the trade deal stall?") == "Tama Wiremu"


# A made-up Commons record with a second question under its own heading, a knight at the
# despatch box, and a closing item that is no one's turn.
COMMONS_HEADINGS = """Vietnam: Harbour Dredging

1. Ruth Okafor (Leeds Kirkstall) (Lab): What assessment he has made of harbour dredging.

The Prime Minister (Sir Keir Starmer): We have funded a survey of the harbour.

The survey reports in June.

Ruth Okafor: Will he publish the survey in full?

Laos: Hydropower Exports

2. Rt Hon Dame Fiona Brackley (Wealden) (Con): What discussions he has had on hydropower.

Lord Haverstock: The dams were raised at the summit in May.

Hydropower is a matter for the Mekong River Commission.

Deferred Division

The motion on harbour fees was agreed to, with twelve noes.
"""


def test_a_hansards_topic_heading_ends_the_turn_before_it():
    assert who(COMMONS_HEADINGS, "The motion on harbour fees") is None
    assert who(COMMONS_HEADINGS, "Laos: Hydropower Exports") is None
    assert who(COMMONS_HEADINGS, "The survey reports in June.") == "Sir Keir Starmer"
    assert who(COMMONS_HEADINGS, "Hydropower is a matter for") == "Lord Haverstock"


def test_a_knights_or_peers_style_is_kept_and_a_courtesy_is_not():
    assert who(COMMONS_HEADINGS, "We have funded a survey") == "Sir Keir Starmer"
    assert who(COMMONS_HEADINGS, "What discussions he has had") == "Dame Fiona Brackley"
    assert who(COMMONS_HEADINGS, "The dams were raised") == "Lord Haverstock"
    assert who(COMMONS_HEADINGS, "What assessment he has made") == "Ruth Okafor"


# A made-up Australian House record: interjections noted on lines of their own.
REPS_INTERJECTING = """Mr McCORMACK (Riverina—Prime Minister) (14:03): We signed offtake deals.

Opposition members interjecting—

The deals include a price floor for neodymium.

Ms LEDWIDGE-TAN (Cowper) (14:05): What price floor applies?

Mr McCORMACK: The floor is set each quarter.

Mr Littleproud interjecting—

The SPEAKER: The member for Maranoa will cease interjecting.
"""


def test_an_interjection_noted_ends_the_turn_and_is_no_ones():
    assert who(REPS_INTERJECTING, "We signed offtake deals") == "Mr McCormack"
    assert who(REPS_INTERJECTING, "Opposition members interjecting") is None
    assert who(REPS_INTERJECTING, "Mr Littleproud interjecting") is None
    assert who(REPS_INTERJECTING, "The deals include a price floor") is None
    assert who(REPS_INTERJECTING, "The floor is set each quarter.") == "Mr McCormack"
    assert who(REPS_INTERJECTING, "The member for Maranoa will") == "The Speaker"


def test_a_short_unlabelled_line_in_a_turn_is_not_a_heading():
    document = COMMONS_HEADINGS.replace(
        "The survey reports in June.", "The survey reports in June, not before"
    )
    assert "Keir Starmer" in (who(document, "The survey reports in June, not") or "")


def test_a_member_labelled_by_seat_and_party_alone_is_a_turn():
    """ "Jane Roe (Bath) (LD):" with no honorific or question number is still a member's
    turn, not the minister's before it."""
    document = COMMONS_HEADINGS.replace(
        "Ruth Okafor: Will he publish the survey in full?",
        "Tomas Eriksen (Perth North) (SNP): Will he name the dredging firm?\n\n"
        "Ruth Okafor: Will he publish the survey in full?",
    )
    assert who(document, "Will he name the dredging firm?") == "Tomas Eriksen"
    assert who(document, "The survey reports in June.") == "Sir Keir Starmer"


def test_a_seat_and_party_need_a_full_name_and_no_figures():
    document = (
        "Hanoi (Reuters) (AFP): Salinity came early.\n\n"
        "Nguyen Van Tran (Hanoi) (2019): Dams and sediment.\n\n"
        "Sir Alastair Whitcombe (Con): The dams must be named.\n\n"
        "Mr Doe: We wait.\n\nSir Alastair Whitcombe (Con): We act now."
    )
    assert who(document, "Salinity came early.") is None
    assert who(document, "Dams and sediment.") is None
