"""Compiling the attribution readers' regular expressions cheaply.

`re` builds a 65,536-entry table for every character class that holds a character past
Latin-1 ("[\\w'’.-]", "[^,;\\"“”]"): about 0.3 ms a class, and the speaker, interview and
transcript readers hold over a hundred such classes, compiled on every composing run. Set
apart as alternatives of their own ("(?:[\\w'.-]|’{1})", "(?:(?!“{1}|”{1})[^,;\\"])"), the same
characters cost nothing to compile and match exactly the same text (the "{1}" keeps the
parser from merging them back into the class).
"""

from __future__ import annotations

import re
from typing import Any

# An escape outside a class ("\\[" is no class), or a character class: "[", an optional "^", a
# "]" that is a member when first, then members (an escape, or any character but "]" and "\\")
# up to the closing "]".
_CLASS = re.compile(r"\\.|\[(\^?)(\]?(?:\\.|[^\]\\])*)\]", re.S)
_MEMBER = re.compile(r"\\.|.", re.S)


def _split(members: str) -> tuple[str, list[str]]:
    """A class's members with the wide ones taken out, and those wide ones; unchanged (and
    none) when a range would need a wide character, which this does not take apart."""
    items = _MEMBER.findall(members)
    if any(item == "-" and 0 < i < len(items) - 1 for i, item in enumerate(items)):
        ranges = [
            (items[i - 1], items[i + 1])
            for i, item in enumerate(items)
            if item == "-" and 0 < i < len(items) - 1
        ]
        if any(ord(end[-1]) > 0xFF for pair in ranges for end in pair if len(end) == 1):
            return members, []
    wide = [item for item in items if len(item) == 1 and ord(item) > 0xFF]
    narrow = "".join(item for item in items if not (len(item) == 1 and ord(item) > 0xFF))
    return narrow, wide


def _rewrite(match: re.Match[str]) -> str:
    negated, members = match.group(1), match.group(2)
    if members is None:
        return match.group()  # an escape
    narrow, wide = _split(members)
    if not wide:
        return match.group()
    apart = "|".join(f"{re.escape(c)}{{1}}" for c in wide)
    if negated:
        rest = f"[^{narrow}]" if narrow else r"[\s\S]"
        return f"(?:(?!{apart}){rest})"
    return f"(?:[{narrow}]|{apart})" if narrow else f"(?:{apart})"


def cheap(pattern: str) -> str:
    """`pattern` with each wide character of a class set apart as its own alternative."""
    return _CLASS.sub(_rewrite, pattern)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile` of the cheap form of `pattern`: the same matches, compiled faster."""
    return re.compile(cheap(pattern), flags)


class Lazy:
    """A pattern compiled (cheaply) on its first use: a composing run compiles only what its
    pages need, so a news deck never pays for a transcript's or an interview's patterns."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None
        _made.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, compiled now if this is its first use."""
        if self._compiled is None:
            self._compiled = compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)


_made: list[Lazy] = []  # every lazy pattern the imported modules hold


def lazy(pattern: str, flags: int = 0) -> Lazy:
    """A pattern compiled on its first use (see `Lazy`)."""
    return Lazy(pattern, flags)


def made() -> tuple[Lazy, ...]:
    """Every lazy pattern made so far, in the order made (`compose.meanwhile` compiles them
    ahead while the composer would otherwise wait)."""
    return tuple(_made)
