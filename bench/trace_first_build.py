"""Where a first build's time goes: each process's CPU and the phases on its path (issue 14).

    .venv/bin/python bench/trace_first_build.py [-n RUNS] [--outline outlines/us-vietnam.yaml]
        [--phase MODULE:FUNCTION ...] [--changed DOCS [--workdir DIR]]

With `--changed DOCS` it traces a `compose` after one source changed instead, on the synthetic
corpus of DOCS documents that `bench_paths.py` times (made, indexed and composed once in
`--workdir`, and reused from there): each run changes one document as it does, on a copy of
the cache, and puts it back.

`bench_build.py --only cold` times a first build whole; this says why it takes that long. Each
run builds the outline on an empty cache folder through a bootstrap that, in every process of
the build (the command, its forked composer, the lemma server), wraps the functions named in
PHASES (and any `--phase`) to note when each call starts and ends, and notes the process's CPU
when it leaves (`os._exit`: the build's processes leave that way); a lemma server stopped by a
signal before it left is counted as the command's reaped children less the composer. The
medians over the runs are printed: when each process left and its CPU; when each phase first
started (from the command's start), how long its calls took in all and the longest one. A
process whose CPU is well under its time from fork to exit waited or was starved. Nothing in
briefing is changed: the bootstrap wraps this run's functions as their modules are imported,
so every module is still imported where and when the build imports it. briefing's bytecode
is compiled first, as `bench_build.py` does.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)

# (module, function or Class.method): what each process spends its time on.
PHASES = (
    ("briefing.sources.index", "Index.sync"),
    ("briefing.export.pptx.writer", "open_template"),
    ("briefing.forked", "Forked.result"),
    ("briefing.export.pptx.writer", "build_pptx"),
    ("briefing.compose.cache_beside", "import_composer"),
    ("briefing.compose.composer", "compose_outline_file"),
    ("briefing.compose.ranking", "rank_theme"),
    ("briefing.compose.speaker_kept", "with_speakers"),
    ("briefing.compose.composer", "_render_notes"),
    ("briefing.compose.cache", "_store_composed"),
    ("briefing.compose.lemma_server", "_serve"),
)
CHANGED_PHASES = (  # the changed-source path: the command's sync and the composer
    ("briefing.compose.cache_proof", "folder_scan"),
    ("briefing.compose.cache_beside", "listed_now"),
    ("briefing.compose.cache_beside", "_compose"),
    ("briefing.compose.ranking", "_rank"),
    ("briefing.sources.index", "Index._update"),
    ("briefing.sources.opening", "seal"),
)

BOOTSTRAP = r"""
import importlib.abc, importlib.util, json, os, resource, sys, time
T0, OUT = float(os.environ["TRACE_T0"]), os.environ["TRACE_OUT"]
PHASES = json.loads(os.environ["TRACE_PHASES"])
MAIN = os.getpid()

def note(**row):
    row.update(pid=os.getpid(), main=os.getpid() == MAIN)
    fd = os.open(OUT, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(row) + "\n").encode())
    finally:
        os.close(fd)

def wrapped(name, func):
    def timed(*args, **kwargs):
        start = time.time() - T0
        if name == "_serve":  # never returns: only its start is noted
            note(phase=name, start=start, took=0.0)
        try:
            return func(*args, **kwargs)
        finally:
            note(phase=name, start=start, took=time.time() - T0 - start)
    return timed

class Wrapper(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        wanted = [attr for module, attr in PHASES if module == name]
        if not wanted:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            for attr in wanted:
                owner, _, method = attr.rpartition(".")
                holder = getattr(module, owner) if owner else module
                setattr(holder, method, wrapped(method, getattr(holder, method)))
        spec.loader.exec_module = exec_module
        return spec

real_exit = os._exit
def leave(code):
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    note(left=time.time() - T0, cpu=own.ru_utime + own.ru_stime,
         children=kids.ru_utime + kids.ru_stime)
    real_exit(code)

os._exit = leave
sys.meta_path.insert(0, Wrapper())
sys.argv = ["briefing", *sys.argv[1:]]
from briefing.cli import main
main()
"""


def run_once(
    outline: Path, tmp: Path, n: int, phases: tuple[tuple[str, str], ...] = PHASES
) -> list[dict[str, object]]:
    """One first build on an empty cache folder; the rows its processes noted."""
    deck = str(tmp / f"deck{n}.pptx")
    return traced(["build", str(outline), "-o", deck], tmp / f"cache{n}", tmp, n, phases)


def traced(
    args: list[str], cache: Path, tmp: Path, n: int, phases: tuple[tuple[str, str], ...]
) -> list[dict[str, object]]:
    """`briefing ARGS` run through the bootstrap on `cache`; the rows its processes noted."""
    out = tmp / f"trace{n}.jsonl"
    env = dict(
        os.environ,
        BRIEFING_CACHE_DIR=str(cache),
        PYTHONPATH=str(ROOT),
        TRACE_OUT=str(out),
        TRACE_PHASES=json.dumps(phases),
        TRACE_T0=repr(time.time()),
    )
    cmd = [str(PYTHON), "-c", BOOTSTRAP, *args]
    subprocess.run(cmd, cwd=tmp, env=env, check=True, capture_output=True)
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def changed_runs(
    docs: int, work: Path, runs: int, phases: tuple[tuple[str, str], ...]
) -> list[list[dict[str, object]]]:
    """`runs` traced composes after one document of a `docs`-document corpus changed."""
    sys.path.insert(0, str(ROOT))
    from bench import bench_corpus as corpus
    from bench import synth

    info = synth.write_corpus(synth.load_seed_pool(corpus.SEEDS), work / f"corpus-{docs}", docs)
    outline = corpus.write_outline(work / f"paths-outline-{docs}.yaml", info.folder)
    cache = work / f"paths-cache-{docs}"
    env = dict(os.environ, BRIEFING_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    for args in (
        ["search", "the", "--sources", str(info.folder), "-n", "1"],  # the index synced
        ["compose", str(outline), "--json"],
    ):  # and the deck recorded, by this code
        subprocess.run([str(PYTHON), "-m", "briefing", *args], env=env, check=True,
                       capture_output=True)  # fmt: skip
    victim = sorted(info.folder.glob("*.txt"))[docs // 2]
    original, stat = victim.read_bytes(), victim.stat()
    found = []
    with tempfile.TemporaryDirectory(prefix="bench-trace-") as tmp:
        for n in range(runs):
            copy = Path(tmp) / f"cache{n}"
            shutil.copytree(cache, copy)
            os.sync()  # else the run's first fsync waits for the copy's writeback
            try:
                victim.write_bytes(original + corpus.CHANGE.encode())
                found.append(
                    traced(["compose", str(outline), "--json"], copy, Path(tmp), n, phases)
                )
            finally:
                victim.write_bytes(original)
                os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns))
                shutil.rmtree(copy, ignore_errors=True)
    return found


def roles(rows: list[dict[str, object]]) -> dict[int, str]:
    """Which process each pid was: the command, the composer or the lemma server."""
    named: dict[int, str] = {}
    for row in rows:
        pid = int(row["pid"])  # type: ignore[call-overload]
        if row["main"]:
            named[pid] = "command"
        elif row.get("phase") == "_serve":
            named[pid] = "lemma server"
        elif row.get("phase") in ("import_composer", "compose_outline_file", "_compose"):
            named.setdefault(pid, "composer")
    return named


def summarise(rows: list[dict[str, object]]) -> dict[str, float]:
    """One run's figures: each process's exit and CPU, each phase's first start and total."""
    named, found = roles(rows), {}
    cpu: dict[str, float] = {}
    for row in rows:
        who = named.get(int(row["pid"]), "other")  # type: ignore[call-overload]
        if "left" in row:
            found[f"{who}|left"] = float(row["left"])  # type: ignore[arg-type]
            cpu[who] = float(row["cpu"])  # type: ignore[arg-type]
            cpu[f"{who} children"] = float(row["children"])  # type: ignore[arg-type]
        else:
            key = f"{who}: {row['phase']}"
            start, took = float(row["start"]), float(row["took"])  # type: ignore[arg-type]
            found[f"{key}|start"] = min(found.get(f"{key}|start", start), start)
            found[f"{key}|took"] = found.get(f"{key}|took", 0.0) + took
            found[f"{key}|calls"] = found.get(f"{key}|calls", 0) + 1
            found[f"{key}|longest"] = max(found.get(f"{key}|longest", 0.0), took)
    for who, used in cpu.items():
        if not who.endswith(" children"):
            found[f"{who}|cpu"] = used
    served = any(row.get("phase") == "_serve" for row in rows)  # none on a changed source's
    if served and "lemma server" not in cpu and "command children" in cpu and "composer" in cpu:
        lemma = cpu["command children"] - cpu["composer"] - cpu.get("composer children", 0.0)
        found["lemma server|cpu"] = lemma
    return found


def report(runs: list[dict[str, float]]) -> str:
    """The medians over the runs, processes first, then phases in the order they started."""
    keys = sorted({key for run in runs for key in run})

    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs if key in run)

    lines = ["process          left at     CPU"]
    for who in ("command", "composer", "lemma server"):
        left = f"{median(f'{who}|left'):7.3f} s" if f"{who}|left" in keys else "        -"
        used = f"{median(f'{who}|cpu'):6.3f} s" if f"{who}|cpu" in keys else "     -"
        lines.append(f"{who:14s} {left}  {used}")
    phases = sorted(
        {key.rsplit("|", 1)[0] for key in keys if key.endswith("|start")},
        key=lambda phase: median(f"{phase}|start"),
    )
    lines += ["", f"{'phase (process: function)':44s} starts at   takes   calls  longest"]
    for phase in phases:
        start, took = median(f"{phase}|start"), median(f"{phase}|took")
        calls, longest = median(f"{phase}|calls"), median(f"{phase}|longest")
        lines.append(f"{phase:44s} {start:7.3f} s {took:7.3f} s {calls:5.0f} {longest:7.3f} s")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=9)
    parser.add_argument("--outline", type=Path, default=ROOT / "outlines" / "us-vietnam.yaml")
    parser.add_argument(
        "--phase",
        action="append",
        default=[],
        metavar="MODULE:FUNCTION",
        help="another function to time (Class.method for a method), e.g. "
        "briefing.sources.library:Library.__init__",
    )
    parser.add_argument("--changed", type=int, metavar="DOCS", help="trace a changed source")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bp")
    args = parser.parse_args()
    extra = tuple(tuple(spec.split(":", 1)) for spec in args.phase if ":" in spec)
    compileall.compile_dir(ROOT / "briefing", quiet=1)
    if args.changed:
        phases = PHASES + CHANGED_PHASES + extra
        runs = [
            summarise(rows) for rows in changed_runs(args.changed, args.workdir, args.runs, phases)
        ]
        print(
            f"compose after one of {args.changed:,} documents changed, medians of {args.runs} runs"
        )
        print(f"(seconds from the command's start; load {os.getloadavg()[0]:.1f})\n")
        print(report(runs))
        print(f"\ncommand: {' '.join(sys.argv)}")
        return
    with tempfile.TemporaryDirectory(prefix="bench-trace-") as tmp:
        runs = [
            summarise(run_once(args.outline.resolve(), Path(tmp), n, PHASES + extra))
            for n in range(args.runs)
        ]
    print(f"first build of {args.outline.name} on an empty cache, medians of {args.runs} runs")
    print(f"(seconds from the command's start; load {os.getloadavg()[0]:.1f})\n")
    print(report(runs))
    print(f"\ncommand: {' '.join(sys.argv)}")


if __name__ == "__main__":
    main()
