"""Typed models for theme and outline files: they forbid unknown keys and are the one source of
truth for validation and for the JSON Schemas editors use."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from briefing.errors import Problem
from briefing.suggest import did_you_mean
from briefing.yamlpos import Located

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ThemeFile(Strict):
    """`themes/<id>.yaml`: a topic the composer looks for (never a colour scheme)."""

    title: Text = Field(description="Shown on slides and in listings.")
    keywords: list[Text] = Field(
        min_length=1,
        description="Words or phrases, matched case-insensitively and stemmed.",
    )
    summary: str | None = Field(default=None, description="One line on what the theme covers.")
    weights: dict[str, float] = Field(
        default_factory=dict,
        description="Extra weight for some keywords (keyword -> multiplier, default 1).",
    )
    exclude: list[Text] = Field(
        default_factory=list,
        description="Words or phrases that disqualify a passage from this theme.",
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
    bullets: list[Text] = Field(default_factory=list, description="The analyst's own points.")
    notes: str | None = Field(default=None, description="Speaker notes (a Jinja2 template).")
    minutes: float | None = Field(default=None, gt=0, description="Time budget when presenting.")
    pins: list[QuoteRef] = Field(default_factory=list, description="Excerpts always shown.")
    exclude: list[QuoteRef] = Field(default_factory=list, description="Excerpts never shown.")


class OutlineFile(Strict):
    """`outlines/<name>.yaml`: one briefing deck."""

    title: Text = Field(description="The deck's title, shown on the title slide. Required.")
    subtitle: str | None = Field(default=None, description="One line under the title.")
    presenter: str | None = Field(default=None, description="Who presents the deck.")
    date: dt.date | None = Field(default=None, description="The date on the title slide.")
    marking: str | None = Field(default=None, description="Classification marking on each slide.")
    sources: str | None = Field(default=None, description="Source folder, relative to this file.")
    themes: str | None = Field(default=None, description="Theme folder, relative to this file.")
    slides: list[SlideSpec] = Field(min_length=1, description="The slides, in order.")


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], located: Located) -> tuple[M | None, list[Problem]]:
    """Validate located YAML data, returning the model or every problem with its position."""
    if located.data is None:
        return None, [located.problem((), "the file is empty; see the example in outlines/")]
    if not isinstance(located.data, dict):
        return None, [located.problem((), "expected a mapping of keys (like `title: ...`)")]
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        return None, [_to_problem(model, located, err) for err in exc.errors()]


def _to_problem(model: type[BaseModel], located: Located, err: Any) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(key, allowed)
        allowed_text = ", ".join(sorted(allowed))
        message = f"unknown key '{key}'{hint}; allowed here: {allowed_text}"
        return located.problem(loc, message, key=True)
    if kind == "missing":
        return located.problem(loc[:-1], f"missing required key '{loc[-1]}'")
    if kind == "too_short" and isinstance(loc[-1], str):
        item = loc[-1].removesuffix("s")
        return located.problem(loc, f"{loc[-1]}: add at least one {item}")
    where = ".".join(str(p) for p in loc)
    return located.problem(loc, f"{where}: {err['msg'].lower()}")


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a location, walking nested models and list items."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            break
        current = _model_in(field.annotation) or current
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None
