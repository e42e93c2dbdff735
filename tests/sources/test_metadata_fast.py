"""The metadata extractor's shortcuts (a pattern runs only on lines that can hold it) find
exactly what the plain patterns find on every line."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.sources import metadata

PIECES = (
    "By By* *By **By __By _By By: Dr Dr. Prof Professor Prof. # ## ###### ( ) (AP) (Reuters) "
    "HANOI HANOI, - – — | Jane Doe JANE DOE and & , . * ** _ __ 2023 2023-09-11 11 Sept "
    "September Jan. 3 1 21 Mar ٢٠٢٣ ٣ ５ 12/01/2024 b bY x".split()
)
GAPS = ["", " ", "  ", "\t"]


@st.composite
def lines(draw: st.DrawFn) -> str:
    """A stripped line of pieces, as extract() sees it (whitespace runs made single)."""
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=10))
    return " ".join("".join(p + g for p, g in parts).split())


def plain_byline(line: str) -> re.Match[str] | None:
    return metadata._BYLINE.match(line) or metadata._BYLINE.match(metadata._emphasis_off(line))


def plain_unmark(line: str) -> str:
    return re.sub(r"^#{1,6}\s+|[*_]{2}", "", line).strip()


def plain_date(line: str) -> dt.date | None:
    """_find_date as it was, every pattern tried on every line."""
    for pattern, order in (
        (metadata._DATE_MDY, "mdy"),
        (metadata._DATE_DMY, "dmy"),
        (metadata._DATE_ISO, "iso"),
    ):
        match = pattern.search(line)
        if not match:
            continue
        try:
            if order == "iso":
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            if order == "mdy":
                return dt.date(int(match[3]), metadata._MONTHS[match[1].lower()], int(match[2]))
            return dt.date(int(match[3]), metadata._MONTHS[match[2].lower()], int(match[1]))
        except (ValueError, KeyError):
            continue
    return None


@settings(max_examples=400, deadline=None)
@given(lines())
@example("*By Dr. Lan Pham*")
@example("__By Jane Doe__")
@example("## Heading *with* emphasis")
@example("HANOI, Vietnam (AP) — The")
@example("Dr Jane Doe Smith")
@example("Published ٣ Sept ٢٠٢٣")
def test_shortcuts_match_the_plain_patterns(line: str) -> None:
    fast, plain = metadata._byline(line), plain_byline(line)
    assert (fast and fast.groups()) == (plain and plain.groups())
    assert metadata._unmark(line) == plain_unmark(line)
    assert metadata._find_date(line) == plain_date(line)
    honorific = metadata._HONORIFIC.match(line)
    assert honorific is None or line.startswith(("Dr", "Prof"))
    dateline = metadata._DATELINE.match(line)
    assert dateline is None or "(" in line


def test_a_digitless_line_holds_no_date() -> None:
    assert metadata._find_date("Published on the eleventh of September") is None
    assert metadata._find_date("Published September 11, 2023") is not None
