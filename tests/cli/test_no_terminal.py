"""`present` and `edit` piped or redirected say they need a terminal, instead of flooding the
pipe with escape codes and never ending."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bad_input.conftest import assert_refused, run_briefing, tree


@pytest.mark.parametrize("command", ["present", "edit"])
def test_a_tui_without_a_terminal_says_so_and_exits(project: Path, command: str) -> None:
    before = tree(project)
    outcome = run_briefing(command, "outlines/us-vietnam.yaml", cwd=project, timeout=60)
    assert_refused(outcome, "needs a terminal", before=before, after=tree(project))
    assert outcome.stdout == ""  # not one escape code
    assert len(outcome.stderr.strip().splitlines()) == 1
