"""`briefing verify`: does every quote in a written deck still match its source verbatim?

Reads the deck through briefing.export.pptx.writer (the only pptx importer) and the provenance each
quote's shape carries (see briefing.export.pptx.provenance), then re-reads the sources named there.
The deck is untrusted: a quote without provenance fails, and a shape name can only name a
document listed in the outline's sources folder, never a path outside it.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import CorpusError, display_path
from briefing.export.pptx.provenance import (
    Provenance,
    check_attribution,
    check_quote,
    looks_like_quote,
)
from briefing.outline.load import load_outline
from briefing.sources.library import Library


def verify_deck(deck: Path, outline: Path) -> tuple[list[str], int]:
    """Problems as `DECK: slide N: ...` lines, and how many quotes were checked."""
    from briefing.export.pptx.writer import read_quotes

    shapes = read_quotes(deck)  # first: a file that is not a deck fails before any indexing
    library = Library(load_outline(outline).sources_dir)
    try:
        return _verify(str(deck), shapes, library)
    finally:
        library.close()


def _verify(
    where: str, shapes: list[tuple[int, str, str, str]], library: Library
) -> tuple[list[str], int]:
    known = {d.name for d in library.documents() if not d.skipped}
    problems, checked = [], 0
    for number, name, text, attribution in shapes:
        prov = Provenance.parse(name)
        if prov is None:
            if looks_like_quote(text, attribution) or name.startswith("Excerpt "):
                problems.append(
                    f"{where}: slide {number}: a quote carries no provenance (shape "
                    f"{name[:60]!r}), so it cannot be checked; rebuild it with `briefing build`"
                )
            continue
        checked += 1
        if prov.source not in known:
            problems.append(f"{where}: slide {number}: {_unknown(library.sources, prov.source)}")
            continue
        problem = check_quote(prov, text, _text(library, prov.source))
        if problem is None:
            problem = check_attribution(prov, attribution, _citation(library, prov))
        if problem:
            problems.append(f"{where}: slide {number}: {problem}")
    if checked == 0 and not problems:
        problems.append(f"{where}: no quotes with provenance found (not built by briefing?)")
    return problems, checked


def _unknown(sources: Path, name: str) -> str:
    """Why a shape's source name cannot be checked: it leaves the folder, or is not there."""
    inside = sources.resolve()
    target = (inside / name).resolve()
    if Path(name).is_absolute() or "\\" in name or not target.is_relative_to(inside):
        return (
            f"quote names {name[:80]!r}, a path outside the sources folder; the deck was "
            "tampered with, so nothing there was read (rebuild it with `briefing build`)"
        )
    return f"source {name} is missing or unreadable in {display_path(sources)}"


def _text(library: Library, name: str) -> str | None:
    """A source's text as the composer read it, or None when it is gone."""
    try:
        return library.text(name)
    except CorpusError:
        return None


def _citation(library: Library, prov: Provenance) -> str:
    """The attribution a quote should carry: its source's short citation, and its pages."""
    short = library.info(prov.source).short_citation()
    pages = library.page_fields(prov.source, prov.start, prov.end).get("pages")
    return f"{short}, {pages}" if pages else short
