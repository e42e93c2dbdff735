"""Speaker notes: the outline's notes rendered as a bounded, sandboxed Jinja2 template, plus
citations.

Outlines are shared files, so templates see plain data only (`briefing.outline.notes_context`)
and run in a sandbox with limits on time, size and depth (`briefing.outline.notes_sandbox`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.errors import TemplateError, display_path

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.deck import Deck, Slide


def render_template(
    template: str, context: dict[str, Any], *, outline: Path | None, slide_no: int, title: str
) -> str:
    """Render one slide's notes; a failure names the outline file and the slide."""
    if "{" not in template:
        return template.strip()
    from briefing.outline.notes_sandbox import NotesFailure, render_notes

    try:
        return render_notes(template, context).strip()
    except NotesFailure as exc:
        where = display_path(outline) if outline else "outline"
        at = f" (notes line {exc.line})" if exc.line else ""
        error = TemplateError(
            f"{where}: slide {slide_no} '{title}': speaker notes template error{at}: {exc.message}"
        )
        error.slide = slide_no
        raise error from None


def speaker_notes(slide: Slide, deck: Deck | None = None) -> str:
    """What the briefer reads: the rendered notes, then each excerpt's full citation (naming
    whose words it reports, as the slide does) and the paragraph around it, so they can answer
    "who said that?" and "what else did it say?"."""
    parts = [slide.notes] if slide.notes else []
    for number, excerpt in enumerate(slide.excerpts, 1):
        pages = f", {excerpt.pages}" if excerpt.pages else ""
        ref = excerpt.ref or number
        said = f"{excerpt.speaker}, quoted in " if excerpt.speaker else ""
        parts.append(
            f"[{ref}] {said}{excerpt.source.full_citation()}{pages}\n"
            f"    ({excerpt.source.file}, characters {excerpt.start}-{excerpt.end})\n"
            f"    Context: {excerpt.paragraph or excerpt.text}"
        )
    return "\n\n".join(parts)
