"""Who may import what, checked by import-linter's contracts in pyproject.toml (the layers of
the data walk, no cycles, Textual only in the TUI, python-pptx only in the PowerPoint writer),
and at run time for the commands that must start fast."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "briefing"
MAX_MODULE_LINES = 350  # "mostly under 300": a module past this wants splitting


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter with the project's contracts against the `briefing` under `root`."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command;"
            " sys.exit(lint_imports_command())",
            "--config",
            str(ROOT / "pyproject.toml"),
            "--no-cache",
        ],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout
    assert result.stdout.count("KEPT") >= 5


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("compose/_probe.py", "import textual.app\n", "Only the TUI imports Textual"),
        ("outline/_probe.py", "from pptx import Presentation\n", "python-pptx"),
        ("sources/_probe.py", "from briefing.compose import ranking\n", "walks one way"),
        ("compose/_probe.py", "from briefing.tui.present import app\n", "walks one way"),
        ("export/pptx/_probe.py", "from briefing.cli import main\n", "walks one way"),
        ("sources/index_probe.py", "from briefing.sources import library\n", "cycles"),
    ],
)
def test_the_contracts_catch_a_violation(tmp_path: Path, module: str, line: str, broken: str):
    """A copy of the package with one bad import planted must fail the contract it breaks."""
    copy = tmp_path / "briefing"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / module).write_text(line, encoding="utf-8")
    if "cycles" in broken:  # make library import the probe too, closing a loop
        lib = copy / "sources" / "library.py"
        lib.write_text(lib.read_text() + "\nfrom briefing.sources import index_probe\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout[-2000:]
    broken_lines = [ln for ln in result.stdout.splitlines() if ln.endswith("BROKEN")]
    assert any(broken in ln for ln in broken_lines), result.stdout[-2000:]


def test_modules_stay_small():
    big = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert big == {}, f"split these modules (over {MAX_MODULE_LINES} lines): {big}"


def imported_at_run_time(*args: str, cwd: Path) -> set[str]:
    """Top-level modules a `python -m briefing ...` run imported, from `-X importtime`."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    assert "briefing" in names  # the trace really is there
    return names


def test_compose_never_imports_textual(project):
    names = imported_at_run_time("compose", "outlines/us-vietnam.yaml", "--json", cwd=project)
    assert "click" in names
    assert "textual" not in names


def test_build_never_imports_textual(project):
    names = imported_at_run_time(
        "build", "outlines/us-vietnam.yaml", "-o", "deck.pptx", cwd=project
    )
    assert (project / "deck.pptx").is_file()
    assert "textual" not in names


def test_the_index_modules_leave_yaml_and_filelock_until_needed():
    """A compose after a source changed imports the index's modules before it forks the
    composer: YAML (a catalogue's, ~16 ms) and filelock (~16 ms) would be paid there by one
    process alone, before either could start; they are imported after, in both at once."""
    code = (
        "import sys, briefing.sources.library, briefing.compose.cache_beside; "
        "print(sorted({'yaml', 'filelock'} & set(sys.modules)))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert found.returncode == 0, found.stderr[-2000:]
    assert found.stdout.strip() == "[]"
