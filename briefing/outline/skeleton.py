"""The deck an outline lays out before anything is quoted: its slides, bullets and budgets.

Two callers need it: `check` renders notes templates against it with stand-in excerpts, and
`present` paints it (as a draft) while the real deck is composed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.deck import Deck, Excerpt, Slide

if TYPE_CHECKING:
    from briefing.outline.load import Outline
    from briefing.outline.models import SlideSpec
    from briefing.outline.themes import Theme


def skeleton_deck(
    outline: Outline,
    themes: dict[str, Theme],
    excerpts: Callable[[SlideSpec], tuple[Excerpt, ...]] = lambda _spec: (),
    *,
    draft: bool = False,
) -> Deck:
    """Each slide of the outline with `excerpts(spec)` on it. A `draft` has no notes yet (they
    are templates over the real excerpts) and marks theme slides as still being composed."""
    model = outline.model
    slides = []
    for spec, line in zip(model.slides, outline.slide_lines, strict=True):
        theme = themes.get(spec.theme) if spec.theme else None
        slides.append(
            Slide(
                title=spec.title,
                theme=spec.theme,
                theme_title=theme.title if theme else None,
                excerpts=excerpts(spec),
                bullets=tuple(spec.bullets),
                notes="" if draft else spec.notes or "",
                minutes=spec.minutes,
                requested=spec.excerpts if spec.theme else 0,
                line=line,
                pending=draft and spec.theme is not None,
            )
        )
    return Deck(**deck_header(outline), slides=tuple(slides))


def deck_header(outline: Outline) -> dict[str, object]:
    """The deck's fields that come from the outline's header, as `Deck` takes them: the one
    place both the skeleton and the composed deck read them from."""
    model = outline.model
    return {
        "title": model.title,
        "subtitle": model.subtitle,
        "presenter": model.presenter,
        "date": model.date,
        "marking": model.marking,
        "outline_path": outline.path,
    }
