"""Validate YAML data (with positions) against a typed model: every problem, where it is,
with a suggestion for a mistyped key. Shared by outlines, themes and the sources catalogue."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from briefing.errors import Problem
from briefing.suggest import did_you_mean
from briefing.yamlpos import Located


class Strict(BaseModel):
    """A model that forbids unknown keys and cannot be changed once made."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
