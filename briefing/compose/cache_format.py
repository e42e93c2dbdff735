"""The deck cache's file format: inert JSON, versioned and checksummed, never code.

A file is a header line, `{"format", "version", "sha256"}` (and an optional `note`), then the
record as JSON; `sha256` covers the record's bytes, so any damage is caught before they are
even parsed (not the note's: whoever reads it checks it against the record). Reading then
rebuilds the dataclasses field by field from their type hints, accepting only plain values of
the declared types, so a damaged or planted file is refused (`Damaged`) and nothing in it is
ever run.
"""

from __future__ import annotations

import hashlib
import json
import types
from collections.abc import Callable
from dataclasses import MISSING, fields, is_dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

FORMAT = "briefing-deck-cache"
VERSION = 3  # 3: the sources listing as its hash
MAX_BYTES = 64 * 1024 * 1024  # no real deck comes near this; a bigger file is not ours

T = TypeVar("T")
# YAML reads an escaped emoji ("\ud83d\ude00") as two lone surrogates, which UTF-8 has no
# bytes for: they are written as their 3-byte forms and read back as the same two characters
# (JSON's own escapes would read back as one emoji, a different deck).
_SURROGATES = "surrogatepass"


class Damaged(Exception):
    """A cache file that is not a sound record of this format; the message says why."""


def dumps(record: object, note: str = "") -> bytes:
    """A dataclass record as the cache file's bytes: a header line, then the record. `note`
    travels in the header, readable without decoding the record (see `note`)."""
    text = json.dumps(record, default=_encode, ensure_ascii=False)
    payload = text.encode("utf-8", _SURROGATES)
    header = {"format": FORMAT, "version": VERSION, "sha256": hashlib.sha256(payload).hexdigest()}
    if note:
        header["note"] = note
    return json.dumps(header).encode("ascii") + b"\n" + payload


def note(raw: bytes) -> str:
    """The header's note, or "" when there is none or the header is unreadable. Unchecked:
    a caller may use it only to decide whether to decode the record, then check it there."""
    first = raw[: raw.find(b"\n")] if b"\n" in raw else b""
    try:
        found = json.loads(first.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return ""
    value = found.get("note") if isinstance(found, dict) else None
    return value if isinstance(value, str) else ""


def looks_like_ours(raw: bytes) -> bool:
    """Whether the bytes start as a cache file of this format does (a cheap first look)."""
    return raw.startswith(json.dumps({"format": FORMAT})[:-1].encode("ascii"))


def loads(raw: bytes, kind: type[T]) -> T:
    """The record in a cache file's bytes, or Damaged saying what is wrong with them."""
    if len(raw) > MAX_BYTES:
        raise Damaged("too large")
    first, _, payload = raw.partition(b"\n")
    try:
        header = json.loads(first.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Damaged("not a deck cache") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise Damaged("not a deck cache")
    if header.get("version") != VERSION:
        raise Damaged("another version")
    if header.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise Damaged("checksum mismatch")
    try:
        data = json.loads(payload.decode("utf-8", _SURROGATES))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Damaged("not JSON") from None
    return _decoder(kind)(data)


_EXACT = frozenset({str, int, bool})  # types a decoded value must have exactly


def _encode(value: object) -> Any:
    """What JSON cannot write itself, as what it can: json's C encoder walks the rest (a
    10,000-file listing is 40,000 values), asking here only for dataclasses, dates, paths."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot cache a {type(value).__name__}")


@cache
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """A function turning plain JSON into the type `hint` describes, or raising Damaged."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _union([_decoder(a) for a in get_args(hint) if a is not type(None)], hint)
    if origin in (tuple, list):
        return _sequence(hint, origin)
    if origin is dict:
        key, item = (_decoder(a) for a in get_args(hint))

        def mapping(value: Any) -> Any:
            if not isinstance(value, dict):
                raise Damaged("expected a mapping")
            return {key(k): item(v) for k, v in value.items()}

        return mapping
    if isinstance(hint, type) and is_dataclass(hint):
        return lambda value: _dataclass(hint, value)
    return lambda value: _scalar(hint, value)


def _union(options: list[Callable[[Any], Any]], hint: Any) -> Callable[[Any], Any]:
    optional = type(None) in get_args(hint)

    def union(value: Any) -> Any:
        if value is None and optional:
            return None
        for option in options:
            try:
                return option(value)
            except Damaged:
                continue
        raise Damaged(f"unexpected {type(value).__name__}")

    return union


def _sequence(hint: Any, origin: type) -> Callable[[Any], Any]:
    args = get_args(hint)
    if origin is list or (len(args) == 2 and args[1] is Ellipsis):
        each = _decoder(args[0])

        def items(value: Any) -> list[Any]:
            if not isinstance(value, list):
                raise Damaged("expected a list")
            return [each(v) for v in value]
    else:
        parts = [_decoder(a) for a in args]

        def items(value: Any) -> list[Any]:
            if not isinstance(value, list) or len(value) != len(parts):
                raise Damaged("expected a list of the right length")
            return [part(v) for part, v in zip(parts, value, strict=True)]

        if origin is tuple and all(a in _EXACT for a in args):
            return _row(list(args), items)
    return items if origin is list else lambda value: tuple(items(value))


def _row(kinds: list[type], slow: Callable[[Any], list[Any]]) -> Callable[[Any], Any]:
    """A fixed tuple of plain values (a listing's 10,000 rows): its types checked at once;
    anything else goes the field-by-field way, which says what is wrong."""

    def row(value: Any) -> tuple[Any, ...]:
        if type(value) is list and list(map(type, value)) == kinds:
            return tuple(value)
        return tuple(slow(value))

    return row


def _dataclass(kind: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise Damaged(f"expected a {kind.__name__}")
    fields_, required = _shape(kind)
    if not value.keys() <= fields_.keys():
        raise Damaged(f"unknown fields in a {kind.__name__}")
    if not required <= value.keys():
        raise Damaged(f"a {kind.__name__} without {sorted(required - value.keys())[0]}")
    return kind(**{name: fields_[name](v) for name, v in value.items()})


@cache
def _shape(kind: type) -> tuple[dict[str, Callable[[Any], Any]], frozenset[str]]:
    """Each field's decoder, and the fields without a default."""
    hints = get_type_hints(kind)
    decoders = {f.name: _decoder(hints[f.name]) for f in fields(kind)}
    required = frozenset(
        f.name for f in fields(kind) if f.default is MISSING and f.default_factory is MISSING
    )
    return decoders, required


def _scalar(hint: Any, value: Any) -> Any:
    if hint is date:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise Damaged("expected a date")
    if hint is Path:
        if isinstance(value, str):
            return Path(value)
        raise Damaged("expected a path")
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if hint in (str, int, bool) and type(value) is hint:
        return value
    if hint is type(None) and value is None:
        return None
    raise Damaged(f"expected {getattr(hint, '__name__', hint)}, not {type(value).__name__}")
