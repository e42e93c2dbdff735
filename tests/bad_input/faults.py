"""Faults injected into a `briefing` subprocess, for failures a test cannot cause for real.

Tests run as root, where chmod stops no read or write, and no tiny tmpfs is at hand; so a
`sitecustomize.py` written from HOOKS (put on PYTHONPATH) raises the OSError the system would
(EACCES, ENOSPC, EROFS, ENOENT) at the very call that would fail, chosen by $BRIEFING_FAULT.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HOOKS = """
import errno, os, sqlite3

faults = set(filter(None, os.environ.get("BRIEFING_FAULT", "").split(",")))


def _error(code, path):
    return OSError(code, os.strerror(code), path)


if faults & {"scandir-sub", "scandir-top"}:
    real_scandir = os.scandir

    def scandir(path="."):
        where = os.fspath(path)
        if ("scandir-sub" in faults and where.endswith("locked")) or (
            "scandir-top" in faults and where.endswith("seeds")
        ):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), where)
        return real_scandir(path)

    os.scandir = scandir

real_open = os.open


def fake_open(path, *args, **kwargs):
    where = os.fspath(path)
    if "deck-enospc" in faults and "deck-" in where and where.endswith(".tmp"):
        raise _error(errno.ENOSPC, where)
    if "out-enospc" in faults and ".pptx." in where and where.endswith(".tmp"):
        raise _error(errno.ENOSPC, where)
    if "lock-erofs" in faults and where.endswith(".lock"):
        raise _error(errno.EROFS, where)
    return real_open(path, *args, **kwargs)


os.open = fake_open

if "vanish" in faults:  # a source deleted between listing and reading
    from briefing.sources import rows

    real_sha = rows.content_sha

    def content_sha(path):
        if path.name.startswith("002_"):
            path.unlink(missing_ok=True)
        return real_sha(path)

    rows.content_sha = content_sha

# A reader crashing in C, in whichever process runs it: "reader-crash" as a source is read
# (its extraction, or decoding), "extract-crash" as it is extracted. The wrappers are module
# functions: a worker is handed `extract` by reference.
def crash_on(path):
    if path.name.startswith("crash"):
        os._exit(70)


if "reader-crash" in faults:
    from briefing.sources import canonical

    real_read_canonical = canonical.read_canonical

    def read_crashing(path, *args, **kwargs):
        return crash_on(path) or real_read_canonical(path, *args, **kwargs)

    canonical.read_canonical = read_crashing

if "extract-crash" in faults:
    from briefing.sources import formats

    real_extract = formats.extract

    def extract_crashing(path, *args, **kwargs):
        return crash_on(path) or real_extract(path, *args, **kwargs)

    formats.extract = extract_crashing

if faults & {"worker-dies", "worker-oom"}:  # a source that kills (or starves) its worker
    from briefing.sources import canonical

    real_read = canonical.read_canonical

    def read_canonical(path, *args, **kwargs):
        import multiprocessing

        if multiprocessing.parent_process() is not None:  # in an indexing worker only
            if "worker-dies" in faults and path.name.startswith("crash"):
                os._exit(70)  # as the kernel's OOM killer, or a reader crashing in C
            if "worker-oom" in faults and path.name.startswith("hungry"):
                raise MemoryError  # what the worker's capped address space gives
        return real_read(path, *args, **kwargs)

    canonical.read_canonical = read_canonical

if "index-full" in faults:  # the disk fills while the index is written
    from briefing.sources import store

    class Full(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.lstrip().startswith("INSERT INTO docs"):
                raise sqlite3.OperationalError("database or disk is full")
            return super().execute(sql, *args)

    real_connect = store.connect

    def connect(path):
        if str(path) == ":memory:":
            return real_connect(path)
        return sqlite3.connect(path, timeout=5, isolation_level=None, factory=Full)

    store.connect = connect
"""


def inject(monkeypatch: pytest.MonkeyPatch, where: Path, fault: str) -> None:
    """Make every `briefing` subprocess this test starts fail with `fault` (see HOOKS)."""
    where.mkdir(parents=True, exist_ok=True)
    (where / "sitecustomize.py").write_text(HOOKS, encoding="utf-8")
    import os

    path = os.environ.get("PYTHONPATH", "")
    monkeypatch.setenv("PYTHONPATH", f"{where}{os.pathsep}{path}" if path else str(where))
    monkeypatch.setenv("BRIEFING_FAULT", fault)
