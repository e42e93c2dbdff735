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

PathKey = tuple[str | int, ...]


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
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError([Problem(shown, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise ValidationError([Problem(shown, 1, 1, "is a folder, expected a YAML file")]) from None
    except OSError as exc:
        raise ValidationError([Problem(shown, 1, 1, f"cannot read: {exc.strerror}")]) from None
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
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "malformed YAML"
        if exc.context:
            what = f"{exc.context}: {what}"
        raise ValidationError(
            [Problem(shown, line, col, f"malformed YAML ({what}); check indentation and quoting")]
        ) from None
    except yaml.YAMLError as exc:
        raise ValidationError([Problem(shown, 1, 1, f"malformed YAML ({exc})")]) from None
    finally:
        loader.dispose()
    located = Located(data=None, file=shown)
    if node is None:
        return located
    located.data = _construct(node, (), located, loader)
    return located


def _construct(node: yaml.Node, path: PathKey, located: Located, loader: yaml.SafeLoader) -> Any:
    located.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            child = (*path, key)
            located.key_positions[child] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = _construct(value_node, child, located, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*path, i), located, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
