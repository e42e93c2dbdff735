"""What the full-text index shares with its callers: a query as word lists (`Match`), and
Tantivy's failures as one error (`Damaged`), kept apart so that `fulltext` stays one idea:
the index itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from briefing.errors import CorpusError


class Damaged(CorpusError):
    """The text index is unreadable or does not match its manifest: caught and rebuilt when
    the index is opened; found later, while searching, a one-line error."""


@dataclass(frozen=True)
class Match:
    """A query as word lists (each a phrase): at least one of `any` (when given), every one
    of `all`, none of `none`."""

    any: tuple[tuple[str, ...], ...] = ()
    all: tuple[tuple[str, ...], ...] = ()
    none: tuple[tuple[str, ...], ...] = ()


@contextmanager
def guard() -> Iterator[None]:
    """Tantivy reports damage as ValueError, or as a Rust panic (a BaseException)."""
    try:
        yield
    except ValueError as exc:
        raise Damaged(str(exc).splitlines()[0] if str(exc) else "unreadable") from None
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise Damaged(str(exc).splitlines()[0] if str(exc) else "unreadable") from None
