"""Find a hand-picked quote again in its source, verbatim; light enough for any layer."""

from __future__ import annotations

import re


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote sits in its source: exactly, else with any whitespace between its words
    (so re-wrapped sources still match). The returned slice is always verbatim."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (match.start(), match.end()) if match else None
