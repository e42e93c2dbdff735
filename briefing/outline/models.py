"""Typed models for theme and outline files: they forbid unknown keys and are the one source of
truth for validation and for the JSON Schemas editors use."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints

from briefing.validation import Date, Strict

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# pydantic reads each default factory's signature when it builds a model. A builtin's (`list`,
# `dict`) is parsed from its text by `tokenize`, whose first use compiles a 7 ms regular
# expression, paid by every run that validates an outline; a Python function's is not parsed.
def _no_items() -> list[Any]:
    return []


def _no_weights() -> dict[str, float]:
    return {}


class ThemeFile(Strict):
    """`themes/<id>.yaml`: a topic the composer looks for (never a colour scheme)."""

    title: Text = Field(description="Shown on slides and in listings.")
    keywords: list[Text] = Field(
        min_length=1,
        description="Words or phrases, matched case-insensitively and stemmed.",
    )
    summary: str | None = Field(default=None, description="One line on what the theme covers.")
    weights: dict[str, float] = Field(
        default_factory=_no_weights,
        description="Extra weight for some keywords (keyword -> multiplier, default 1).",
    )
    exclude: list[Text] = Field(
        default_factory=_no_items,
        description="Words or phrases that disqualify a passage from this theme.",
    )
    context: list[Text] = Field(
        default_factory=_no_items,
        description=(
            "Keywords too generic to count alone: they count only beside another keyword "
            "of this theme in the same passage or paragraph."
        ),
    )


class QuoteRef(Strict):
    """An excerpt chosen by hand, identified by its source file and verbatim quote."""

    source: Text = Field(description="The source document's file name.")
    quote: Text = Field(description="The verbatim text of the excerpt.")


class SlideSpec(Strict):
    """One slide of an outline: theme excerpts, the analyst's bullets, or both."""

    title: Text = Field(description="The slide's title. Required.")
    theme: Text | None = Field(default=None, description="A theme id: the slide quotes it.")
    excerpts: int = Field(default=3, ge=0, le=20, description="How many excerpts to show.")
    bullets: list[Text] = Field(default_factory=_no_items, description="The analyst's own points.")
    notes: str | None = Field(default=None, description="Speaker notes (a Jinja2 template).")
    minutes: float | None = Field(default=None, gt=0, description="Time budget when presenting.")
    pins: list[QuoteRef] = Field(default_factory=_no_items, description="Excerpts always shown.")
    exclude: list[QuoteRef] = Field(default_factory=_no_items, description="Excerpts never shown.")


class OutlineFile(Strict):
    """`outlines/<name>.yaml`: one briefing deck."""

    title: Text = Field(description="The deck's title, shown on the title slide. Required.")
    subtitle: str | None = Field(default=None, description="One line under the title.")
    presenter: str | None = Field(default=None, description="Who presents the deck.")
    date: Date | None = Field(default=None, description="The date on the title slide (1900-2200).")
    marking: str | None = Field(default=None, description="Classification marking on each slide.")
    sources: str | None = Field(default=None, description="Source folder, relative to this file.")
    themes: str | None = Field(default=None, description="Theme folder, relative to this file.")
    language: list[Text] = Field(
        default_factory=lambda: ["en"],
        description=(
            "Languages the deck may quote (ISO 639-1 codes, default en); sources in other "
            "languages are not quoted."
        ),
    )
    slides: list[SlideSpec] = Field(min_length=1, description="The slides, in order.")
