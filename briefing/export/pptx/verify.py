"""`briefing verify`: does every quote in a written deck still match its source verbatim?

Reads the deck through briefing.export.pptx.writer (the only pptx importer) and the provenance each
quote's shape carries (see briefing.export.pptx.provenance), then re-reads the sources named there.
"""

from __future__ import annotations

from pathlib import Path

from briefing.export.pptx.provenance import Provenance, check_quote
from briefing.outline.load import load_outline
from briefing.sources.canonical import Unreadable, read_canonical


def verify_deck(deck: Path, outline: Path) -> tuple[list[str], int]:
    """Problems as `DECK: slide N: ...` lines, and how many quotes were checked."""
    from briefing.export.pptx.writer import read_quotes

    sources = load_outline(outline).sources_dir
    where = str(deck)  # as the user typed it
    problems, checked = [], 0
    cache: dict[str, str | None] = {}
    for number, name, text in read_quotes(deck):
        prov = Provenance.parse(name)
        if prov is None:
            continue
        checked += 1
        if prov.source not in cache:
            cache[prov.source] = _read(sources / prov.source)
        problem = check_quote(prov, text, cache[prov.source])
        if problem:
            problems.append(f"{where}: slide {number}: {problem}")
    if checked == 0:
        problems.append(f"{where}: no quotes with provenance found (not built by briefing?)")
    return problems, checked


def _read(path: Path) -> str | None:
    """A source's canonical text, extracted again for PDF, HTML and DOCX, or None when it is
    gone or unreadable."""
    try:
        return read_canonical(path).text
    except (OSError, Unreadable):
        return None
