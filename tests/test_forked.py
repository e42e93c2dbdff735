"""`build` composes in a forked process while it imports python-pptx: the result, errors and
messages are those of composing in-process, and so is the deck, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.errors import BriefingError, Problem, ValidationError
from briefing.forked import Forked
from tests.conftest import EXAMPLE, run_cli, write

FORK_IN_A_NEW_PROCESS = """
import os
from briefing.forked import Forked
here = os.getpid()
pid, data = Forked(lambda: (os.getpid(), {"slides": [1, 2]})).result()
print(pid != here, data)
"""


def test_the_work_runs_in_another_process_and_its_result_comes_back() -> None:
    """In a new process, as a command runs: pytest's own has the threads of indexes earlier
    tests opened, and does the work itself (see the next tests)."""
    done = subprocess.run(
        [sys.executable, "-c", FORK_IN_A_NEW_PROCESS], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True {'slides': [1, 2]}"


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


def test_a_first_build_composes_in_a_child_and_writes_the_same_bytes(
    tmp_path: Path, monkeypatch
) -> None:
    forks = []
    real = Forked.__init__

    def counted(self, work) -> None:  # type: ignore[no-untyped-def]
        forks.append(work)
        real(self, work)

    monkeypatch.setattr(Forked, "__init__", counted)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "first"))
    first, again = tmp_path / "first.pptx", tmp_path / "again.pptx"
    assert run_cli("build", EXAMPLE, "-o", first).exit_code == 0
    assert len(forks) == 1  # no cached deck: composed beside python-pptx's import
    assert run_cli("build", EXAMPLE, "-o", again).exit_code == 0
    assert len(forks) == 1  # the cached deck: read in-process, no fork for tens of ms
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "in-process"))
    monkeypatch.setenv("BRIEFING_DEBUG", "1")  # composes in-process
    here = tmp_path / "here.pptx"
    assert run_cli("build", EXAMPLE, "-o", here).exit_code == 0
    assert first.read_bytes() == here.read_bytes() == again.read_bytes()


def test_an_outlines_problem_is_still_shown_before_a_bad_templates(project: Path) -> None:
    outline = write(project / "outlines" / "bad.yaml", "title: T\nslides:\n  - titel: x\n")
    template = write(project / "not.pptx", "not a deck")
    result = run_cli("build", outline, "-o", project / "out.pptx", "--template", template)
    assert result.exit_code == 1
    assert "bad.yaml:3" in result.stderr and "not a PowerPoint file" not in result.stderr
    good = run_cli("build", EXAMPLE, "-o", project / "out.pptx", "--template", template)
    assert good.exit_code == 1 and "not a PowerPoint file" in good.stderr
    assert good.stderr.count("\n") == 1


def test_a_process_running_an_index_s_native_threads_does_the_work_itself(tmp_path: Path) -> None:
    """Tantivy's file watcher is a thread Python does not count: a fork beside it once
    inherited the index's meta lock and waited on it forever."""
    from briefing.sources.fulltext import TextIndex

    index = TextIndex(tmp_path / "text")
    try:
        assert len(os.listdir("/proc/self/task")) > 1
        assert not Forked(os.getpid).forked
        assert Forked(os.getpid).result() == os.getpid()
    finally:
        index.close()


def test_a_process_with_another_thread_does_the_work_itself() -> None:
    """A thread holding a lock at the fork could stall the child: no fork then."""
    import threading

    release = threading.Event()
    helper = threading.Thread(target=release.wait)
    helper.start()
    try:
        assert Forked(os.getpid).result() == os.getpid()
    finally:
        release.set()
        helper.join()
