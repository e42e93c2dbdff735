"""A 50 MB source document works, within memory bounds, through the real command."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SIZE = 50_000_000
MEMORY_LIMIT_KB = 500 * 1024
# Runs a command and prints the peak resident memory (KB) of it and its workers on stderr.
PEAK_RSS_WRAPPER = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(r.returncode)"
)


def write_huge_source(path: Path) -> None:
    """~50 MB of distinct prose: seed paragraphs, each numbered so none repeats verbatim."""
    paragraphs = [
        p
        for seed in sorted((ROOT / "seeds").glob("*.txt"))
        for p in seed.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 25 and "©" not in p
    ]
    rng = random.Random(50)
    with path.open("w", encoding="utf-8") as out:
        written = n = 0
        while written < SIZE:
            n += 1
            block = f"Dispatch {n}. {rng.choice(paragraphs)}\n\n"
            out.write(block)
            written += len(block.encode("utf-8"))


def test_a_50_mb_source_composes_within_memory_bounds(project: Path, tmp_path: Path) -> None:
    huge = project / "seeds" / "huge.txt"
    write_huge_source(huge)
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    outline = project / "outlines" / "us-vietnam.yaml"
    command = [sys.executable, "-m", "briefing", "compose", str(outline), "--json"]
    done = subprocess.run(
        [sys.executable, "-c", PEAK_RSS_WRAPPER, *command],
        capture_output=True,
        env=env,
        timeout=900,
        check=False,
    )
    *messages, peak = done.stderr.decode().strip().splitlines()
    assert done.returncode == 0, "\n".join(messages)
    assert int(peak) < MEMORY_LIMIT_KB, f"peak memory {int(peak) // 1024} MB"
    deck = json.loads(done.stdout)
    text = huge.read_text(encoding="utf-8")
    quoted_huge = [e for s in deck["slides"] for e in s["excerpts"] if e["source"] == "huge.txt"]
    assert quoted_huge, "the huge source should contribute excerpts"
    for e in quoted_huge:
        assert text[e["start"] : e["end"]] == e["text"]
