"""`briefing present` as a process: it refuses a broken outline before any TUI starts, paints
under a real pseudo-terminal, and exits 0 on `q`."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

from bench.bench_present import run_in_pty
from tests.tui.conftest import EXAMPLE, ROOT


def env_for(tmp_path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        **extra,
    }


def test_a_broken_outline_exits_1_with_the_problem_and_no_tui(project, tmp_path):
    outline = project / "outlines" / "us-vietnam.yaml"
    outline.write_text(
        outline.read_text(encoding="utf-8").replace("theme: semiconductors", "theme: chipz"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", "present", str(outline)],
        capture_output=True,
        text=True,
        env=env_for(tmp_path),
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""  # nothing drawn
    problems = [line for line in result.stderr.splitlines() if not line.startswith("import time")]
    assert len(problems) == 1
    assert problems[0].startswith(f"{outline}:") and "unknown theme 'chipz'" in problems[0]
    assert "| textual" not in result.stderr  # Textual was never even imported


def test_a_missing_outline_exits_non_zero_with_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "present", str(tmp_path / "nope.yaml")],
        capture_output=True,
        text=True,
        env=env_for(tmp_path),
        timeout=120,
    )
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nope.yaml" in result.stderr


def test_first_paint_under_a_pseudo_terminal(tmp_path):
    stamp = tmp_path / "painted"
    started = time.time()
    code, _, output = run_in_pty(
        [sys.executable, "-m", "briefing", "present", str(EXAMPLE)],
        env_for(tmp_path, BRIEFING_FIRST_PAINT=str(stamp)),
        timeout=120,
    )
    assert code == 0, output[-500:]
    assert started < float(stamp.read_text()) < time.time()
    assert b"UNCLASSIFIED // FOR TRAINING" in output


def test_q_quits_with_status_0(tmp_path):
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "present", str(EXAMPLE), "--no-watch"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env_for(tmp_path),
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    sent = False
    deadline = time.time() + 120
    try:
        while proc.poll() is None and time.time() < deadline:
            if select.select([master], [], [], 0.05)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
            if not sent and b"quit" in seen:  # the key hints are on screen
                time.sleep(0.3)
                os.write(master, b"q")
                sent = True
        assert sent, seen[-500:]
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
