"""Prove the sources folder unchanged since a deck was composed: its listing's fingerprint,
taken in one pass over the folder, possibly in a forked process while this one does other work.

A record keeps the fingerprint of the listing the index synced from (`digest`); proving the
folder unchanged is listing it again and comparing. `folder_digest` does that in one
`os.scandir` pass (a stat per source, no per-file object beyond a tuple), where building the
index's own listing (`list_documents`, one `DocFile` each, then a snapshot, then JSON) cost
about 1.5 times the CPU at 10,000 and 30,000 files; the stat calls themselves are most of
what is left. It must see at least every file the index lists:
it descends into every subfolder, and a file name the index would skip (not UTF-8) is kept, so
such a folder never matches and is synced as usual. Anything that cannot be listed, or a file
gone mid-listing, proves nothing (""): the caller then lists and syncs (time, never a result).

A recompose after an outline edit needs both the proof and the outline models (pydantic), so
`Proof` overlaps them (`briefing.forked`); a child that dies leaves the listing to this process.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing.forked import Forked
from briefing.sources.canonical import SUFFIXES


def digest(listing: Iterable[tuple[str, int, int]]) -> str:
    """A listing's fingerprint, "" for none: equal fingerprints, equal listings (a file name
    holds no NUL, so the NUL-separated rows read back one way only)."""
    text = "".join(f"{name}\0{size}\0{stamp}\0" for name, size, stamp in listing)
    if not text:
        return ""
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def folder_digest(sources: Path) -> str:
    """The fingerprint of the sources folder as it is now (name, size and mtime of every
    source under it, by name), or "" when any part of it cannot be listed."""
    rows = []
    stack = [(os.fspath(sources), "")]
    try:
        while stack:
            where, prefix = stack.pop()
            with os.scandir(where) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((entry.path, f"{prefix}{name}/"))
                    elif name.lower().endswith(SUFFIXES):
                        stat = entry.stat()
                        rows.append((prefix + name, stat.st_size, stat.st_mtime_ns))
    except OSError:
        return ""
    rows.sort()
    return digest(rows)


class Proof:
    """`fingerprint()` computed in a forked process; `result()` waits for it ("" if none)."""

    def __init__(self, fingerprint: Callable[[], str]) -> None:
        self._forked: Forked | None = Forked(lambda: _safely(fingerprint))
        self._value: str | None = None

    @classmethod
    def now(cls, fingerprint: Callable[[], str]) -> Proof:
        """The fingerprint computed in this process, for a folder too small to pay for a fork."""
        proof = cls.__new__(cls)
        proof._forked, proof._value = None, _safely(fingerprint)
        return proof

    def result(self) -> str:
        """The fingerprint, or "" when it could not be computed (asked again: the same)."""
        if self._value is None and self._forked is not None:
            self._value = self._forked.result()
        return self._value or ""

    def cancel(self) -> None:
        """Stop the proof if it is still running (its answer is no longer needed)."""
        if self._value is None and self._forked is not None:
            self._forked.cancel()
            self._value = ""


def _safely(work: Callable[[], str]) -> str:
    try:
        return work()
    except Exception:  # noqa: BLE001 - no proof: the caller lists and syncs as usual
        return ""


FORK_FROM = 1000  # entries: a smaller folder lists in less time than a fork and its pipe take


def start_proof(folder: Path) -> Proof:
    """The folder's fingerprint (`folder_digest`), in a forked process when the folder is
    large enough for that to pay (its listing overlaps this process's work), else now."""
    if _small(folder):
        return Proof.now(lambda: folder_digest(folder))
    return Proof(lambda: folder_digest(folder))


def _small(folder: Path) -> bool:
    """Fewer than FORK_FROM entries and no subfolder (whose size is unknown until listed)."""
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= FORK_FROM or entry.is_dir(follow_symlinks=False):
                    return False
    except OSError:
        return False
    return True
