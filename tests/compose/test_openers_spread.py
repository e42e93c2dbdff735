"""Self-contained openings, datelines, and spreading a slide across sources."""

from __future__ import annotations

import pytest

from briefing.compose.openers import (
    connective_only,
    dateline_end,
    definite_reference,
    editorial,
)
from briefing.compose.ranking import Candidate
from briefing.compose.select import Used, choose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was hailed as a breakthrough.", "The deal"),
        ("The team belongs to the Pentagon's accounting agency.", "The team"),
        ("The partnership, agreed in 2022, aims to cut emissions.", None),
        ("The Mekong Delta is sinking.", None),
        ("Vietnam signed the deal.", None),
    ],
)
def test_definite_reference(text, expected):
    assert definite_reference(text) == expected


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            "HANOI, Aug 22 (Reuters) - Vietnam's fund has paid little.",
            "Vietnam's fund has paid little.",
        ),
        ("HANOI, Vietnam (AP) \u2014 Farmers still find bombs.", "Farmers still find bombs."),
        ("HO CHI MINH CITY (AFP) \u2013 Firms moved south.", "Firms moved south."),
        ("NATO - the alliance - met.", "NATO - the alliance - met."),
        ("Vietnam's fund has paid little.", "Vietnam's fund has paid little."),
    ],
)
def test_dateline_is_skipped(text, rest):
    assert text[dateline_end(text, 0, len(text)) :] == rest


def _c(source: str, start: int, score: float) -> Candidate:
    return Candidate(source, start, start + 10, 0, 100, score, score, 1.0, 30, False, ("x",))


def test_a_further_source_within_the_margin_is_preferred():
    ranked = [_c("a", 0, 10.0), _c("a", 50, 9.9), _c("b", 0, 9.5), _c("c", 0, 5.0)]
    picked = choose(
        ranked, 2, Used(), lambda c: " ".join(f"{c.source}{c.start}w{i}" for i in range(6))
    )
    assert [(c.source, c.start) for c in picked] == [("a", 0), ("b", 0)]


def test_a_further_source_far_below_is_not_preferred():
    ranked = [_c("a", 0, 10.0), _c("a", 50, 9.9), _c("b", 0, 5.0)]
    picked = choose(
        ranked, 3, Used(), lambda c: " ".join(f"{c.source}{c.start}w{i}" for i in range(6))
    )
    assert [(c.source, c.start) for c in picked][:2] == [("a", 0), ("a", 50)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meanwhile, the Vietnamese took steps to mitigate a backlash.", True),
        ("Yet the move should not be read as a tilt.", True),
        ("He advocated a slower pace.", False),
        ("Their statement was brief.", False),
    ],
)
def test_connective_openers_name_their_subject(text, expected):
    assert connective_only(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We spoke with Dr. Lan, who studies press freedom, about the new decree.", True),
        ("This interview has been edited for length and clarity.", True),
        ("Dr. Lan said the decree would chill reporting on land disputes.", False),
        ("We asked Nguyen Thi Lan, a labour lawyer, what the new code changes.", True),
        ("Last week we interviewed Prof. Tran about the dam.", True),
        ("Ho Van Minh, a former negotiator, spoke to us about the talks.", True),
        ("Economist Le Dang Doanh joins us to discuss the trade surplus.", True),
        ("What follows is the following interview, lightly edited.", True),
        # an interviewee's own "we": not the outlet introducing itself
        ("We asked the ministry for money three times and heard nothing.", False),
        ("Investors told us that reliable power matters most.", False),
        ("We met every target the ministry set for 2023.", False),
    ],
)
def test_editorial_passages(text, expected):
    assert editorial(text) is expected


def _words(c: Candidate) -> str:
    return " ".join(f"{c.source}{c.start}w{i}" for i in range(6))


@pytest.mark.parametrize(("third", "expected"), [(8.0, "c"), (6.0, "b")])
def test_a_third_source_wins_a_wider_margin_for_the_last_place(third, expected):
    """Two reports and a news page: the slide's last place goes to the page when it scores
    within WIDE_MARGIN of the reports' next passage, not only within SPREAD_MARGIN."""
    ranked = [
        _c("a", 0, 10.0),
        _c("b", 0, 9.95),
        _c("a", 50, 9.9),
        _c("b", 50, 9.85),
        _c("c", 0, third),
    ]
    picked = choose(ranked, 4, Used(), _words)
    assert [c.source for c in picked] == ["a", "b", "a", expected]


def test_the_wider_margin_does_not_apply_while_places_remain():
    """With places to spare, a weaker new source still needs to be within SPREAD_MARGIN."""
    ranked = [_c("a", 0, 10.0), _c("a", 50, 9.9), _c("c", 0, 8.0), _c("d", 0, 7.9)]
    picked = choose(ranked, 4, Used(), _words)
    assert [c.source for c in picked][:2] == ["a", "a"]


def test_the_wider_margin_is_not_for_a_garbled_page():
    """A machine-garbled page (low quality) only wins the last place within SPREAD_MARGIN."""
    garbled = Candidate("c", 0, 10, 0, 100, 8.0, 14.0, 0.56, 30, False, ("x",))
    ranked = [_c("a", 0, 10.0), _c("b", 0, 9.95), _c("a", 50, 9.9), _c("b", 50, 9.85), garbled]
    assert [c.source for c in choose(ranked, 4, Used(), _words)] == ["a", "b", "a", "b"]


def _t(source: str, start: int, score: float, terms: tuple[str, ...]) -> Candidate:
    return Candidate(source, start, start + 10, 0, 100, score, score, 1.0, 30, False, terms)


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (("tariff", "trade surplus"), "c"),  # as broad as the reports' passage: a third voice
        (("tariff",), "b"),  # one keyword: its lower score is not only weights and length
    ],
)
def test_a_third_source_as_broadly_on_the_theme_wins_the_last_place(terms, expected):
    """A wire story matching as many theme keywords as the reports wins the slide's last
    place within BROAD_MARGIN (here 34% below), a passage with fewer keywords does not."""
    pair = ("tariff", "trade surplus")
    ranked = [
        _t("a", 0, 10.0, pair),
        _t("b", 0, 9.95, pair),
        _t("a", 50, 9.9, pair),
        _t("b", 50, 9.85, pair),
        _t("c", 0, 6.5, terms),
    ]
    picked = choose(ranked, 4, Used(), _words)
    assert [c.source for c in picked] == ["a", "b", "a", expected]


@pytest.mark.parametrize(
    ("score", "terms", "expected"),
    [
        # two of the theme's keywords, 44% below the last place: the third voice the slide needs
        (5.5, ("tariff", "trade surplus"), "c"),
        # far below (half the score), even a passage as broad does not displace the reports'
        (4.9, ("tariff", "trade surplus"), "b"),
        # one of the theme's core (weighted) keywords, 65% below: still the third voice
        (3.5, ("human rights",), "c"),
        # a lesser keyword that far below is not
        (3.5, ("regime",), "b"),
    ],
)
def test_how_far_below_a_third_voice_may_win_the_last_place(score, terms, expected):
    """The margins for the last place a slide needs to reach three sources: BROAD_MARGIN for
    a passage as broadly on the theme, CORE_MARGIN for one on a core keyword."""
    pair = ("tariff", "trade surplus")
    ranked = [
        _t("a", 0, 10.0, pair),
        _t("b", 0, 9.95, pair),
        _t("a", 50, 9.9, pair),
        _t("b", 50, 9.85, pair),
        _t("c", 0, score, terms),
    ]
    picked = choose(ranked, 4, Used(), _words, core=frozenset({"human rights"}))
    assert [c.source for c in picked] == ["a", "b", "a", expected]
