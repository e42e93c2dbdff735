"""The bad-input matrix's shared harness: run `briefing` as a user would (a subprocess), and
check that a refusal is one clear line naming the file, a non-zero exit, no traceback, no
`internal error`, no partial output, and every file of the user's unchanged byte for byte.

Each area adds its own `test_<area>.py` with a parametrised table, one bad input a row."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_briefing(*args: object, cwd: Path, timeout: float = 120, stdin: str = "") -> Outcome:
    """`python -m briefing ARGS...` in `cwd`, without a terminal, as scripts and CI run it."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        env={**os.environ, "BRIEFING_DEBUG": ""},
    )
    return Outcome(result.returncode, result.stdout, result.stderr)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (the user's project) and its bytes; the cache is elsewhere."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def assert_refused(
    outcome: Outcome,
    *names: str,
    before: dict[str, bytes] | None = None,
    after: dict[str, bytes] | None = None,
    new_files: tuple[str, ...] = (),
) -> None:
    """A clean refusal: non-zero exit, a message naming each of `names`, no traceback, no
    `internal error`, and (given snapshots) no user file changed and no output left behind."""
    everything = outcome.stdout + outcome.stderr
    assert outcome.code != 0, f"exit 0 for bad input:\n{everything[-1500:]}"
    assert "Traceback" not in everything, everything[-3000:]
    assert "internal error" not in everything, everything[-1500:]
    assert outcome.stderr.strip(), "a refusal must say why on stderr"
    for name in names:
        assert name in outcome.stderr, f"{name!r} not named in:\n{outcome.stderr[-1500:]}"
    if before is not None and after is not None:
        changed = sorted(k for k in before if after.get(k) != before[k])
        assert changed == [], f"user files changed: {changed}"
        added = sorted(set(after) - set(before) - set(new_files))
        assert added == [], f"files left behind: {added}"


@pytest.fixture
def user_project(project: Path) -> Path:
    """The example project, to break (an alias that reads as what the matrix means)."""
    return project
