"""Validate YAML data (with positions) against a typed model: every problem, where it is,
with a suggestion for a mistyped key. Shared by outlines, themes and the sources catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from briefing.errors import Problem
from briefing.suggest import did_you_mean
from briefing.yamlpos import Located


class Strict(BaseModel):
    """A model that forbids unknown keys and cannot be changed once made."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=BaseModel)

FIRST_YEAR, LAST_YEAR = 1900, 2200  # a date outside these years is a typo, not a briefing


def _plausible(value: dt.date) -> dt.date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            f"{value.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}; check the year"
        )
    return value


Date = Annotated[dt.date, AfterValidator(_plausible)]


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
    """One pydantic error as a located problem; inside a slide, it names the slide."""
    problem = _located(model, located, err)
    label = _slide_label(located, tuple(err["loc"]))
    if label is None:
        return problem
    return Problem(problem.file, problem.line, problem.column, f"{label}: {problem.message}")


def _located(model: type[BaseModel], located: Located, err: Any) -> Problem:
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
    inside = loc[2:] if _slide_label(located, loc) else loc  # the slide is named apart
    where = ".".join(
        str(p + 1) if isinstance(p, int) and inside is not loc else str(p) for p in inside
    )
    return located.problem(loc, f"{where}: {_message(err)}" if where else _message(err))


def _message(err: Any) -> str:
    """Pydantic's message, lower-cased; a validator's own message as it wrote it."""
    if err["type"] == "value_error" and "error" in err.get("ctx", {}):
        return str(err["ctx"]["error"])
    return str(err["msg"]).lower()


def _slide_label(located: Located, loc: tuple[Any, ...]) -> str | None:
    """ "slide 4 'Human rights'" for a location inside an outline's slides, counted from 1."""
    if len(loc) < 2 or loc[0] != "slides" or not isinstance(loc[1], int):
        return None
    slides = located.data.get("slides") if isinstance(located.data, dict) else None
    slide = slides[loc[1]] if isinstance(slides, list) and loc[1] < len(slides) else None
    title = slide.get("title") if isinstance(slide, dict) else None
    return f"slide {loc[1] + 1}" + (f" '{title}'" if isinstance(title, str) and title else "")


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
