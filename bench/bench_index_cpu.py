"""A first index's CPU per MB, split by who spends it, for a tree and a baseline tree in turns.

On a shared 2-core machine wall time follows the other users' load; CPU seconds follow the
code. Each run indexes a synthetic corpus (bench/synth.py) from an empty cache in a fresh
process and reports wall MB/s, the whole process tree's CPU-s/MB (the workers included), and
the parent's split: its main thread (Python, SQLite) and its other threads (Tantivy's).

    .venv/bin/python bench/bench_index_cpu.py --docs 1500 -n 3 --baseline /work/main
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402

CHILD = """
import sys, time
from pathlib import Path
if __name__ == "__main__":
    from briefing.sources.index import Index
    index = Index(Path(sys.argv[1]), Path(sys.argv[2]) / "index.sqlite")
    cpu, main = time.process_time(), time.thread_time()
    index.sync()
    print(time.process_time() - cpu, time.thread_time() - main)
    index.close()
"""


def run(tree: Path, folder: Path, cache: Path) -> tuple[float, float, float, float]:
    """(wall s, tree CPU s, parent CPU s, parent main-thread CPU s) of one first index."""
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    env = dict(os.environ, PYTHONPATH=str(tree), BRIEFING_CACHE_DIR=str(cache))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(cache)],
        env=env,
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    tree_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    parent, main = map(float, out.stdout.split())
    return wall, tree_cpu, parent, main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1500, help="synthetic documents")
    parser.add_argument("-n", "--repeat", type=int, default=3, help="runs per tree (median)")
    parser.add_argument("--baseline", type=Path, help="another tree, timed in turns with this")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bic")
    args = parser.parse_args()
    info = synth.write_corpus(
        synth.load_seed_pool(ROOT / "seeds"), args.workdir / f"corpus-{args.docs}", args.docs
    )
    mb = info.bytes / 1e6
    trees = [ROOT, *([args.baseline.resolve()] if args.baseline else [])]
    for tree in trees:  # .pyc for each, as an install has (else a tree compiles every run)
        compileall.compile_dir(tree / "briefing", quiet=1)
    runs: dict[Path, list[tuple[float, float, float, float]]] = {t: [] for t in trees}
    for turn in range(args.repeat):
        # each tree first in every other turn: the first run of a pair was the slower by ~3%
        for tree in trees if turn % 2 == 0 else trees[::-1]:
            runs[tree].append(run(tree, info.folder, args.workdir / "cache"))
    print(
        f"{args.docs:,} docs, {mb:.1f} MB; load {os.getloadavg()[0]:.1f}; medians of {args.repeat}"
    )
    for tree, got in runs.items():
        wall, cpu, parent, thread = (statistics.median(x) for x in zip(*got, strict=True))
        print(
            f"{tree}: {mb / wall:.2f} MB/s, {cpu / mb:.3f} CPU-s/MB (parent main thread "
            f"{thread / mb:.3f}, its other threads {(parent - thread) / mb:.3f}, workers "
            f"{(cpu - parent) / mb:.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
