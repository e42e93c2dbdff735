"""Reported speech: who said an excerpt, and how it is attributed and shown."""

from __future__ import annotations

import pytest

from briefing.deck import Excerpt, SourceInfo, display_quote
from tests.compose.attribution import who


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Marta Quill said the port would open in May.", "Marta Quill"),
        ('"We are not ready," said Oskar Lind of the harbour board.', "Oskar Lind"),
        (
            "Amb. Rosa Lindqvist, the envoy in Hanoi, said the grid came first.",
            "Amb. Rosa Lindqvist",
        ),
        (
            '"The money is there," a Western diplomat involved in the talks told Reuters.',
            "a Western diplomat involved in the talks",
        ),
        (
            "The pier will close in June, according to the Port Authority of Danang.",
            "the Port Authority of Danang",
        ),
        ("Japanese officials said the loan would be signed in May.", "Japanese officials"),
        (
            "The fund has paid out little, officials and diplomats said on Monday.",
            "officials and diplomats",
        ),
        (
            "In a statement, Vietnam's Ministry of Transport said traffic rose by a tenth.",
            "Vietnam's Ministry of Transport",
        ),
        (
            'Governor Anneli Strom described the port plan as "late but sound" on Friday.',
            "Governor Anneli Strom",
        ),
    ],
)
def test_named_speaker_in_the_excerpt(sentence, expected):
    document = f"Some lead paragraph about ports.\n\n{sentence}\n\nAnother paragraph."
    assert who(document, sentence) == expected


def test_joint_statement_is_credited_as_such():
    sentence = (
        "The United States, which pledged $500 million, said in its joint statement with "
        'Vietnam that it would "support the transition".'
    )
    found = who(f"{sentence}\n\nMore.", sentence)
    assert found is not None and "joint statement" in found


def test_he_said_is_resolved_to_the_last_named_speaker():
    document = (
        "Le Van Hoa, a farmer in Quang Tri, said the fields were still dangerous.\n\n"
        '"Every family here has a story like this," he said.'
    )
    assert who(document, '"Every family here has a story like this," he said.') == "Le Van Hoa"


def test_a_bare_quotation_takes_the_speaker_before_it():
    document = (
        "Nguyen Thi Lan, a lecturer in Hanoi, said the upgrade mattered.\n\n"
        '"A partnership like this keeps our balance with every country."'
    )
    assert who(document, '"A partnership like this keeps our balance with every country."') == (
        "Nguyen Thi Lan"
    )


def test_interview_answers_belong_to_the_interviewee():
    document = (
        "We spoke with Dr. Mai Anh Tuan, who runs a chip design lab, about the partnership.\n\n"
        "**Q: What changed?**\n\n"
        "**A:** The ministries call us now. That is real, but it is only the beginning."
    )
    assert who(document, "The ministries call us now.") == "Dr. Mai Anh Tuan"


def test_the_sources_own_voice_has_no_speaker():
    document = "Vietnam has fought China three times since 1974 and has the most to lose.\n\nX."
    assert (
        who(document, "Vietnam has fought China three times since 1974 and has the most to lose.")
        is None
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States needs to be patient if Vietnam says no to any of its initiatives.",
        "Hanoi will walk away unless Washington says so in writing before the summit.",
    ],
)
def test_a_hypothetical_is_not_reported_speech(sentence):
    assert who(f"{sentence}\n\nMore.", sentence) is None


def _excerpt(text: str, speaker_name: str | None) -> Excerpt:
    source = SourceInfo(file="a.txt", author="Jonathan Stromseth", publisher="Nikkei Asia")
    return Excerpt(source=source, start=0, end=len(text), text=text, speaker=speaker_name)


def test_attribution_names_the_speaker_quoted_in_the_source():
    e = _excerpt("Biden said he supported it.", "Biden")
    assert e.attribution() == "Biden, quoted in Stromseth, Nikkei Asia"
    assert e.to_json()["speaker"] == "Biden"
    assert e.to_json()["attribution"] == "Biden, quoted in Stromseth, Nikkei Asia"
    assert _excerpt("Plain.", None).attribution() == "Stromseth, Nikkei Asia"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('"A comprehensive partnership would help."', "A comprehensive partnership would help."),
        ("\u201cIt said \u201cno\u201d to that.\u201d", "It said \u2018no\u2019 to that."),
        ('"Yes," he said, "we will."', "'Yes,' he said, 'we will.'"),  # two quotations
        (
            "\u201cFirst,\u201d she said, \u201csecond.\u201d",
            "\u2018First,\u2019 she said, \u2018second.\u2019",
        ),
        ("Plain text.", "Plain text."),
    ],
)
def test_a_whole_quotation_is_shown_with_one_pair(text, shown):
    assert display_quote(text) == shown
    assert _excerpt(text, None).text == text  # the excerpt itself stays verbatim


def test_the_statement_said_names_the_statement():
    sentence = (
        "The leaders' joint declaration addressed it. Both sides \u201ccommitted to expand "
        "cooperation,\u201d the statement said."
    )
    assert who(f"{sentence}\n\nMore.", sentence) == "joint declaration"


def test_a_speaker_inside_a_quotation_is_not_the_speaker():
    sentence = '"Our customers in Ohio asked us one question," said Dr. Lena Hart of the firm.'
    assert who(f"{sentence}\n\nMore.", sentence) == "Dr. Lena Hart"


def test_he_refers_to_the_person_introduced_before():
    document = (
        "The farmer struck metal. Tran Van Binh, 61, knew better than to dig further.\n\n"
        '"We all have a story like this," he said.'
    )
    assert who(document, '"We all have a story like this," he said.') == "Tran Van Binh"


def test_an_interview_answer_citing_others_is_still_the_interviewee():
    document = (
        "We spoke with Dr. Mai Anh Tuan about power.\n\n**Q: What matters?**\n\n"
        "**A:** Keep the lights on. Investors told us that reliable power matters most."
    )
    assert who(
        document, "Keep the lights on. Investors told us that reliable power matters most."
    ) == ("Dr. Mai Anh Tuan")


def test_text_output_shows_the_speaker_and_one_pair_of_quotes():
    from briefing.deck import Deck, Slide
    from briefing.export.text import render

    e = _excerpt('"A partnership like this keeps our balance."', "Nguyen Thi Lan")
    out = render(Deck(title="T", slides=(Slide(title="S", excerpts=(e,)),)))
    assert "\u201cA partnership like this keeps our balance.\u201d" in out
    assert '"A partnership' not in out
    assert "\u2014 Nguyen Thi Lan, quoted in Stromseth, Nikkei Asia" in out


_INTRO = (
    "# Lessons from the factory floor\n\n*Interviewed by Sarah Kimball*\n\n"
    "Vietnam wants more chip engineers. We asked Dr. Pham Thu Ha, who runs a design "
    "programme in Hanoi, what the partnership changes.\n\n"
)


@pytest.mark.parametrize(
    ("turns", "answer"),
    [
        # the interviewee's surname, or the full name, as the answer label
        ("**Kimball:** What changed?\n\n**Pham:** ", "The ministries call us now."),
        ("Kimball: What changed?\n\nPham Thu Ha: ", "The ministries call us now."),
        # initials as labels
        ("SK: What changed?\n\nPTH: ", "The ministries call us now."),
        # a bold question line and an unlabelled answer
        ("**What changed in September?**\n\n", "The ministries call us now."),
        # spelled-out and dotted labels
        ("Question: What changed?\n\nAnswer: ", "The ministries call us now."),
        ("Q. What changed?\n\nA. ", "The ministries call us now."),
        # answers set off by a dash after a dashed question
        ("— What changed?\n\n— ", "The ministries call us now."),
    ],
)
def test_interview_layouts_credit_the_interviewee(turns, answer):
    document = _INTRO + turns + answer + " That is real, but it is only the beginning.\n\nEnd."
    assert who(document, answer) == "Dr. Pham Thu Ha"


def test_a_second_answer_paragraph_is_still_the_interviewee():
    document = (
        _INTRO + "**What changed in September?**\n\nThe ministries call us now.\n\n"
        "Companies donated design software to universities, which matters more.\n\nEnd."
    )
    excerpt = "Companies donated design software to universities, which matters more."
    assert who(document, excerpt) == "Dr. Pham Thu Ha"


def test_the_interviewers_turns_and_the_intro_are_not_the_interviewee():
    document = _INTRO + "Kimball: Is the target of 50,000 engineers realistic?\n\nPham: No."
    assert who(document, "Is the target of 50,000 engineers realistic?") is None
    assert who(document, "Vietnam wants more chip engineers.") is None


def test_labels_and_questions_in_a_news_article_are_not_interviews():
    document = (
        "HANOI (Reuters) - Vietnam's chip exports rose 20% last year.\n\n"
        "Will the boom last? Analysts are divided on the question.\n\n"
        "The U.S. finished a survey of rare earth deposits in the north in May.\n\n"
        "Note: Figures are provisional and may be revised."
    )
    assert who(document, "The U.S. finished a survey of rare earth deposits") is None
    assert who(document, "Figures are provisional and may be revised.") is None


def test_an_interviewee_introduced_as_speaking_to_us():
    document = (
        "Nguyen Van Long, a veteran customs officer, spoke to us about smuggling.\n\n"
        "**How bad is it?**\n\nIt doubled after the border reopened."
    )
    assert who(document, "It doubled after the border reopened.") == "Nguyen Van Long"


@pytest.mark.parametrize(
    ("label", "name", "expected"),
    [
        ("Pham", "Dr. Pham Thu Ha", True),
        ("Dr. Ha", "Dr. Pham Thu Ha", True),
        ("PTH", "Dr. Pham Thu Ha", True),
        ("P.T.H.", "Dr. Pham Thu Ha", True),
        ("Kimball", "Dr. Pham Thu Ha", False),
        ("SK", "Dr. Pham Thu Ha", False),
        ("Photo", "Dr. Pham Thu Ha", False),
    ],
)
def test_an_answer_label_names_the_person(label, name, expected):
    from briefing.compose.interview import same_person

    assert same_person(label, name) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Hanoi has asked Washington for market economy status for more than a decade.",
        "The province asked the central bank for an emergency credit line in May.",
    ],
)
def test_asking_for_something_is_a_request_not_reported_speech(sentence):
    assert who(f"Trade news.\n\n{sentence}\n\nMore.", sentence) is None


def test_asking_a_question_is_still_reported_speech():
    sentence = "Le Van Hai asked whether the duties would be lifted before the harvest."
    assert who(f"Trade news.\n\n{sentence}\n\nMore.", sentence) == "Le Van Hai"
