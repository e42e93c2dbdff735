"""The `briefing` program leaves without the interpreter's teardown, and loses nothing by it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefing.cli.leave import exit_code

PROLOGUE = """
import atexit, sys, threading, time
from briefing.cli.leave import leave

class Noisy:
    def __del__(self):
        sys.stdout.write("teardown;")

kept = Noisy()  # freed only by the interpreter's teardown
atexit.register(lambda: sys.stdout.write("atexit;"))
sys.stdout.write("unflushed;")
"""


def _run(body: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROLOGUE + body], capture_output=True, text=True, timeout=60
    )


def test_leaving_skips_the_teardown_but_runs_exit_handlers_and_flushes() -> None:
    done = _run("leave(3)")
    assert done.returncode == 3
    assert done.stdout == "unflushed;atexit;"


def test_the_ordinary_exit_it_replaces_does_tear_down() -> None:
    # The measure above can fail: an ordinary exit frees `kept` (so the teardown is real work).
    done = _run("sys.exit(3)")
    assert done.returncode == 3
    assert "teardown;" in done.stdout


def test_a_running_thread_is_waited_for_as_python_would() -> None:
    body = (
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    sys.stdout.write('thread;')\n"
        "threading.Thread(target=late).start()\n"
        "leave(0)\n"
    )
    done = _run(body)
    assert done.returncode == 0
    assert "thread;" in done.stdout
    assert done.stdout.index("thread;") < done.stdout.index("atexit;")


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (2, 2), (130, 130)])
def test_exit_codes_are_the_ones_sys_exit_would_give(code: object, status: int) -> None:
    assert exit_code(code) == status


def test_a_message_exit_prints_it_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code("briefing: stopped") == 1
    assert capsys.readouterr().err == "briefing: stopped\n"


def test_the_briefing_program_still_reports_its_status() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "no-such-outline.yaml"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == "no-such-outline.yaml:1:1: file not found\n"
