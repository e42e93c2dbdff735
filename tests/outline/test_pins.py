"""`check` reports pins the composer would drop or that cut a word, instead of staying silent."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefing.outline.pins import Placed, cuts_word, overlaps
from tests.conftest import run_cli

SOURCE = "002_a30051e82dc3743c.txt"


def test_cuts_word() -> None:
    text = "the negotiation, the agreement"
    assert cuts_word(text, 7, 20)
    assert cuts_word(text, 4, 12)
    assert not cuts_word(text, 4, 15)
    assert not cuts_word(text, 0, len(text))


def test_overlaps_pairs_each_later_pin_with_the_earlier_one() -> None:
    a, b, c = Placed(1, 0, "x", 0, 10), Placed(2, 0, "x", 5, 15), Placed(3, 0, "y", 0, 10)
    assert overlaps([a, b, c]) == [(b, a)]
    assert overlaps([a, Placed(2, 0, "x", 10, 20)]) == []


def _outline(project: Path, pins: dict[int, list[str]]) -> Path:
    path = project / "outlines" / "us-vietnam.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for number, quotes in pins.items():
        data["slides"][number - 1]["pins"] = [{"source": SOURCE, "quote": q} for q in quotes]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_check_reports_a_pin_overlapping_one_on_another_slide(project: Path) -> None:
    text = (project / "seeds" / SOURCE).read_text(encoding="utf-8")
    whole, part = text[2543:2869], text[2543:2700].rsplit(" ", 1)[0]
    outline = _outline(project, {3: [whole], 4: [part]})
    result = run_cli("check", outline)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "overlaps" in line]
    assert len(lines) == 1 and "slide 3 'Balancing China'" in lines[0], result.output


def test_check_reports_a_pin_that_cuts_a_word(project: Path) -> None:
    text = (project / "seeds" / SOURCE).read_text(encoding="utf-8")
    outline = _outline(project, {3: [text[2545:2869]]})
    result = run_cli("check", outline)
    assert result.exit_code == 1
    assert "inside a word" in result.output, result.output
