"""Pins `check` must report beyond a missing quote: one that cuts a word, and one whose passage
another pin already holds (the composer shows it only once, so the later pin is dropped)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.errors import CorpusError, Problem
from briefing.outline.models import OutlineFile
from briefing.sources.library import Library
from briefing.sources.quotes import locate_quote
from briefing.yamlpos import Located


@dataclass(frozen=True)
class Placed:
    """A pin found in its source: which slide (1 = first), which pin there, and its span."""

    slide: int
    index: int
    source: str
    start: int
    end: int


def cuts_word(text: str, start: int, end: int) -> bool:
    """Whether [start, end) begins or ends inside a word of `text`."""

    def inside(at: int) -> bool:
        return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()

    return inside(start) or inside(end)


def overlaps(placed: list[Placed]) -> list[tuple[Placed, Placed]]:
    """Each pin that shares characters with an earlier one, paired with that earlier pin."""
    found: list[tuple[Placed, Placed]] = []
    for i, pin in enumerate(placed):
        for earlier in placed[:i]:
            if earlier.source == pin.source and earlier.start < pin.end and pin.start < earlier.end:
                found.append((pin, earlier))
                break
    return found


def pin_problems(model: OutlineFile, library: Library, located: Located) -> list[Problem]:
    """Pins whose quote cuts a word, and pins overlapping an earlier pin (any slide)."""
    problems: list[Problem] = []
    placed: list[Placed] = []
    for i, slide in enumerate(model.slides):
        for j, ref in enumerate(slide.pins):
            try:
                text = library.text(ref.source)
            except CorpusError:
                continue  # reported as an unknown source
            span = locate_quote(text, ref.quote)
            if span is None:
                continue  # reported as a lost quote
            placed.append(Placed(i + 1, j, ref.source, *span))
            if cuts_word(text, *span):
                problems.append(
                    located.problem(
                        ("slides", i, "pins", j, "quote"),
                        "pinned quote starts or ends inside a word; pin whole words "
                        "(`briefing pin` suggests the span)",
                    )
                )
    for pin, earlier in overlaps(placed):
        other = model.slides[earlier.slide - 1].title
        problems.append(
            located.problem(
                ("slides", pin.slide - 1, "pins", pin.index, "quote"),
                f"pin overlaps a pin on slide {earlier.slide} '{other}' and would not be "
                "shown; remove one of them",
            )
        )
    return problems
