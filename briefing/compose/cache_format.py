"""The deck cache's file format: inert JSON, versioned and checksummed, never code.

A record is written as `{"format", "version", "sha256", "record"}`, where `sha256` covers the
record's canonical JSON. Reading checks all three and rebuilds the dataclasses field by field
from their type hints, accepting only plain values of the declared types, so a damaged or
planted file is refused (`Damaged`) and nothing in it is ever run.
"""

from __future__ import annotations

import hashlib
import json
import types
from dataclasses import MISSING, fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

FORMAT = "briefing-deck-cache"
VERSION = 2
MAX_BYTES = 64 * 1024 * 1024  # no real deck comes near this; a bigger file is not ours

T = TypeVar("T")


class Damaged(Exception):
    """A cache file that is not a sound record of this format; the message says why."""


def dumps(record: object) -> bytes:
    """A dataclass record as the cache file's bytes."""
    payload = _encode(record)
    return json.dumps(
        {"format": FORMAT, "version": VERSION, "sha256": _digest(payload), "record": payload},
        ensure_ascii=False,
    ).encode("utf-8")


def loads(raw: bytes, kind: type[T]) -> T:
    """The record in a cache file's bytes, or Damaged saying what is wrong with them."""
    if len(raw) > MAX_BYTES:
        raise Damaged("too large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Damaged("not JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Damaged("not a deck cache")
    if data.get("version") != VERSION:
        raise Damaged("another version")
    payload = data.get("record")
    if data.get("sha256") != _digest(payload):
        raise Damaged("checksum mismatch")
    return _decode(kind, payload)


def _digest(payload: object) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _encode(value: object) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(hint: Any, value: Any) -> Any:
    """`value` (plain JSON) as the type `hint` describes; Damaged if it is not one."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in get_args(hint):
            return None
        for arg in get_args(hint):
            if arg is not type(None):
                try:
                    return _decode(arg, value)
                except Damaged:
                    continue
        raise Damaged(f"unexpected {type(value).__name__}")
    if origin in (tuple, list):
        if not isinstance(value, list):
            raise Damaged("expected a list")
        args = get_args(hint)
        if origin is list or (len(args) == 2 and args[1] is Ellipsis):
            items = [_decode(args[0], v) for v in value]
        elif len(args) == len(value):
            items = [_decode(a, v) for a, v in zip(args, value, strict=True)]
        else:
            raise Damaged("a list of the wrong length")
        return items if origin is list else tuple(items)
    if origin is dict:
        key, item = get_args(hint)
        if not isinstance(value, dict):
            raise Damaged("expected a mapping")
        return {_decode(key, k): _decode(item, v) for k, v in value.items()}
    if isinstance(hint, type) and is_dataclass(hint):
        return _dataclass(hint, value)
    return _scalar(hint, value)


def _dataclass(kind: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise Damaged(f"expected a {kind.__name__}")
    hints = get_type_hints(kind)
    known = {f.name: f for f in fields(kind)}
    if set(value) - set(known):
        raise Damaged(f"unknown fields in a {kind.__name__}")
    missing = [
        n
        for n, f in known.items()
        if n not in value and f.default is MISSING and f.default_factory is MISSING
    ]
    if missing:
        raise Damaged(f"a {kind.__name__} without {missing[0]}")
    return kind(**{name: _decode(hints[name], v) for name, v in value.items()})


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
