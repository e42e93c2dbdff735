"""Load YAML into plain data while remembering where every key and item came from.

Validation problems must point at `FILE:LINE:COL`, so we compose PyYAML nodes (which carry
marks) and construct values ourselves, recording each path's 1-based line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import Problem, ValidationError, display_path
from briefing.reading import read_regular

PathKey = tuple[str | int, ...]

MAX_BYTES = 5_000_000  # an outline, theme or catalogue larger than this is refused
MAX_DEPTH = 100  # nesting of lists and mappings
MAX_REPEATS = 10_000  # values an alias (*name) repeats: a "billion laughs" stops here


_FAST: Any = getattr(yaml, "CSafeLoader", None)  # libyaml's parser, when PyYAML has it


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing nesting deeper than MAX_DEPTH before it recurses."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


@dataclass
class Located:
    """Parsed YAML data plus the position of each path inside it."""

    data: Any
    file: str
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at `path`, falling back to its nearest parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, path: PathKey, message: str, *, key: bool = False) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, message)


def read_text(path: Path) -> str:
    """Read a user's YAML file as UTF-8, turning OS and decoding failures into BriefingErrors."""
    shown = display_path(path)
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        raise ValidationError([Problem(shown, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise ValidationError([Problem(shown, 1, 1, "is a folder, expected a YAML file")]) from None
    except OSError as exc:
        raise ValidationError([Problem(shown, 1, 1, f"cannot read: {exc.strerror}")]) from None
    if len(raw) > MAX_BYTES:
        message = f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}: split it or trim it"
        raise ValidationError([Problem(shown, 1, 1, message)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ValidationError(
            [Problem(shown, line, col, "not UTF-8 text: save the file as UTF-8")]
        ) from None


def load_located(path: Path, text: str | None = None) -> Located:
    """Parse one YAML document, raising ValidationError with the parser's position on failure."""
    shown = display_path(path)
    if text is None:
        text = read_text(path)
    if len(text) > MAX_BYTES:
        message = f"the file is {len(text):,} characters; the limit is {MAX_BYTES:,}: trim it"
        raise ValidationError([Problem(shown, 1, 1, message)])
    node, loader = _composed(shown, text)
    located = Located(data=None, file=shown)
    if node is None:
        return located
    builder = _Builder(located, loader)
    located.data = builder.build(node, ())
    if builder.problems:
        raise ValidationError(builder.problems)
    return located


def _composed(shown: str, text: str) -> tuple[yaml.Node | None, yaml.SafeLoader]:
    """The document's nodes, by libyaml (C, ~10x faster) where PyYAML has it; by PyYAML's own
    parser when libyaml refuses the text, so every problem is worded and placed alike whether
    libyaml is there or not. libyaml stops at 1,000 levels of nesting; the builder at 100."""
    if _FAST is not None:
        fast = _FAST(text)
        try:
            return fast.get_single_node(), fast
        except yaml.YAMLError:
            pass  # told below, in PyYAML's words
        finally:
            fast.dispose()
    try:
        loader = _BoundedLoader(text)  # its reader refuses control characters at once
    except yaml.reader.ReaderError as exc:
        raise ValidationError([_unprintable(shown, text, exc)]) from None
    try:
        return loader.get_single_node(), loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "malformed YAML"
        if exc.context:
            what = f"{exc.context}: {what}"
        message = f"malformed YAML ({what}); check indentation and quoting"
        if what.startswith("nested more than"):
            message = f"{what}; flatten it"
        raise ValidationError([Problem(shown, line, col, message)]) from None
    except yaml.YAMLError as exc:
        raise ValidationError([Problem(shown, 1, 1, f"malformed YAML ({exc})")]) from None
    finally:
        loader.dispose()


def _unprintable(shown: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """Where the character YAML refuses is (a NUL, a control code: a binary file, often)."""
    before = text[: exc.position]
    line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
    message = (
        f"a character YAML does not allow (U+{exc.character:04X}); is this a text file? "
        "remove the character, or save the file as plain text"
    )
    return Problem(shown, line, col, message)


class _Builder:
    """Plain data from composed nodes, with positions; aliases, keys and scalars bounded."""

    def __init__(self, located: Located, loader: yaml.SafeLoader) -> None:
        self.located, self.loader = located, loader
        self.problems: list[Problem] = []
        self.repeats = 0
        self.built: set[int] = set()  # nodes built once: meeting one again is an alias
        self.open: set[int] = set()  # nodes being built: meeting one again is a cycle

    def problem(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.located.file, mark.line + 1, mark.column + 1, message))

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        if len(path) >= MAX_DEPTH:  # the node 101 levels down, as PyYAML's parser stops
            self.too_deep(node)
        if id(node) in self.built:
            self.repeats += 1
            if self.repeats > MAX_REPEATS:
                self.problem(node, _TOO_MANY)
                raise ValidationError(self.problems)
        self.built.add(id(node))
        if id(node) in self.open:
            self.problem(node, "an alias refers to itself (a loop); write the value out instead")
            raise ValidationError(self.problems)
        self.located.positions.setdefault(
            path, (node.start_mark.line + 1, node.start_mark.column + 1)
        )
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            return self.mapping(node, path)
        finally:
            self.open.discard(id(node))

    def too_deep(self, node: yaml.Node) -> None:
        self.problem(node, f"nested more than {MAX_DEPTH} levels deep; flatten it")
        raise ValidationError(self.problems)

    def mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if len(path) + 1 >= MAX_DEPTH:  # a key is a level down, as its value is
                self.too_deep(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "a key must be plain text, not a list or mapping")
                continue
            key = str(self.scalar(key_node))
            child = (*path, key)
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = self.located.key_positions[child][0]
                self.problem(key_node, f"duplicate key '{key}' (first on line {first}); keep one")
                continue
            self.located.key_positions[child] = where
            result[key] = self.build(value_node, child)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, TypeError, yaml.YAMLError) as exc:
            what = getattr(exc, "problem", None) or str(exc)
            if node.tag.endswith(":timestamp"):
                what = f"'{node.value}' is not a real date ({what}); write YYYY-MM-DD"
            else:
                what = f"cannot read '{node.value[:40]}' ({what}); quote it if it is text"
            self.problem(node, what)
            return None


_TOO_MANY = (
    f"aliases (*name) repeat more than {MAX_REPEATS:,} values; "
    "an alias bomb? write the values out instead"
)
