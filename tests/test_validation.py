"""Validating outlines, themes and catalogue entries: every problem in one pass, in the user's
words, at its line; values as the models promise them (stripped, bounded, fresh defaults)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.outline.models import OutlineFile, SlideSpec, ThemeFile
from briefing.sources.catalogue_entry import CatalogueEntry
from briefing.validation import check, validate
from briefing.yamlpos import load_located
from tests.conftest import python_probe


def messages(model: type, data: object) -> list[str]:
    found, issues = check(model, data)
    assert found is None
    return [issue.message for issue in issues]


def test_every_problem_is_found_in_one_pass() -> None:
    data = {
        "title": " ",
        "slidez": 1,
        "date": "someday",
        "slides": [
            {"title": "A", "excerpts": "x", "minutes": 0},
            {"title": "B", "pins": [3, {"source": "s"}]},
        ],
    }
    _, issues = check(OutlineFile, data)
    found = {(issue.path, issue.message) for issue in issues}
    assert found == {
        (("title",), "must not be empty"),
        (("slidez",), found_unknown("slidez", issues)),
        (("date",), "expected a date such as 2023-11-20, got 'someday'"),
        (("slides", 0, "excerpts"), "expected a whole number, got 'x'"),
        (("slides", 0, "minutes"), "0 is out of range; use a number above 0"),
        (("slides", 1, "pins", 0), "expected a mapping of keys (like `source: ...`), got 3"),
        (("slides", 1, "pins", 1), "missing required key 'quote'"),
    }


def found_unknown(key: str, issues: list) -> str:
    (issue,) = [i for i in issues if i.path == (key,)]
    assert issue.key  # located at the key, not its value
    return issue.message


def test_an_unknown_key_is_named_with_the_nearest_allowed_one() -> None:
    (message,) = messages(SlideSpec, {"title": "A", "exerpts": 2})
    assert message.startswith("unknown key 'exerpts' (did you mean 'excerpts'?); allowed here:")
    assert "bullets, excerpts, exclude, minutes, notes, pins, theme, title" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"excerpts": 40}, "40 is out of range; use 0 to 20"),
        ({"excerpts": -1}, "-1 is out of range; use 0 to 20"),
        ({"excerpts": 2.5}, "expected a whole number, got 2.5"),
        ({"excerpts": True}, "expected a whole number, got true"),
        ({"minutes": -3}, "-3 is out of range; use a number above 0"),
        ({"minutes": "soon"}, "expected a number, got 'soon'"),
        ({"minutes": float("inf")}, "expected a finite number, got inf"),
        ({"bullets": "one point"}, "expected a list, got 'one point'"),
        ({"bullets": ["fine", ""]}, "must not be empty"),
        ({"bullets": [1]}, "expected text, got 1; put it in quotes to keep it as text"),
        ({"title": True}, "expected text, got true; put it in quotes to keep it as text"),
        ({"notes": ["a"]}, "expected text, got a list"),
    ],
)
def test_a_wrong_value_says_what_was_expected_and_what_was_found(data: dict, expected: str) -> None:
    assert messages(SlideSpec, {"title": "A", **data}) == [expected]


def test_values_come_out_as_the_models_promise() -> None:
    slide, issues = check(
        SlideSpec, {"title": "  Balancing China \n", "excerpts": "4", "bullets": [" a "]}
    )
    assert issues == [] and slide is not None
    assert slide.title == "Balancing China"  # text is stripped
    assert slide.excerpts == 4  # a quoted number is a number
    assert slide.bullets == ["a"]
    assert messages(SlideSpec, {"title": "   "}) == ["must not be empty"]  # stripped, then checked


def test_empty_defaults_are_fresh_and_empty() -> None:
    one, _ = check(SlideSpec, {"title": "One"})
    two, _ = check(SlideSpec, {"title": "Two"})
    assert one is not None and two is not None
    assert one.bullets == [] and one.pins == [] and one.exclude == []
    assert one.bullets is not two.bullets  # each slide its own list
    theme, _ = check(ThemeFile, {"title": "T", "keywords": ["k"]})
    assert theme is not None
    assert theme.weights == {} and theme.exclude == [] and theme.context == []
    outline, _ = check(OutlineFile, {"title": "D", "slides": [{"title": "S"}]})
    assert outline is not None and outline.language == ["en"]


def test_dates_are_read_from_yaml_or_text_and_must_be_plausible() -> None:
    entry, _ = check(CatalogueEntry, {"date": "2023-09-11"})
    assert entry is not None and entry.date == dt.date(2023, 9, 11)
    entry, _ = check(CatalogueEntry, {"date": dt.date(2023, 9, 11), "title": None})
    assert entry is not None and entry.date == dt.date(2023, 9, 11) and entry.title is None
    assert messages(CatalogueEntry, {"date": dt.date(1066, 10, 14)}) == [
        "1066-10-14 is outside the years 1900-2200; check the year"
    ]
    assert messages(CatalogueEntry, {"date": 12}) == ["expected a date such as 2023-11-20, got 12"]


def test_a_weight_must_be_a_finite_number() -> None:
    for weight in (float("inf"), float("-inf")):
        assert messages(ThemeFile, {"title": "T", "keywords": ["k"], "weights": {"k": weight}}) == [
            f"expected a finite number, got {weight:g}"
        ]


def test_a_theme_needs_keywords_and_numeric_weights() -> None:
    assert messages(ThemeFile, {"title": "T", "keywords": []}) == ["add at least one keyword"]
    assert messages(ThemeFile, {"title": "T", "keywords": ["k"], "weights": {"k": "heavy"}}) == [
        "expected a number, got 'heavy'"
    ]
    assert messages(ThemeFile, {"summary": "x"}) == [
        "missing required key 'title'",
        "missing required key 'keywords'",
    ]


def test_problems_are_placed_at_their_line_and_name_the_slide() -> None:
    text = (
        "title: Deck\n"
        "slides:\n"
        "  - title: Balancing China\n"
        "    excerpts: 40\n"
        "    pins:\n"
        "      - source: a.txt\n"
        "        qoute: text\n"
    )
    located = load_located(Path("outlines/x.yaml"), text)
    model, problems = validate(OutlineFile, located)
    assert model is None
    assert [str(p) for p in sorted(problems)] == [
        "outlines/x.yaml:4:15: slide 1 'Balancing China': excerpts: 40 is out of range; "
        "use 0 to 20",
        "outlines/x.yaml:6:9: slide 1 'Balancing China': pins 1: missing required key 'quote'",
        "outlines/x.yaml:7:9: slide 1 'Balancing China': unknown key 'qoute' (did you mean "
        "'quote'?); allowed here: quote, source",
    ]


def test_validating_an_outline_loads_no_heavy_library() -> None:
    """In a fresh process: the models and a validation import msgspec, never pydantic (whose
    import and model building were ~0.1 s of every composing run's start)."""
    code = (
        "import sys\n"
        "from briefing.outline.models import OutlineFile\n"
        "from briefing.validation import check\n"
        "model, issues = check(OutlineFile, {'title': 'D', 'slides': [{'title': 'S'}]})\n"
        "assert model is not None and not issues\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'msgspec'}))\n"
    )
    found = python_probe(code)
    assert found.stdout.strip() == "['msgspec']", found.stderr[-500:]
