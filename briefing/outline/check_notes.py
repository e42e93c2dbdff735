"""`check` for speaker-notes templates: render each against its slide's context, as `build`
would, and report syntax errors, unknown filters and names at their place in the outline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefing.deck import Deck, Excerpt, SourceInfo
from briefing.errors import Problem
from briefing.outline.notes_context import notes_context
from briefing.outline.notes_sandbox import NotesFailure, render_notes
from briefing.outline.skeleton import skeleton_deck

if TYPE_CHECKING:
    from briefing.outline.load import Outline
    from briefing.outline.themes import Theme
    from briefing.yamlpos import Located

# What `check` renders against: the slide's own fields, with stand-in excerpts (the real
# ones are chosen by `compose`), as many as the slide asks for.
SAMPLE_SOURCE = SourceInfo(
    file="example.txt",
    title="An example source",
    author="A. N. Author",
    publisher="Example Press",
    date=dt.date(2023, 9, 10),
    url="https://example.org/source",
)


def _sample_deck(outline: Outline, themes: dict[str, Theme]) -> Deck:
    sample = Excerpt(SAMPLE_SOURCE, 0, 16, "An example quote", paragraph="An example quote.")
    return skeleton_deck(
        outline, themes, lambda spec: (sample,) * (spec.excerpts if spec.theme else len(spec.pins))
    )


def check_notes(outline: Outline, located: Located, themes: dict[str, Theme]) -> list[Problem]:
    """One problem per notes template that does not render, at `FILE:LINE:COL`."""
    deck = _sample_deck(outline, themes)
    problems = []
    for number, slide in enumerate(deck.slides, 1):
        if "{" not in slide.notes or (slide.theme and slide.theme not in themes):
            continue  # a theme that did not load is reported on its own
        theme = themes.get(slide.theme) if slide.theme else None
        try:
            render_notes(slide.notes, notes_context(deck, number, theme))
        except NotesFailure as exc:
            line, col = _position(outline.text, located, number - 1, slide.notes, exc)
            message = f"slide {number} '{slide.title}': speaker notes: {exc.message}"
            problems.append(Problem(located.file, line, col, message))
    return problems


def _position(
    text: str, located: Located, index: int, template: str, exc: NotesFailure
) -> tuple[int, int]:
    """Where in the outline file the failing template line (and name, if found) is."""
    line, col = located.where(("slides", index, "notes"))
    lines = text.splitlines()
    at = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
    inner = max(exc.line or 1, 1)
    source_lines = template.splitlines() or [""]
    row = source_lines[min(inner, len(source_lines)) - 1]
    offset = row.find(exc.name) if exc.name else -1
    if at in {"|", ">"}:  # a block scalar: its text starts on the next line, indented
        first = line + inner
        content = lines[first - 1] if 0 < first <= len(lines) else ""
        indent = len(content) - len(content.lstrip(" "))
        return first, indent + 1 + max(offset, 0)
    if inner == 1:
        quote = 1 if at in {"'", '"'} else 0
        return line, col + quote + max(offset, 0)
    return line + inner - 1, 1 + max(offset, 0)
