"""Validate YAML data (with positions) against a typed model: every problem, where it is, in the
user's words, with a suggestion for a mistyped key. Shared by outlines, themes and the sources
catalogue.

The models are msgspec Structs: msgspec imports in a few milliseconds, where pydantic's import
and model building took ~0.1 s of every run that composed a slide anew. msgspec stops at the
first wrong value, so the structure (models, lists, mappings) is walked here and each plain
value converted by msgspec on its own, so that every problem is reported at once."""

from __future__ import annotations

import datetime as dt
import math
import types
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import msgspec

from briefing.errors import Problem
from briefing.suggest import did_you_mean
from briefing.yamlpos import Located


class Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A model that forbids unknown keys and cannot be changed once made. Its subclasses say
    `kw_only=True` (msgspec does not inherit it): a required key may follow optional ones."""


M = TypeVar("M", bound=Strict)
KeyPath = tuple[Any, ...]  # keys and list indexes from the document's root

FIRST_YEAR, LAST_YEAR = 1900, 2200  # a date outside these years is a typo, not a briefing


def _plausible(value: dt.date) -> str | None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        return f"{value.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}; check the year"
    return None


# `extra` carries what msgspec does not check itself: "strip" (surrounding whitespace is
# dropped before the value is checked) and "check" (a function saying what is wrong, or None).
Text = Annotated[str, msgspec.Meta(min_length=1, extra={"strip": True})]
Date = Annotated[dt.date, msgspec.Meta(extra={"check": _plausible})]


@dataclass(frozen=True)
class Issue:
    """One problem in the data: where (`path`), what, and whether it is the key itself that is
    wrong (an unknown key) rather than its value."""

    path: KeyPath
    message: str
    key: bool = False


_BAD = object()  # a value that did not validate (its problem is already recorded)


def check(model: type[M], data: Any) -> tuple[M | None, list[Issue]]:
    """`data` as `model`, or None and every problem found in it."""
    issues: list[Issue] = []
    value = _value(model, data, (), issues)
    return (None, issues) if issues else (value, [])


def validate(model: type[M], located: Located) -> tuple[M | None, list[Problem]]:
    """Validate located YAML data, returning the model or every problem with its position."""
    if located.data is None:
        return None, [located.problem((), "the file is empty; see the example in outlines/")]
    if not isinstance(located.data, dict):
        return None, [located.problem((), "expected a mapping of keys (like `title: ...`)")]
    value, issues = check(model, located.data)
    return value, [_to_problem(located, issue) for issue in issues]


def _value(kind: Any, value: Any, path: KeyPath, issues: list[Issue]) -> Any:
    metas: tuple[msgspec.Meta, ...] = ()
    if get_origin(kind) is Annotated:
        kind, *found = get_args(kind)  # nested Annotated types arrive flattened
        metas = tuple(m for m in found if isinstance(m, msgspec.Meta))
    extra = {k: v for meta in metas for k, v in (meta.extra or {}).items()}
    if extra.get("strip") and isinstance(value, str):
        value = value.strip()
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [option for option in get_args(kind) if option is not type(None)]
        if value is None and len(options) < len(get_args(kind)):
            return None
        if len(options) == 1:
            return _value(options[0], value, path, issues)
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return _model(kind, value, path, issues)
    if origin is list:
        return _list(get_args(kind)[0], metas, value, path, issues)
    if origin is dict:
        return _mapping(get_args(kind), value, path, issues)
    return _plain(kind, metas, extra, value, path, issues)


def _model(model: type[msgspec.Struct], value: Any, path: KeyPath, issues: list[Issue]) -> Any:
    fields = {f.encode_name: f for f in msgspec.structs.fields(model)}
    if not isinstance(value, dict):
        expected = f"expected a mapping of keys (like `{next(iter(fields))}: ...`)"
        issues.append(Issue(path, f"{expected}, got {_what(value)}"))
        return _BAD
    before, given = len(issues), {}
    for key, item in value.items():
        field = fields.get(key) if isinstance(key, str) else None
        if field is None:
            hint = did_you_mean(str(key), list(fields))
            allowed = ", ".join(sorted(fields))
            message = f"unknown key '{key}'{hint}; allowed here: {allowed}"
            issues.append(Issue((*path, key), message, key=True))
            continue
        given[field.name] = _value(field.type, item, (*path, key), issues)
    for name, field in fields.items():
        if field.required and name not in value:
            issues.append(Issue(path, f"missing required key '{name}'"))
    return _BAD if len(issues) > before else model(**given)


def _list(
    item: Any, metas: tuple[msgspec.Meta, ...], value: Any, path: KeyPath, issues: list[Issue]
) -> Any:
    if not isinstance(value, list):
        issues.append(Issue(path, f"expected a list, got {_what(value)}"))
        return _BAD
    least = max((meta.min_length or 0 for meta in metas), default=0)
    if len(value) < least:
        name = str(path[-1]).removesuffix("s") if path else "item"
        issues.append(Issue(path, f"add at least one {name}"))
        return _BAD
    before = len(issues)
    found = [_value(item, entry, (*path, i), issues) for i, entry in enumerate(value)]
    return _BAD if len(issues) > before else found


def _mapping(kinds: tuple[Any, ...], value: Any, path: KeyPath, issues: list[Issue]) -> Any:
    if not isinstance(value, dict):
        issues.append(Issue(path, f"expected a mapping (like `key: value`), got {_what(value)}"))
        return _BAD
    before, found = len(issues), {}
    for key, entry in value.items():
        found[_value(kinds[0], key, (*path, key), issues)] = _value(
            kinds[1], entry, (*path, key), issues
        )
    return _BAD if len(issues) > before else found


_NOUNS: dict[Any, str] = {
    int: "a whole number",
    float: "a number",
    str: "text",
    bool: "true or false",
    dt.date: "a date such as 2023-11-20",
}


def _plain(
    kind: Any,
    metas: tuple[msgspec.Meta, ...],
    extra: dict[str, Any],
    value: Any,
    path: KeyPath,
    issues: list[Issue],
) -> Any:
    """A plain value (text, a number, a date) converted by msgspec, its bounds included; YAML's
    quoted numbers ("3") are read as numbers, as before."""
    bounded = Annotated[(kind, *metas)] if metas else kind
    try:
        converted = msgspec.convert(value, bounded, strict=False)
    except msgspec.ValidationError:
        issues.append(Issue(path, _why(kind, metas, value)))
        return _BAD
    check_value = extra.get("check")
    wrong = check_value(converted) if check_value is not None else None
    if isinstance(converted, float) and not math.isfinite(converted):  # YAML's .inf, .nan
        wrong = f"expected a finite number, got {_what(value)}"
    if wrong:
        issues.append(Issue(path, wrong))
        return _BAD
    return converted


def _why(kind: Any, metas: tuple[msgspec.Meta, ...], value: Any) -> str:
    """Why `value` is not a `kind` within the bounds `metas` give, in the user's words."""
    expected = f"expected {_NOUNS.get(kind, getattr(kind, '__name__', str(kind)))}"
    try:
        msgspec.convert(value, kind, strict=False)
    except msgspec.ValidationError:
        quote = kind is str and isinstance(value, bool | int | float | dt.date)
        hint = "; put it in quotes to keep it as text" if quote else ""  # YAML read `2024`
        return f"{expected}, got {_what(value)}{hint}"
    if isinstance(value, str):
        return "must not be empty"
    low = next((m.ge for m in metas if m.ge is not None), None)
    above = next((m.gt for m in metas if m.gt is not None), None)
    high = next((m.le for m in metas if m.le is not None), None)
    if low is not None and high is not None:
        return f"{_what(value)} is out of range; use {low} to {high}"
    if above is not None:
        return f"{_what(value)} is out of range; use a number above {above}"
    if low is not None:
        return f"{_what(value)} is out of range; use {low} or more"
    return f"{_what(value)} is out of range" + (f"; use {high} or less" if high is not None else "")


def _what(value: Any) -> str:
    """How a YAML value reads to the person who wrote it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'" if value else "empty text"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    return "nothing" if value is None else type(value).__name__


def _to_problem(located: Located, issue: Issue) -> Problem:
    """One issue at its position, after the path to it ("pins 2.quote: ..."; an unknown key
    needs none); inside a slide it names the slide instead of the path to it."""
    label = _slide_label(located, issue.path)
    inside = issue.path[2:] if label is not None else issue.path
    where = "" if issue.key else _spoken(inside)
    message = f"{where}: {issue.message}" if where else issue.message
    if label is not None:
        message = f"{label}: {message}"
    return located.problem(issue.path, message, key=issue.key)


def _spoken(path: KeyPath) -> str:
    """A path inside a file as a person reads it, items counted from 1: "pins 2.quote"."""
    spoken = ""
    for part in path:
        if isinstance(part, int):
            spoken += f" {part + 1}"
        else:
            spoken += f".{part}" if spoken else str(part)
    return spoken


def _slide_label(located: Located, loc: KeyPath) -> str | None:
    """ "slide 4 'Human rights'" for a location inside an outline's slides, counted from 1."""
    if len(loc) < 2 or loc[0] != "slides" or not isinstance(loc[1], int):
        return None
    slides = located.data.get("slides") if isinstance(located.data, dict) else None
    slide = slides[loc[1]] if isinstance(slides, list) and loc[1] < len(slides) else None
    title = slide.get("title") if isinstance(slide, dict) else None
    return f"slide {loc[1] + 1}" + (f" '{title}'" if isinstance(title, str) and title else "")
