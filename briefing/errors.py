"""One error hierarchy: the CLI turns any `BriefingError` into a one-line message and exit 1."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a user's file, printed as `FILE:LINE:COL: message`."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class BriefingError(Exception):
    """Anything the user can fix: bad input, missing files, a failed write."""


class ValidationError(BriefingError):
    """An outline or theme file has one or more problems, each with file, line and column."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class CorpusError(BriefingError):
    """The sources folder is missing, empty, or holds nothing readable."""


class OutputError(BriefingError):
    """A deck could not be written (missing or read-only folder, bad template)."""


class TemplateError(BriefingError):
    """A speaker-notes template failed to render; the message names the outline and slide."""

    slide: int = 0  # the 1-based slide whose notes failed, when known


def display_path(path: Path | str) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the cwd; a link loop; no cwd
        return str(p)


def problem_lines(exc: BaseException) -> list[str]:
    """What to show a user for a failure, one line each: located problems, a BriefingError's
    message, or the type and text of something unexpected."""
    if isinstance(exc, ValidationError):
        return [str(p) for p in exc.problems]
    if isinstance(exc, BriefingError):
        return str(exc).splitlines() or [type(exc).__name__]
    return [f"unexpected {type(exc).__name__}: {exc}"]


def portable(exc: BriefingError) -> tuple[str, object]:
    """A user-facing error as plain data that crosses a pipe from a forked process (a
    ValidationError does not survive pickling with its problems); `raise_portable` undoes it."""
    if isinstance(exc, ValidationError):
        return "invalid", exc.problems
    return "error", str(exc)


def raise_portable(kind: str, payload: object) -> None:
    """Raise again, as the CLI would have shown it, an error `portable` made into data."""
    if kind == "invalid":
        raise ValidationError(list(payload))  # type: ignore[call-overload]
    raise BriefingError(str(payload))
