"""`build` composes in a forked process while it imports python-pptx: the result, errors and
messages are those of composing in-process, and so is the deck, byte for byte."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefing.cli.overlap import Forked
from briefing.errors import BriefingError, Problem, ValidationError
from tests.conftest import EXAMPLE, run_cli, write


def test_the_work_runs_in_another_process_and_its_result_comes_back() -> None:
    here = os.getpid()
    pid, data = Forked(lambda: (os.getpid(), {"slides": [1, 2]})).result()
    assert pid != here and data == {"slides": [1, 2]}


def test_errors_and_messages_come_back_as_composing_here_shows_them(capsys) -> None:
    def invalid() -> None:
        print("briefing: note: the deck cache was damaged; recomposing", file=sys.stderr)
        raise ValidationError([Problem("o.yaml", 3, 5, "unknown key 'titel'")])

    with pytest.raises(ValidationError) as caught:
        Forked(invalid).result()
    assert [str(p) for p in caught.value.problems] == ["o.yaml:3:5: unknown key 'titel'"]
    assert "damaged; recomposing" in capsys.readouterr().err

    def refused() -> None:
        raise BriefingError("sources folder seeds/ not found")

    with pytest.raises(BriefingError, match=r"^sources folder seeds/ not found$"):
        Forked(refused).result()


def test_anything_unexpected_is_done_again_here() -> None:
    parent = os.getpid()

    def fails_elsewhere() -> str:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return "done here"

    assert Forked(fails_elsewhere).result() == "done here"


def test_a_child_killed_mid_way_is_done_again_here() -> None:
    parent = os.getpid()
    assert Forked(lambda: os.getpid() if os.getpid() == parent else os._exit(9)).result() == parent


def test_the_forked_build_writes_the_in_process_builds_bytes(tmp_path: Path, monkeypatch) -> None:
    forked, here = tmp_path / "forked.pptx", tmp_path / "here.pptx"
    assert run_cli("build", EXAMPLE, "-o", forked).exit_code == 0
    monkeypatch.setenv("BRIEFING_DEBUG", "1")  # composes in-process
    assert run_cli("build", EXAMPLE, "-o", here).exit_code == 0
    assert forked.read_bytes() == here.read_bytes()


def test_an_outlines_problem_is_still_shown_before_a_bad_templates(project: Path) -> None:
    outline = write(project / "outlines" / "bad.yaml", "title: T\nslides:\n  - titel: x\n")
    template = write(project / "not.pptx", "not a deck")
    result = run_cli("build", outline, "-o", project / "out.pptx", "--template", template)
    assert result.exit_code == 1
    assert "bad.yaml:3" in result.stderr and "not a PowerPoint file" not in result.stderr
    good = run_cli("build", EXAMPLE, "-o", project / "out.pptx", "--template", template)
    assert good.exit_code == 1 and "not a PowerPoint file" in good.stderr
    assert good.stderr.count("\n") == 1
