"""Attribution in forms real pages use and the readers had not met: a role phrase ending on
its holder's titled name, "as X put it", a press release's "Quote from X:", a statement's words
"read", a quotation running over paragraphs, a moderator named in brackets, and a call
transcript's labels on lines of their own. Pages written for these tests; each form has a
negative that must stay uncredited or credited otherwise."""

from __future__ import annotations

import pytest

from tests.compose.attribution import assert_credits, who

DELEGATION = (
    "GENEVA - The Committee reviewed Vietnam's fourth periodic report on Tuesday.\n\n"
    "The head of the delegation, Deputy Minister Do Hung Viet, said Vietnam had released "
    "3,000 prisoners under the September amnesty.\n\n"
    "Press freedom remained limited, the rapporteur, Ms. Ilse Brandt, told the session.\n"
)

PUT_IT = (
    "The partnership rests, as Ambassador Marc Knapper put it, on “the hard work of "
    "reconciliation.”\n\n"
    "In the words of Carl Thayer, the upgrade was “a long time coming.”\n"
)

RELEASE = (
    "ACME ANNOUNCES NEW TEST PLANT IN BAC NINH\n\n"
    "Quote from Jane Doe, Chief Executive Officer of Acme:\n\n"
    "“Vietnam is the heart of our supply chain, and this plant doubles our capacity there.”\n\n"
    "About Acme: Acme designs power chips.\n"
)

MURAL = (
    "HANOI - The new school opened on Monday. A quote from Ho Chi Minh is painted above the "
    "door of every classroom.\n"
)

STATEMENT = (
    "HANOI - Vietnam's Ministry of Foreign Affairs issued a statement late on Monday.\n\n"
    "“Vietnam resolutely opposes any unilateral action that complicates the situation in the "
    "East Sea,” the statement read.\n\n"
    "The minister read the statement aloud to reporters on Tuesday.\n"
)

JOINT = (
    "HANOI - The two leaders met for three hours and signed a joint statement.\n\n"
    "“Both sides will deepen strategic trust,” the statement read.\n"
)

RUNS_ON = (
    "WASHINGTON - Senator Jane Holt spoke for twenty minutes on the Senate floor.\n\n"
    "“We have spent thirty years building this relationship with Hanoi. It will not be "
    "undone by one tariff.\n\n"
    "“Our farmers and theirs deserve better than this,” she said.\n\n"
    "“Tariffs are a tax on our own shoppers,” said Rep. Dan Moss, a Republican. “They always "
    "have been.”\n\n"
    "“A tax is still a tax.”\n"
)

PANEL = (
    "Transcript: Vietnam and the chip race\n\n"
    "MODERATOR (ANNA KELLY): Welcome. Mr. Le, let me start with you.\n\n"
    "LE VAN HUNG: Vietnam trains ten thousand chip engineers a year, and that is not enough "
    "for the plants now being built.\n\n"
    "ANNA KELLY: Dr. Grant?\n\n"
    "RUTH GRANT: The bottleneck is power, not people.\n"
)

CALL = (
    "Acme Corp (ACME) Q3 2026 Earnings Call Transcript\n\n"
    "Prepared Remarks:\n\n"
    "Operator\n\n"
    "Good morning and welcome to Acme's third-quarter call.\n\n"
    "Jane Doe -- Chief Executive Officer\n\n"
    "Thank you. Our Bac Ninh plant shipped its first chips in September.\n\n"
    "We will double its capacity next year.\n\n"
    "John Roe -- Chief Financial Officer\n\n"
    "Revenue rose 12 percent.\n\n"
    "Questions and Answers:\n\n"
    "Operator\n\n"
    "Our first question comes from Minh Tran with Ardent Securities.\n\n"
    "Minh Tran -- Ardent Securities -- Analyst\n\n"
    "How exposed are you to tariffs?\n\n"
    "Jane Doe -- Chief Executive Officer\n\n"
    "Less than our rivals, because the plant sells mostly in Asia.\n"
)

RELATED = (
    "HANOI - Acme opened its plant in Bac Ninh on Monday.\n\n"
    "Read more\n\n"
    "Acme Opens Bac Ninh Plant -- Reuters Business\n\n"
    "The plant will employ 2,000 engineers.\n\n"
    "Chip Talent Race Heats Up -- Nikkei Business\n\n"
    "Vietnam trains engineers.\n\n"
    "Acme Bets on Vietnam -- Reuters Business\n\n"
    "Capacity will double.\n"
)


@pytest.mark.parametrize(
    ("document", "excerpt", "name"),
    [
        (
            DELEGATION,
            "The head of the delegation, Deputy Minister Do Hung Viet, said",
            "Do Hung Viet",
        ),
        (
            DELEGATION,
            "Press freedom remained limited, the rapporteur, Ms. Ilse Brandt, told the session.",
            "Ilse Brandt",
        ),
        (PUT_IT, "The partnership rests, as Ambassador Marc Knapper put it", "Marc Knapper"),
        (PUT_IT, "In the words of Carl Thayer, the upgrade", "Carl Thayer"),
        (RELEASE, "“Vietnam is the heart of our supply chain,", "Jane Doe"),
        (RELEASE, "Quote from Jane Doe, Chief Executive Officer of Acme:", "Jane Doe"),
        (
            STATEMENT,
            "“Vietnam resolutely opposes any unilateral action",
            "Ministry of Foreign Affairs",
        ),
        (JOINT, "“Both sides will deepen strategic trust,”", "joint statement"),
        (RUNS_ON, "“We have spent thirty years building this relationship", "Jane Holt"),
        (RUNS_ON, "“A tax is still a tax.”", "Dan Moss"),
        (PANEL, "LE VAN HUNG: Vietnam trains", "Le Van Hung"),
        (PANEL, "RUTH GRANT: The bottleneck", "Ruth Grant"),
        (CALL, "Thank you. Our Bac Ninh plant shipped", "Jane Doe"),
        (CALL, "We will double its capacity next year.", "Jane Doe"),
        (CALL, "Revenue rose 12 percent.", "John Roe"),
        (CALL, "Less than our rivals,", "Jane Doe"),
    ],
)
def test_the_speaker_is_found(document: str, excerpt: str, name: str) -> None:
    assert_credits(document, excerpt, name)


@pytest.mark.parametrize(
    ("document", "excerpt"),
    [
        (MURAL, "A quote from Ho Chi Minh is painted"),
        (STATEMENT, "The minister read the statement aloud"),
        (RELATED, "The plant will employ 2,000 engineers."),
        (RELATED, "Capacity will double."),
        (RUNS_ON, "WASHINGTON - Senator Jane Holt spoke for twenty minutes"),
    ],
)
def test_no_speaker_where_none_speaks(document: str, excerpt: str) -> None:
    assert who(document, excerpt) is None


def test_a_closed_quotation_does_not_run_on() -> None:
    """A quotation closed in its own paragraph does not borrow the next one's credit."""
    page = (
        "HANOI - Work on the port began in 2019.\n\n"
        "“The port will open in 2027.”\n\n"
        "“We were not consulted,” said Nguyen Thi Mai, a fisher.\n"
    )
    assert who(page, "“The port will open in 2027.”") is None
    assert who(page, "“We were not consulted,” said Nguyen Thi Mai, a fisher.") == "Nguyen Thi Mai"


EMAILED = (
    "Campus Weekly › Interviews\n\n"
    "# A medical school for the Mekong\n\n"
    "*By Colm Brady · 2 March 2026*\n\n"
    "> This interview was conducted by e-mail.\n\n"
    "The school's first dean is **Prof. Huỳnh Thị Mỹ Linh**, a surgeon from Cần Thơ who "
    "trained in Boston. Prof. Linh wrote that 200 students will enrol in the first year.\n\n"
    "**Why Cần Thơ?**\n\n"
    "Because the delta has one doctor for every 2,000 people, half the national rate.\n\n"
    "*Colm Brady is Campus Weekly's Asia editor.*\n"
)

BIO_ONLY = (
    "# Ten questions on the delta's hospitals\n\n"
    "*By Colm Brady*\n\n"
    "**Why Cần Thơ?**\n\n"
    "Because the delta has one doctor for every 2,000 people, half the national rate.\n\n"
    "*Huỳnh Thị Mỹ Linh is the first dean of the Mekong Medical School.*\n"
)

WRITER_BIO = (
    "# Ten questions on the delta's hospitals\n\n"
    "*By Colm Brady*\n\n"
    "**Why Cần Thơ?**\n\n"
    "Because the delta has one doctor for every 2,000 people, half the national rate.\n\n"
    "*Colm Brady is Campus Weekly's Asia editor.*\n"
)

TWO_BOLD = (
    "# Two deans on the delta\n\n"
    "We put the same questions to **Prof. Huỳnh Thị Mỹ Linh** and **Dr. Trần Văn Quang**.\n\n"
    "**Why Cần Thơ?**\n\n"
    "Because the delta has one doctor for every 2,000 people, half the national rate.\n"
)

ANSWER = "Because the delta has one doctor for every 2,000 people, half the national rate."


@pytest.mark.parametrize(
    ("document", "name"),
    [
        (EMAILED, "Huỳnh Thị Mỹ Linh"),
        (BIO_ONLY, "Huỳnh Thị Mỹ Linh"),
        (WRITER_BIO, None),
        (TWO_BOLD, None),
    ],
)
def test_an_interviewee_named_without_an_introduction(document: str, name: str | None) -> None:
    """A Q&A page that names its subject only in bold or in a closing note: the answers are
    theirs; the writer's note and a page with two subjects credit no one."""
    credit = who(document, ANSWER)
    assert credit == name if name is None else (credit is not None and name in credit), credit
