"""The segmenter against a hand-written sentence-boundary gold set (tests/sources/data)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.sources.segment import Span, paragraphs, sentences

GOLD = Path(__file__).parent / "data" / "sentence_gold.txt"
OPEN, CLOSE = "⟦", "⟧"
TODAY = "%% today:"


@dataclass(frozen=True)
class Case:
    """One gold case: its raw text, the right spans and, for a known error, today's spans."""

    text: str
    spans: list[Span]
    today: list[Span] | None


def unmark(marked: str) -> tuple[str, list[Span]]:
    """The raw text of a marked case and the spans its ⟦ ⟧ markers enclose."""
    raw: list[str] = []
    spans: list[Span] = []
    start = -1
    for char in marked:
        if char == OPEN:
            start = len(raw)
        elif char == CLOSE:
            spans.append(Span(start, len(raw)))
        else:
            raw.append(char)
    return "".join(raw), spans


def load(path: Path = GOLD) -> list[Case]:
    """Every case in the gold file."""
    cases = []
    for block in path.read_text("utf-8").split("\n---\n")[1:]:
        lines = block.strip("\n").split("\n")
        lines = [line for line in lines if line == TODAY or not line.startswith("%% ")]
        gold, _, today = "\n".join(lines).partition(f"\n{TODAY}\n")
        text, spans = unmark(gold)
        known = None
        if today:
            today_text, known = unmark(today)
            assert today_text == text, "a case's today: block must have the same text"
        cases.append(Case(text, spans, known))
    return cases


def segment_all(text: str) -> list[Span]:
    """The sentence spans of a whole text, through paragraphs as the index sees them."""
    return [s for p in paragraphs(text) for s in sentences(text, p)]


CASES = load()


@pytest.mark.parametrize("case", CASES, ids=[c.text[:40] for c in CASES])
def test_gold_sentences(case: Case) -> None:
    got = segment_all(case.text)
    shown = [case.text[s.start : s.end] for s in got]
    if case.today is None:
        assert got == case.spans, shown
    else:
        assert got == case.today, f"known error changed (fixed? move it to gold): {shown}"


def test_gold_set_size_and_score() -> None:
    assert len(CASES) >= 50
    right = sum(segment_all(c.text) == c.spans for c in CASES)
    assert right >= len(CASES) - sum(c.today is not None for c in CASES)
