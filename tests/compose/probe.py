"""Run a compose in a new process, as users run it (pytest's own threads would keep it from
forking), with a probe script that notes what happened, one line per event, in a marker file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def probed(script: str, outline: Path, cache: Path, marker: Path) -> tuple[str, list[str]]:
    """The deck's JSON and the marker's lines, from `script` run as `python -c script MARKER
    OUTLINE` over the cache folder `cache`."""
    marker.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", script, str(marker), str(outline)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "BRIEFING_CACHE_DIR": str(cache)},
    )
    assert done.returncode == 0, done.stderr
    lines = marker.read_text(encoding="utf-8").splitlines() if marker.exists() else []
    return done.stdout, lines
