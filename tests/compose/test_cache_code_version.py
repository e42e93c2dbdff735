"""A recorded deck is served only to the code that composed it: a change to any module it was
made by, a source format's reader in `sources/formats/` too, composes it anew."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import briefing

PACKAGE = Path(briefing.__file__).parent
PRINT_VERSION = "from briefing.compose.cache import code_version; print(code_version())"


def _version(root: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PRINT_VERSION], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_changed_format_reader_or_composer_module_changes_the_code_version(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "briefing"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    first = _version(tmp_path)
    assert _version(tmp_path) == first  # the same code, the same version
    seen = {first}
    for module in ("sources/formats/pdf.py", "sources/formats/html.py", "compose/select.py"):
        with (copy / module).open("a", encoding="utf-8") as handle:
            handle.write("\n# changed\n")
        seen.add(_version(tmp_path))
    assert len(seen) == 4
