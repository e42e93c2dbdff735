"""Citation metadata and cleaning on captures written in the style of pages the rules were
not written against: wire stories with two shouting bylines and datelines, a Taiwanese
outlet, a German page with credits, a Markdown memo, pages whose first lines are junk."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.sources.analysis import prepare

AP_STORY = """BILD: SN/APA/AFP/POOL/LUDOVIC MARIN

Biden and Vietnam's leader pledge closer ties on chips and minerals

By DAVID RISING and ANIRUDDHA GHOSAL

Published September 11, 2023

HANOI, Vietnam (AP) — President Joe Biden and Vietnam's top leader agreed on Sunday to deepen cooperation on semiconductors and critical minerals, a step both sides described as historic.

Photo: Reuters

The two leaders did not take questions. Officials said the agreement would be followed by a visit from a trade delegation in the spring, with investment in packaging and testing plants near Hanoi.

ADVERTISEMENT

ALSO READ: Five things to know about Vietnam's economy

Read More:

Related stories

Tags: Vietnam, United States, chips

Join our Facebook Group for daily updates

Leave a comment

Your email address will not be published. Required fields are marked *

biden-hanoi-2023.jpg
"""

TAIWAN = """Stay up to date with notifications from Taiwan News

Taiwan watches Hanoi's new partnership with Washington

TAIPEI (Taiwan News) – Analysts in Taipei said on Monday that the upgraded relationship could draw more Taiwanese electronics firms to northern Vietnam, where land and labour remain cheaper than at home.

Dec 11, 2023 / 14:08
"""

MEMO = """# Memo: what the upgrade means for maritime security

**Prepared by** the Asia desk, 2019/11/26

The partnership commits both governments to regular maritime dialogue, coast guard training and the transfer of a further cutter, without any talk of basing rights.
"""

GERMAN = """Foto: dpa/Linh Pham

Vietnam und die USA vertiefen ihre Partnerschaft

Von unserer Korrespondentin in Hanoi. Die Vereinbarung umfasst Halbleiter, seltene Erden und eine engere Zusammenarbeit bei der Ausbildung von Fachkräften in der Industrie.
"""


def analysed(text: str):
    return prepare("doc.txt", "sha", text)


def removed(text: str) -> dict[str, str]:
    doc = analysed(text)
    return {" ".join(text[s:e].split())[:40]: why for s, e, why in doc.noise}


def kept(text: str) -> list[str]:
    doc = analysed(text)
    return [" ".join(text[slice(*doc.paragraphs[i])].split()) for i in doc.prose]


def test_two_authors_in_capitals_stay_together_and_are_not_a_publisher():
    meta = analysed(AP_STORY).meta
    assert meta["author"] == "David Rising and Aniruddha Ghosal"
    assert meta["publisher"] == "Associated Press"  # from the dateline's agency


def test_a_photo_credit_is_never_the_title():
    assert analysed(AP_STORY).meta["title"] == (
        "Biden and Vietnam's leader pledge closer ties on chips and minerals"
    )


def test_published_dates_and_slashed_dates_are_found():
    assert analysed(AP_STORY).meta["date"] == dt.date(2023, 9, 11)
    assert analysed(TAIWAN).meta["date"] == dt.date(2023, 12, 11)
    assert analysed(MEMO).meta["date"] == dt.date(2019, 11, 26)


def test_promotion_lines_are_not_titles_and_agency_datelines_name_the_publisher():
    meta = analysed(TAIWAN).meta
    assert meta["title"] == "Taiwan watches Hanoi's new partnership with Washington"
    assert meta["publisher"] == "Taiwan News"


def test_markdown_marks_never_reach_a_title():
    assert analysed(MEMO).meta["title"] == "Memo: what the upgrade means for maritime security"


def test_a_credit_in_another_language_is_not_the_title():
    assert analysed(GERMAN).meta["title"] == "Vietnam und die USA vertiefen ihre Partnerschaft"


def test_a_lead_paragraph_beside_a_credit_line_is_kept():
    prose = " ".join(kept(AP_STORY))
    assert "HANOI, Vietnam (AP) — President Joe Biden" in prose
    assert "The two leaders did not take questions." in prose


@pytest.mark.parametrize(
    "junk",
    [
        "ADVERTISEMENT",
        "ALSO READ: Five things",
        "Read More:",
        "Related stories",
        "Tags: Vietnam, United",
        "Join our Facebook Group",
        "Leave a comment",
        "Your email address will not",
        "biden-hanoi-2023.jpg",
    ],
)
def test_page_furniture_is_removed_with_a_reason(junk: str):
    found = {k: v for k, v in removed(AP_STORY).items() if k.startswith(junk)}
    assert found, f"{junk!r} was kept as prose"
    assert all(found.values())


def test_a_caption_above_a_credit_is_still_removed():
    text = (
        "Vietnam upgrades its partnership with the United States in a landmark shift.\n\n"
        "President Joe Biden speaks during a news conference in Hanoi on Sunday.\n\n"
        "Photo: Reuters\n\n"
        "HANOI (Reuters) - Vietnam on Sunday raised its ties with the United States to its "
        "highest diplomatic level, a move that analysts said reflects shared concern over "
        "China's conduct at sea and a push for investment in chips.\n"
    )
    reasons = removed(text)
    assert reasons.get("President Joe Biden speaks during a news") == "photo caption or credit"
    assert any(p.startswith("HANOI (Reuters)") for p in kept(text))


REPORT_ITALIC_BYLINE = """# Perspective: Laos Between Two Railways

**Mekong Policy Notes | No. 12 | 8 March 2024**

*By Dr. Somsack Vongsa and Dr. Claire Dubois*

---

The railway from Kunming to Vientiane carried more freight in its second year than its builders forecast, and the debt that paid for it now shapes every decision the government takes.
"""


@pytest.mark.parametrize("marks", ["*", "_", "**"])
def test_a_byline_set_in_emphasis_names_the_authors(marks: str):
    text = REPORT_ITALIC_BYLINE.replace(
        "*By Dr. Somsack Vongsa and Dr. Claire Dubois*",
        (f"{marks}By Dr. Somsack Vongsa and Dr. Claire Dubois{marks}"),
    )
    meta = analysed(text).meta
    assert meta["author"] == "Dr. Somsack Vongsa and Dr. Claire Dubois"
    assert meta["date"] == dt.date(2024, 3, 8)


# A page printed from a browser: its menu, a sign-in prompt and a language list come first,
# so the byline and its date stand past the first eight lines (a Reuters-style report, not
# written with the rule in mind).
PRINTED_PAGE = """Skip to main content

World

Business

Markets

Sustainability

Legal

Sign in

English | 日本語 | Español

Indonesia courts Japanese chipmakers as Malaysia's subsidies draw rivals

By Stanley Widianto and Fransiska Nangoy

14 May 2024, 09:12 GMT+7

JAKARTA, May 14 (Reuters) - Indonesia offered Japanese chip-packaging firms land and tax holidays on Tuesday, officials said, as Southeast Asian governments compete for plants leaving China.

The offer follows Malaysia's decision last month to double its incentives for back-end semiconductor work in Penang and Kulim.
"""


def test_a_date_just_after_a_byline_past_the_first_lines_is_found():
    meta = analysed(PRINTED_PAGE).meta
    assert meta["author"] == "Stanley Widianto and Fransiska Nangoy"
    assert meta["date"] == dt.date(2024, 5, 14)


def test_a_date_far_from_the_byline_and_the_first_lines_is_not_taken():
    late = PRINTED_PAGE.replace("14 May 2024, 09:12 GMT+7\n\n", "").replace(
        "The offer follows", "Figures released on 2 June 2024 show the offer follows"
    )
    assert analysed(late).meta["date"] is None
