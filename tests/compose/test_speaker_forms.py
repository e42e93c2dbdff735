"""Reported speech in the forms wire stories use that earlier pages did not: a split quote,
a spokesperson named after the body, a post on social media, a statement, an anonymous
source, paraphrase running on, a list of signatories, a pull quote, and a Vietnamese name
given in full once and then by its given name."""

from __future__ import annotations

import pytest

from tests.compose.attribution import who

WIRE = (
    "JAKARTA, May 4 (Reuters) - Indonesia summoned China's ambassador on Monday after a coast "
    "guard ship entered waters off the Natuna islands.\n\n"
    "“We will not be pushed around in our own waters,” said Retno Marsudi, the foreign "
    "minister. “But we will keep talking.”\n\n"
    "A spokesperson for the Philippine coast guard said the vessel had left the area by noon.\n\n"
    "China's foreign ministry spokesman, Lin Jian, said Beijing had “indisputable sovereignty” "
    "over the waters and urged Jakarta to stay calm.\n\n"
    "Vietnam's foreign ministry spokesperson Pham Thu Hang told a regular briefing that Hanoi "
    "was following the incident closely.\n\n"
    "Dang Van Hieu, a fisherman from Ly Son island, wrote in a post on Facebook that his boat "
    "had been rammed twice this year.\n\n"
    "Senator Ana Ruiz posted on X that the sale of patrol boats was long overdue.\n\n"
    "The sea lanes carry a third of world shipping, a senior Indonesian official, who asked "
    "not to be named because he was not authorised to speak to the media, told Reuters.\n\n"
    "Patrols would double by July, according to a statement from the Indonesian navy.\n\n"
    "Hanoi has told Washington it will not host foreign bases, a State Department official "
    "said on Tuesday.\n\n"
    "Le Van Hung, the chief engineer of the new port, said the first berth would open in 2027. "
    "The cranes would come from Finland, and the channel could take ships of 100,000 tonnes. "
    "Local fishermen would be moved to a new harbour.\n\n"
    "The port was begun in 2019. Its builder, a state firm, said costs had risen by a third. "
    "The site lies forty kilometres south of the city.\n\n"
    "Rising costs could delay the line further, Nguyen Thi Mai, an economist at a Hanoi bank, "
    "warned.\n\n"
    "In an open letter, Amnesty International, Human Rights Watch and 11 other groups urged "
    "Jakarta to free the fishermen it detained.\n\n"
    "The two sides “reaffirmed the importance of freedom of navigation,” the joint communiqué "
    "said.\n\n"
    "“We cannot eat sovereignty.” — Dang Van Hieu, fisherman\n\n"
    "Photo: Dang Van Hieu, 58, mends his nets on Ly Son. (Reuters/Kham)"
)


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        # the second half of a quote split by its attribution
        ("“But we will keep talking.”", "Retno Marsudi"),
        (
            "A spokesperson for the Philippine coast guard said the vessel had left the area "
            "by noon.",
            "A spokesperson for the Philippine coast guard",
        ),
        # the body's spokesperson is named after it, in commas or not: the person speaks
        (
            "China's foreign ministry spokesman, Lin Jian, said Beijing had “indisputable "
            "sovereignty” over the waters",
            "Lin Jian",
        ),
        (
            "Vietnam's foreign ministry spokesperson Pham Thu Hang told a regular briefing that "
            "Hanoi was following the incident closely.",
            "Pham Thu Hang",
        ),
        (
            "Dang Van Hieu, a fisherman from Ly Son island, wrote in a post on Facebook that his "
            "boat had been rammed twice this year.",
            "Dang Van Hieu",
        ),
        (
            "Senator Ana Ruiz posted on X that the sale of patrol boats was long overdue.",
            "Senator Ana Ruiz",
        ),
        (
            "The sea lanes carry a third of world shipping, a senior Indonesian official, "
            "who asked not to be named because he was not authorised to speak to the media, "
            "told Reuters.",
            "a senior Indonesian official",
        ),
        # the statement's issuer, not "a statement from ..."
        (
            "Patrols would double by July, according to a statement from the Indonesian navy.",
            "the Indonesian navy (statement)",
        ),
        # the attribution that closes the sentence governs it; "Hanoi has told" is its report
        (
            "Hanoi has told Washington it will not host foreign bases, a State Department official "
            "said on Tuesday.",
            "a State Department official",
        ),
        # indirect speech running on after one attribution, in its backshifted tense
        (
            "The cranes would come from Finland, and the channel could take ships of 100,000 "
            "tonnes. Local fishermen would be moved to a new harbour.",
            "Le Van Hung",
        ),
        (
            "Rising costs could delay the line further, Nguyen Thi Mai, an economist at a Hanoi "
            "bank, warned.",
            "Nguyen Thi Mai",
        ),
        # several signatories of one letter: all of them, and the letter
        (
            "In an open letter, Amnesty International, Human Rights Watch and 11 other groups "
            "urged Jakarta to free the fishermen it detained.",
            "Amnesty International, Human Rights Watch and 11 other groups (open letter)",
        ),
        (
            "The two sides “reaffirmed the importance of freedom of navigation,” the joint "
            "communiqué said.",
            "the joint communiqué",
        ),
        # a pull quote credited after a dash
        ("“We cannot eat sovereignty.” — Dang Van Hieu, fisherman", "Dang Van Hieu"),
    ],
)
def test_a_wire_storys_forms_credit_their_speaker(excerpt, expected):
    assert who(WIRE, excerpt) == expected


def test_narration_after_an_attribution_and_a_caption_are_the_pages_own():
    assert who(WIRE, "The site lies forty kilometres south of the city.") is None
    assert who(WIRE, "The port was begun in 2019.") is None
    assert who(WIRE, "Photo: Dang Van Hieu, 58, mends his nets on Ly Son.") is None


PROFILE = (
    "Ho Chi Minh City, March 2026.\n\n"
    "Nguyễn Thị Lan, who runs a garment workshop in Thủ Đức, has lost half her orders since "
    "the tariffs were announced.\n\n"
    "“We used to ship every week,” Lan said. “Now it is once a month, if that.”\n\n"
    "Đỗ Minh Châu, an economist at a Hanoi university, said the workshops would shed a fifth "
    "of their workers by summer.\n\n"
    "Ms. Lan said she would not lay anyone off before Tết.\n\n"
    "Châu warned that smaller firms had no savings to draw on."
)


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        # a Vietnamese name: the given name alone, or with a title, is the full name given once
        ("“We used to ship every week,” Lan said.", "Nguyễn Thị Lan"),
        ("Ms. Lan said she would not lay anyone off before Tết.", "Nguyễn Thị Lan"),
        # a name opening on a capital outside A to Z ("Đ")
        (
            "Đỗ Minh Châu, an economist at a Hanoi university, said the workshops would shed a "
            "fifth of their workers by summer.",
            "Đỗ Minh Châu",
        ),
        ("Châu warned that smaller firms had no savings to draw on.", "Đỗ Minh Châu"),
    ],
)
def test_a_vietnamese_name_is_credited_in_full(excerpt, expected):
    assert who(PROFILE, excerpt) == expected


def test_a_name_two_people_share_is_not_widened():
    page = (
        "Intro.\n\nNguyen Thi Lan, 34, sells fish. Pham Thi Lan, 51, sells rice.\n\n"
        "“Prices have doubled,” Lan said."
    )
    assert who(page, "“Prices have doubled,” Lan said.") == "Lan"
    one = page.replace("Pham Thi Lan, 51, sells rice.", "Her sister sells rice.")
    assert who(one, "“Prices have doubled,” Lan said.") == "Nguyen Thi Lan"


def test_a_document_the_report_cites_does_not_take_the_quote_from_its_speaker():
    page = (
        "Intro.\n\n“We cannot run a chip industry on coal,” Deputy Prime Minister Le Van Tam "
        "told lawmakers, according to a transcript published by the assembly.\n\nMore."
    )
    excerpt = "“We cannot run a chip industry on coal,” Deputy Prime Minister Le Van Tam"
    assert who(page, excerpt + " told lawmakers") == "Deputy Prime Minister Le Van Tam"


BRIEFS = (
    "MANILA, June 2 (AP) - The Philippines protested on Sunday after a collision near the "
    "shoal.\n\n"
    "“It is a red line,” Beijing's ambassador to Manila, Huang Xilian, told reporters. “We "
    "will not move.”\n\n"
    "People familiar with the matter said the sale of two frigates was close.\n\n"
    "Hanoi’s foreign ministry on Thursday said the claims were baseless.\n\n"
    "Asked whether Hanoi would buy the jets, Nguyen said no decision had been made.\n\n"
    "“It is not about China,” a Vietnamese official said. “It is about us.”\n\n"
    "Writing on Facebook, Pham Doan Trang’s supporters said her health was failing.\n\n"
    "His lawyer, Dang Dinh Manh, said the trial was unfair.\n\n"
    "China has said it will respond, the report said.\n\n"
    "The sides opposed “the threat or use of force,” according to the joint communiqué issued "
    "after the talks.\n\n"
    "Tran Thi Hoa, 41, sells noodles by the gate.\n\n"
    "“We will fight on,” she added."
)


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        # a person named in commas after a role that ends on a place
        ("Beijing's ambassador to Manila, Huang Xilian, told reporters.", "Huang Xilian"),
        (
            "People familiar with the matter said the sale of two frigates was close.",
            "People familiar with the matter",
        ),
        # a day between the subject and its verb is neither a name nor a break
        (
            "Hanoi’s foreign ministry on Thursday said the claims were baseless.",
            "Hanoi’s foreign ministry",
        ),
        # "said no decision": "no" opens the report, unlike "said no."
        (
            "Asked whether Hanoi would buy the jets, Nguyen said no decision had been made.",
            "Nguyen",
        ),
        # the second half of a quote split by an unnamed official's attribution
        ("“It is about us.”", "a Vietnamese official"),
        (
            "Writing on Facebook, Pham Doan Trang’s supporters said her health was failing.",
            "Pham Doan Trang’s supporters",
        ),
        ("His lawyer, Dang Dinh Manh, said the trial was unfair.", "Dang Dinh Manh"),
        ("China has said it will respond, the report said.", "the report"),
        (
            "The sides opposed “the threat or use of force,” according to the joint communiqué "
            "issued after the talks.",
            "joint communiqué",
        ),
        # the pronoun's person, without the sentence before the name
        ("“We will fight on,” she added.", "Tran Thi Hoa"),
    ],
)
def test_a_wire_storys_briefs_credit_their_speaker(excerpt, expected):
    assert who(BRIEFS, excerpt) == expected


def test_said_no_as_an_answer_is_still_no_speech():
    page = "Intro.\n\nIf Hanoi said no, the deal would fail.\n\nMore."
    assert who(page, "If Hanoi said no, the deal would fail.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The groups called on Hanoi to release the bloggers.", "The groups"),
        (
            "Nguyen Van Tam was quoted by state media as saying that the party would stay the "
            "course.",
            "Nguyen Van Tam",
        ),
        (
            "State media quoted Defence Minister Phan Van Giang as saying the drills were routine.",
            "Defence Minister Phan Van Giang",
        ),
        ("Sullivan's office said the senator would visit Hanoi in May.", "Sullivan's office"),
        ("The daily Tuoi Tre reported that two fishermen were missing.", "Tuoi Tre"),
        (
            "Speaking on condition of anonymity, a U.S. official said the talks were stuck.",
            "a U.S. official",
        ),
        (
            "Human Rights Watch's Asia director, Elaine Pearson, said the sentence was outrageous.",
            "Elaine Pearson",
        ),
        ("The tariffs will hurt, said economist Nguyen Duc Thanh.", "Nguyen Duc Thanh"),
        ("The tariffs will hurt, according to economist Nguyen Duc Thanh.", "Nguyen Duc Thanh"),
        (
            "The statement, issued by the Vietnamese embassy, said the visit was historic.",
            "the Vietnamese embassy (statement)",
        ),
        (
            "The letter, signed by 14 groups, urges Hanoi to release the bloggers.",
            "14 groups (letter)",
        ),
        # a place after "said in", a claim in a relative clause, a demand in a history
        ("The deal was signed, the minister said in Hanoi.", "the minister"),
        ("Russian firms hold stakes in blocks in areas that China claims.", None),
        ("The US Congress and various interest groups demanded a full accounting.", None),
    ],
)
def test_more_wire_forms_credit_their_speaker(sentence, expected):
    assert who(f"Intro.\n\n{sentence}\n\nMore.", sentence) == expected


def test_indirect_speech_runs_on_but_not_into_a_refusal_to_comment():
    page = (
        "Intro.\n\nThe ministry said the plant would close. Workers would get six months of "
        "pay, it added. The company would not comment on the report.\n\nMore."
    )
    # "it added" with nothing named in it: the body named before, without "Intro." before it
    assert who(page, "Workers would get six months of pay, it added.") == "The ministry"
    assert who(page, "The company would not comment on the report.") is None


def test_a_joint_document_named_by_its_title_is_credited_as_one():
    page = (
        "Intro.\n\nThe Hanoi Joint Strategic Declaration noted that two-way trade had doubled "
        "since "
        "2015.\n\nThe letter notes that the joint statement was silent on rights.\n\nMore."
    )
    excerpt = (
        "The Hanoi Joint Strategic Declaration noted that two-way trade had doubled since 2015."
    )
    assert who(page, excerpt) == "The Hanoi Joint Strategic Declaration (joint declaration)"
    # a letter that mentions a joint statement still speaks for itself
    excerpt = "The letter notes that the joint statement was silent on rights."
    assert who(page, excerpt) == "The letter"
