"""Rewrite one slide's `pins:` or `exclude:` block in an outline's YAML text, keeping every
other byte: the block is cut out, edited with a ruamel.yaml round-trip (so its comments
survive) and spliced back; unusual layouts fall back to a round-trip of the whole document.
Pure text in, text out: briefing.outline.curate decides what to change and checks the result.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

FOLD_AT = 60  # quotes longer than this are written folded, wrapped to fit the editor
WIDTH = 80


@dataclass(frozen=True)
class Step:
    """One change to a slide: add the excerpt to `kind` ('pins' or 'exclude'), or remove it."""

    kind: str
    add: bool


class CannotSplice(Exception):
    """The file's layout is too unusual to splice into; rewrite the whole document instead."""


def _norm(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) else None


def same(item: Any, source: str, quote: str) -> bool:
    """The same excerpt: same source, same quote up to whitespace (as `locate_quote` matches)."""
    return (
        isinstance(item, dict)
        and isinstance(item.get("source"), str)
        and item["source"].strip() == source
        and _norm(item.get("quote")) == _norm(quote)
    )


def refs(spec: dict[str, Any], kind: str) -> list[Any]:
    items = spec.get(kind)
    return items if isinstance(items, list) else []


def _scalar(text: str, safe: bool, width: int) -> Any:
    """A readable YAML style for a quote: literal if it has line breaks, folded to `width` if
    long, double-quoted (with escapes) whenever block styles could not hold the text."""
    if safe or not text.replace("\n", "").isprintable():
        return DoubleQuotedScalarString(text)
    if "\n" in text:
        return LiteralScalarString(text)
    if len(text) > FOLD_AT:
        folded = FoldedScalarString(text)
        folded.fold_pos = _fold_points(text, width)  # type: ignore[attr-defined]
        return folded
    try:
        plain_ok = yaml.safe_load(text) == text  # YAML 1.1 readers agree it is a string
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else DoubleQuotedScalarString(text)


def _fold_points(text: str, width: int) -> list[int]:
    """Where to fold a one-line text so no line passes `width`: single spaces between words
    (the only places a folded scalar can break without changing its value)."""
    points: list[int] = []
    line_start, last = 0, -1
    for i in range(1, len(text) - 1):
        if text[i] != " " or text[i - 1].isspace() or text[i + 1].isspace():
            continue
        if i - line_start > width and last > line_start:
            points.append(last)
            line_start = last + 1
        last = i
    if len(text) - line_start > width and last > line_start:
        points.append(last)
    return points


def _item(source: str, quote: str, safe: bool, width: int) -> CommentedMap:
    item = CommentedMap()
    item["source"] = _scalar(source, safe, width)
    item["quote"] = _scalar(quote, safe, width)
    return item


def _noop(spec: Any, step: Step, source: str, quote: str) -> bool:
    """Adding an excerpt already there, or removing one that is not, changes nothing."""
    present = any(same(i, source, quote) for i in refs(spec, step.kind))
    return present == step.add


def _edit_seq(
    parent: CommentedMap, step: Step, source: str, quote: str, safe: bool, width: int
) -> None:
    """Apply a step to a ruamel mapping holding `step.kind`, keeping the other items' comments."""
    seq = parent.get(step.kind)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
        parent[step.kind] = seq
    if step.add:
        seq.append(_item(source, quote, safe, width))
        seq.fa.set_block_style()
    else:
        for j in reversed(range(len(seq))):
            if same(seq[j], source, quote):
                del seq[j]
        if not seq:
            del parent[step.kind]


def _rt(text: str) -> YAML:
    """A round-trip YAML that keeps quotes and follows the file's own sequence indentation."""
    try:
        _, indent, offset = load_yaml_guess_indent(text)
    except (RuamelError, LookupError):  # it trips on a dash alone on its line
        indent, offset = None, None
    offset = 2 if offset is None else offset
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap: new quotes carry their own fold points
    rt.indent(mapping=2, sequence=max(indent or 4, offset + 2), offset=offset)
    return rt


def _dump(rt: YAML, data: Any) -> str:
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


_ODD_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]|\r(?!\n)")


def splice(text: str, index: int, step: Step, source: str, quote: str, safe: bool) -> str:
    """Rewrite only the slide's `step.kind` block (or insert one after the slide's last key)."""
    if _ODD_BREAKS.search(text):
        raise CannotSplice  # line numbering would differ between ruamel and str.splitlines
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in text else "\n"
    rt = _rt(text)
    data = rt.load(text)
    spec = data["slides"][index]
    if not isinstance(spec, CommentedMap) or spec.fa.flow_style() or not spec:
        raise CannotSplice
    if _noop(spec, step, source, quote):
        return text
    keys = list(spec)
    if step.kind in spec:
        if keys[0] == step.kind:
            raise CannotSplice  # the key shares its line with the slide's dash
        start, col = spec.lc.key(step.kind)
    else:
        start, col = spec.lc.key(max(keys, key=lambda k: spec.lc.key(k)[0]))
    end = _block_end(data, index, start, col, lines)
    width = max(30, WIDTH - col - 8)
    if step.kind not in spec:
        mini: CommentedMap = CommentedMap()
        _edit_seq(mini, step, source, quote, safe, width)
        if end == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        new_block = _indent(_dump(rt, mini), col, newline)
        return "".join(lines[:end] + new_block + lines[end:])
    block = lines[start:end]
    if any(line.strip() and line[:col].strip() for line in block):
        raise CannotSplice  # something sits left of the key: not a plain nested block
    mini = rt.load("".join(line[col:] or "\n" for line in block))  # blank lines may be short
    _edit_seq(mini, step, source, quote, safe, width)
    if step.kind in mini:
        new_block = _indent(_dump(rt, mini), col, newline)
    else:  # the list is empty now: drop the key, keep the analyst's comments
        new_block = [line for line in block if line.lstrip().startswith("#")]
    return "".join(lines[:start] + new_block + lines[end:])


def _block_end(data: CommentedMap, index: int, start: int, col: int, lines: list[str]) -> int:
    """The line after the value of the key at `start`: up to whatever comes next in the
    file, less trailing blank lines and comments that belong to what follows."""
    spec = data["slides"][index]
    later = [spec.lc.key(k)[0] for k in spec] + [data.lc.key(k)[0] for k in data]
    if index + 1 < len(data["slides"]):
        later.append(data["slides"].lc.item(index + 1)[0])
    end = min((line for line in later if line > start), default=len(lines))
    for at in range(start + 1, end):  # or earlier: the first line indented no deeper
        row = lines[at]
        depth = len(row) - len(row.lstrip(" "))
        content = row.strip() and not row.lstrip().startswith("#")
        if content and (depth < col or (depth == col and not row[col:].startswith("-"))):
            end = at  # e.g. a document marker
            break
    while end > start + 1:
        line = lines[end - 1]
        stripped = line.lstrip(" ")
        if stripped.strip() and not (stripped.startswith("#") and len(line) - len(stripped) <= col):
            break
        end -= 1
    return end


def _indent(dumped: str, col: int, newline: str) -> list[str]:
    pad = " " * col
    rows = dumped.rstrip("\n").split("\n")
    return [(pad + row if row else "") + newline for row in rows]  # spaces can be content


def whole(text: str, index: int, step: Step, source: str, quote: str, safe: bool) -> str:
    """Fallback for unusual layouts: round-trip the whole document (comments kept, but some
    spacing may be normalised)."""
    rt = _rt(text)
    data = rt.load(text)
    spec = data["slides"][index]
    if _noop(spec, step, source, quote):
        return text
    spec.fa.set_block_style()
    col = spec.lc.key(next(iter(spec)))[1] if spec else 4
    _edit_seq(spec, step, source, quote, safe, max(30, WIDTH - col - 8))
    return _dump(rt, data)
