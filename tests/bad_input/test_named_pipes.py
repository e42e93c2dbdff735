"""A named pipe where a file should be (an outline, a theme, a source named `pipe.txt`): a read
of one blocks until something writes to it, so each is refused or skipped with one line naming
it, at once, never a hung command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.bad_input.conftest import assert_refused, run_briefing, tree

OUTLINE = "outlines/us-vietnam.yaml"
NOT_REGULAR = "not a regular file"


def _pipe(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


@pytest.mark.parametrize("command", ["check", "compose", "build"])
@pytest.mark.parametrize("target", ["outlines/us-vietnam.yaml", "themes/china-balancing.yaml"])
def test_a_pipe_for_a_yaml_file_is_refused(user_project: Path, command: str, target: str) -> None:
    _pipe(user_project / target)
    before = tree(user_project)
    extra = ["-o", "x.pptx"] if command == "build" else []
    outcome = run_briefing(command, OUTLINE, *extra, cwd=user_project, timeout=30)
    assert_refused(outcome, before=before, after=tree(user_project))
    said = outcome.stdout + outcome.stderr
    assert f"{target}:1:1: cannot read: {NOT_REGULAR}" in said, said[-1500:]


def test_a_pipe_among_the_sources_is_skipped_and_named(user_project: Path) -> None:
    _pipe(user_project / "seeds" / "pipe.txt")
    built = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=user_project, timeout=60)
    assert built.code == 0, built.stderr[-1500:]
    assert f"skipped pipe.txt: {NOT_REGULAR}" in built.stderr
    checked = run_briefing("verify", "deck.pptx", OUTLINE, cwd=user_project, timeout=60)
    assert checked.code == 0, checked.stdout + checked.stderr
    shown = run_briefing("text", "seeds/pipe.txt", cwd=user_project, timeout=30)
    assert_refused(shown, "pipe.txt")
    assert NOT_REGULAR in shown.stderr
