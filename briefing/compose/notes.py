"""Speaker notes: the outline's notes rendered as a sandboxed Jinja2 template, plus citations.

Outlines are shared files, so templates run in Jinja2's sandbox: they can read the slide's
context but cannot reach into Python internals.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from briefing.errors import TemplateError, display_path

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.deck import Deck, Slide


@cache
def _environment() -> Any:
    """Jinja2's sandbox, imported only when some note really is a template."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


def render_template(
    template: str, context: dict[str, Any], *, outline: Path | None, slide_no: int, title: str
) -> str:
    """Render one slide's notes; a failure names the outline file and the slide."""
    if "{" not in template:
        return template.strip()
    from jinja2 import TemplateError as JinjaTemplateError

    try:
        return _environment().from_string(template).render(**context).strip()
    except JinjaTemplateError as exc:
        where = display_path(outline) if outline else "outline"
        line = getattr(exc, "lineno", None)
        at = f" (notes line {line})" if line else ""
        raise TemplateError(
            f"{where}: slide {slide_no} '{title}': speaker notes template error{at}: {exc}"
        ) from None


def speaker_notes(slide: Slide, deck: Deck | None = None) -> str:
    """What the briefer reads: the rendered notes, then each excerpt's full citation and the
    paragraph around it, so they can answer "what else did it say?"."""
    parts = [slide.notes] if slide.notes else []
    for number, excerpt in enumerate(slide.excerpts, 1):
        parts.append(
            f"[{number}] {excerpt.source.full_citation()}\n"
            f"    ({excerpt.source.file}, characters {excerpt.start}-{excerpt.end})\n"
            f"    Context: {excerpt.paragraph or excerpt.text}"
        )
    return "\n\n".join(parts)
