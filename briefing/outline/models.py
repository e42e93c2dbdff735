"""Typed models for theme and outline files: they forbid unknown keys and are the one source of
truth for validation (`briefing.validation`) and for the JSON Schemas editors use."""

# No `from __future__ import annotations`: msgspec reads these annotations, descriptions and
# bounds included, as the objects they are.
from typing import Annotated

from msgspec import Meta, field

from briefing.validation import Date, Strict, Text


class ThemeFile(Strict, kw_only=True):
    """`themes/<id>.yaml`: a topic the composer looks for (never a colour scheme)."""

    title: Annotated[Text, Meta(description="Shown on slides and in listings.")]
    keywords: Annotated[
        list[Text],
        Meta(min_length=1, description="Words or phrases, matched case-insensitively and stemmed."),
    ]
    summary: Annotated[str | None, Meta(description="One line on what the theme covers.")] = None
    weights: Annotated[
        dict[str, float],
        Meta(description="Extra weight for some keywords (keyword -> multiplier, default 1)."),
    ] = field(default_factory=dict)
    exclude: Annotated[
        list[Text], Meta(description="Words or phrases that disqualify a passage from this theme.")
    ] = field(default_factory=list)
    context: Annotated[
        list[Text],
        Meta(
            description=(
                "Keywords too generic to count alone: they count only beside another keyword "
                "of this theme in the same passage or paragraph."
            )
        ),
    ] = field(default_factory=list)


class QuoteRef(Strict, kw_only=True):
    """An excerpt chosen by hand, identified by its source file and verbatim quote."""

    source: Annotated[Text, Meta(description="The source document's file name.")]
    quote: Annotated[Text, Meta(description="The verbatim text of the excerpt.")]


class SlideSpec(Strict, kw_only=True):
    """One slide of an outline: theme excerpts, the analyst's bullets, or both."""

    title: Annotated[Text, Meta(description="The slide's title. Required.")]
    theme: Annotated[Text | None, Meta(description="A theme id: the slide quotes it.")] = None
    excerpts: Annotated[int, Meta(ge=0, le=20, description="How many excerpts to show.")] = 3
    bullets: Annotated[list[Text], Meta(description="The analyst's own points.")] = field(
        default_factory=list
    )
    notes: Annotated[str | None, Meta(description="Speaker notes (a Jinja2 template).")] = None
    minutes: Annotated[
        Annotated[float, Meta(gt=0)] | None, Meta(description="Time budget when presenting.")
    ] = None
    pins: Annotated[list[QuoteRef], Meta(description="Excerpts always shown.")] = field(
        default_factory=list
    )
    exclude: Annotated[list[QuoteRef], Meta(description="Excerpts never shown.")] = field(
        default_factory=list
    )


class OutlineFile(Strict, kw_only=True):
    """`outlines/<name>.yaml`: one briefing deck."""

    title: Annotated[
        Text, Meta(description="The deck's title, shown on the title slide. Required.")
    ]
    subtitle: Annotated[str | None, Meta(description="One line under the title.")] = None
    presenter: Annotated[str | None, Meta(description="Who presents the deck.")] = None
    date: Annotated[Date | None, Meta(description="The date on the title slide (1900-2200).")] = (
        None
    )
    marking: Annotated[str | None, Meta(description="Classification marking on each slide.")] = None
    sources: Annotated[str | None, Meta(description="Source folder, relative to this file.")] = None
    themes: Annotated[str | None, Meta(description="Theme folder, relative to this file.")] = None
    language: Annotated[
        list[Text],
        Meta(
            description=(
                "Languages the deck may quote (ISO 639-1 codes, default en); sources in other "
                "languages are not quoted."
            ),
            extra_json_schema={"default": ["en"]},
        ),
    ] = field(default_factory=lambda: ["en"])
    slides: Annotated[list[SlideSpec], Meta(min_length=1, description="The slides, in order.")]
