"""Who `speaker` credits with an excerpt of a test document (paragraphs split on blank lines)."""

from __future__ import annotations

from briefing.compose.speaker import speaker


def who(document: str, excerpt: str) -> str | None:
    """The speaker of the first occurrence of `excerpt`, judged within its paragraph."""
    start = document.index(excerpt)
    end = start + len(excerpt)
    para_start = document.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = document.find("\n\n", end)
    para_end = len(document) if para_end < 0 else para_end
    return speaker(document, start, end, para_start, para_end)


def assert_credits(document: str, excerpt: str, name: str) -> None:
    """The excerpt is credited, and the credit names `name` (a title may stand before it)."""
    credit = who(document, excerpt)
    assert credit is not None and name in credit, credit
