"""Corpus-scale benchmark (GitHub issue 2): first index, warm compose and peak memory.

Synthesises corpora of perturbed seed paragraphs (see bench/synth.py) and times the whole
`python -m briefing compose OUTLINE --json > /dev/null` process on them, against baselines
measured in the same run, so figures from a busy, shared machine can be compared as ratios.
The floor a warm compose is divided by is `python -c "import sqlite3, json"`: the interpreter
and the two standard modules a cached compose cannot do without. `briefing --help` is still
timed, but only reported: it imports every command module (the listing needs them all), more
than a warm compose imports, so dividing by it flattered the warm figure. A raw read of the
corpus bytes is the floor for the first index. briefing's bytecode is compiled first (the code
folder the children run), as installing a package does.

    .venv/bin/python bench/bench_corpus.py                  # 1,000 and 10,000 docs + 50 MB file
    .venv/bin/python bench/bench_corpus.py --quick          # smoke run: 200 docs + 5 MB file
    .venv/bin/python bench/bench_corpus.py --sizes 1000 --big-mb 0 --json out.json
    .venv/bin/python bench/bench_corpus.py --rev HEAD       # the last commit, not the tree

By default the children run the working tree's `briefing/`; with --rev they run a `git archive`
of that revision instead, so edits others make to the tree mid-run cannot skew (or break) it.

Per corpus it measures: the first index (empty cache; MB/s of source text), a warm compose
(median of --repeat runs; the composed-deck cache hits), a warm index with an edited outline
(the deck cache misses, the index and ranking caches hit), a compose after one document
changed (on a copy of the cache), and peak memory: max RSS of the largest process (wait4)
and sampled PSS summed over the process and its workers. Every excerpt of one composed deck
is checked against its file slice.

Targets (2-core machine): warm compose of the example outline under 0.5 s for the whole
process; first index at least 1 MB/s of source text; peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402

EXAMPLE_OUTLINE = ROOT / "outlines" / "us-vietnam.yaml"
THEMES = ROOT / "themes"
SEEDS = ROOT / "seeds"

TARGET_WARM_S = 0.5
TARGET_INDEX_MBPS = 1.0
TARGET_PEAK_MB = 500.0

PYTHON_STARTUP = ("-c", "import sqlite3, json")
RAW_READ = (
    "-c",
    "import os, sys\n"
    "n = 0\n"
    "for root, _, files in os.walk(sys.argv[1]):\n"
    "    for name in files:\n"
    "        with open(os.path.join(root, name), 'rb') as f:\n"
    "            n += len(f.read())\n"
    "print(n)",
)
CLI_FLOOR = ("-m", "briefing", "--help")
CHANGE = "\n\nThe benchmark appended this sentence to change one document, and nothing else.\n"


@dataclass(frozen=True)
class Code:
    """Which `briefing` the children run: a folder holding the package, and how to reach it."""

    folder: Path
    label: str  # "working tree" or the revision
    commit: str
    dirty: tuple[str, ...]  # files under briefing/ that differ from the commit (working tree)
    pythonpath: bool  # False: the working tree, found from the project folder itself

    def env(self, **extra: str) -> dict[str, str]:
        env = {**os.environ, **extra}
        if self.pythonpath:
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(self.folder), os.environ.get("PYTHONPATH")) if p
            )
        return env

    def shell(self, args: list[str], **extra: str) -> str:
        """The exact shell command for a child, stdout to /dev/null."""
        if self.pythonpath:
            extra = {"PYTHONPATH": str(self.folder), **extra}
        env = "".join(f"{k}={shlex.quote(v)} " for k, v in extra.items())
        return f"cd {shlex.quote(str(self.folder))} && {env}{shlex.join(args)} > /dev/null"


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def working_tree() -> Code:
    """The package as it is on disk now, with what differs from HEAD."""
    try:
        commit = _git("rev-parse", "HEAD")
        dirty = tuple(
            line[3:] for line in _git("status", "--porcelain", "--", "briefing").splitlines()
        )
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "?", ()
    return Code(ROOT, "working tree", commit, dirty, pythonpath=False)


def exported(rev: str, work: Path) -> Code:
    """`briefing/` at a git revision, exported under the work folder."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    folder = work / f"code-{commit[:12]}"
    if not (folder / "briefing" / "__init__.py").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "briefing"],
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
    return Code(folder, rev, commit, (), pythonpath=True)


# -- running one child process --------------------------------------------------------------


@dataclass
class Run:
    """One whole-process run of a child: wall time and memory."""

    seconds: float
    max_rss_mb: float  # largest single process (the child or a reaped worker), from wait4
    tree_pss_mb: float | None  # sampled peak PSS summed over the child and its workers
    returncode: int
    stderr: str


class TreeSampler(threading.Thread):
    """Samples the summed PSS of a process and its descendants until stopped.

    RSS counts pages shared by forked workers once per worker; PSS splits them, so the sum is
    what the whole tree really holds. Samples every `interval` seconds, so short peaks may be
    missed: max RSS from wait4 is the exact figure for the largest single process.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            total = sum(_pss_kb(pid) for pid in _descendants(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self.stopped.wait(self.interval)


def _descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    stack.extend(int(child) for child in f.read().split())
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_child(
    args: list[str],
    code: Code,
    *,
    env: dict[str, str] | None = None,
    stdout: Path | None = None,
) -> Run:
    """Run `args` in the code's folder; stdout goes to `stdout` or /dev/null, stderr is kept."""
    sample = Path("/proc/self/smaps_rollup").exists()
    with (
        tempfile.TemporaryFile() as err,
        open(stdout or os.devnull, "wb") as out,
    ):
        start = time.perf_counter()
        proc = subprocess.Popen(
            args, stdout=out, stderr=err, env=env or code.env(), cwd=code.folder
        )
        sampler = TreeSampler(proc.pid) if sample else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.stopped.set()
            sampler.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss_kb = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(
        seconds=seconds,
        max_rss_mb=rss_kb / 1024,
        tree_pss_mb=sampler.peak_kb / 1024 if sampler and sampler.peak_kb else None,
        returncode=proc.returncode,
        stderr=stderr,
    )


def checked(run: Run, what: str) -> Run:
    """The run, or exit with its stderr when it failed: a broken compose has no timing."""
    if run.returncode != 0:
        sys.stderr.write(f"bench: {what} failed with status {run.returncode}:\n{run.stderr}\n")
        raise SystemExit(2)
    return run


# -- what one corpus measures -----------------------------------------------------------------


@dataclass
class Check:
    """A target and whether the measured figure meets it."""

    metric: str
    target: str
    measured: str
    passed: bool | None  # None: informational


@dataclass
class CorpusResult:
    """Every figure measured on one corpus, and the commands that reproduce them."""

    name: str
    docs: int
    bytes: int
    folder: str
    outline: str
    cache: str
    raw_read_s: float = 0.0
    startup_median_s: float = 0.0
    cli_floor_median_s: float = 0.0
    first_index_s: float = 0.0
    first_index_max_rss_mb: float = 0.0
    first_index_tree_pss_mb: float | None = None
    warm_s: list[float] = field(default_factory=list)
    warm_max_rss_mb: float = 0.0
    edited_s: list[float] = field(default_factory=list)  # warm index, deck cache missed
    edited_max_rss_mb: float = 0.0
    changed_one_s: float | None = None
    changed_one_max_rss_mb: float | None = None
    excerpts: int = 0
    verbatim: bool = False
    empty_theme_slides: list[str] = field(default_factory=list)
    commands: dict[str, str] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)

    @property
    def mb(self) -> float:
        return self.bytes / 1e6

    @property
    def warm_median_s(self) -> float:
        return statistics.median(self.warm_s)

    @property
    def edited_median_s(self) -> float:
        return statistics.median(self.edited_s)

    @property
    def peak_rss_mb(self) -> float:
        return max(
            self.first_index_max_rss_mb,
            self.warm_max_rss_mb,
            self.edited_max_rss_mb,
            self.changed_one_max_rss_mb or 0,
        )

    @property
    def index_mbps(self) -> float:
        return self.mb / self.first_index_s

    @property
    def raw_read_mbps(self) -> float:
        return self.mb / self.raw_read_s


def write_outline(path: Path, sources: Path) -> Path:
    """A copy of the example outline that reads `sources` and the project's themes."""
    text = EXAMPLE_OUTLINE.read_text("utf-8")
    for key, value in (("sources", sources), ("themes", THEMES)):
        line = f"{key}: {json.dumps(str(value.resolve()))}"
        text, found = re.subn(rf"(?m)^{key}:.*$", line, text)
        if not found:
            text = text.rstrip("\n") + "\n" + line + "\n"
    path.write_text(text, "utf-8")
    return path


def verify(deck_json: Path, sources: Path) -> tuple[int, bool, list[str]]:
    """Excerpt count, whether every excerpt is its file's slice, and themed slides left empty."""
    deck = json.loads(deck_json.read_text("utf-8"))
    texts: dict[str, str] = {}
    count, verbatim, empty = 0, True, []
    for slide in deck["slides"]:
        if slide["theme"] and not slide["excerpts"]:
            empty.append(slide["title"])
        for excerpt in slide["excerpts"]:
            name = excerpt["source"]
            if name not in texts:
                texts[name] = (sources / name).read_bytes().decode("utf-8")
            count += 1
            verbatim &= texts[name][excerpt["start"] : excerpt["end"]] == excerpt["text"]
    return count, verbatim, empty


def _progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure(
    name: str, sources: Path, docs: int, nbytes: int, work: Path, repeat: int, code: Code
) -> CorpusResult:
    """Time and size one corpus: raw read, first index, warm composes, one changed document."""
    python = sys.executable
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    outline = write_outline(work / f"outline-{slug}.yaml", sources)
    cache = work / f"cache-{slug}"
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    env = code.env(BRIEFING_CACHE_DIR=str(cache))
    compose = [python, "-m", "briefing", "compose", str(outline), "--json"]
    result = CorpusResult(name, docs, nbytes, str(sources), str(outline), str(cache))
    result.commands = {
        "first_index": f"rm -rf {shlex.quote(str(cache))} && "
        + code.shell(compose, BRIEFING_CACHE_DIR=str(cache)),
        "warm_compose": code.shell(compose, BRIEFING_CACHE_DIR=str(cache)),
        "python_startup": code.shell([python, *PYTHON_STARTUP]),
        "cli_floor": code.shell([python, *CLI_FLOOR]),
    }

    _progress(f"{name}: raw read of {result.mb:.1f} MB")
    raw = [
        checked(run_child([python, *RAW_READ, str(sources)], code), "raw read") for _ in range(3)
    ]
    result.raw_read_s = statistics.median(r.seconds for r in raw)

    _progress(f"{name}: first index (empty cache) ...")
    first = checked(run_child(compose, code, env=env), "first index")
    result.first_index_s = first.seconds
    result.first_index_max_rss_mb = first.max_rss_mb
    result.first_index_tree_pss_mb = first.tree_pss_mb
    _progress(f"{name}: first index {first.seconds:.1f} s ({result.index_mbps:.2f} MB/s)")

    # An edited copy of the outline (a new comment line each run) misses the composed-deck
    # cache but keeps the index and ranking caches: what re-composing after editing costs.
    edited = work / f"outline-{slug}-edited.yaml"
    compose_edited = [python, "-m", "briefing", "compose", str(edited), "--json"]
    result.commands["edited_compose"] = (
        f"echo '# edit' >> {shlex.quote(str(edited))} && "
        + code.shell(compose_edited, BRIEFING_CACHE_DIR=str(cache))
    )
    # Baselines interleaved with the warm runs, so load from other users hits both alike.
    startup, floor = [], []
    for i in range(repeat):
        startup.append(
            checked(run_child([python, *PYTHON_STARTUP], code), "python start-up").seconds
        )
        floor.append(checked(run_child([python, *CLI_FLOOR], code), "briefing --help").seconds)
        warm = checked(run_child(compose, code, env=env), "warm compose")
        result.warm_s.append(warm.seconds)
        result.warm_max_rss_mb = max(result.warm_max_rss_mb, warm.max_rss_mb)
        edited.write_text(outline.read_text("utf-8") + f"# benchmark edit {i}\n", "utf-8")
        again = checked(run_child(compose_edited, code, env=env), "compose of edited outline")
        result.edited_s.append(again.seconds)
        result.edited_max_rss_mb = max(result.edited_max_rss_mb, again.max_rss_mb)
    result.startup_median_s = statistics.median(startup)
    result.cli_floor_median_s = statistics.median(floor)
    _progress(
        f"{name}: warm compose median {result.warm_median_s:.3f} s, "
        f"edited outline {result.edited_median_s:.3f} s"
    )

    deck = work / f"deck-{slug}.json"
    checked(run_child(compose, code, env=env, stdout=deck), "compose (verification)")
    result.excerpts, result.verbatim, result.empty_theme_slides = verify(deck, sources)

    if docs > 1:
        changed = changed_one(sources, docs, cache, compose, code)
        result.changed_one_s = changed.seconds
        result.changed_one_max_rss_mb = changed.max_rss_mb

    result.checks = checks_for(result)
    return result


def changed_one(sources: Path, docs: int, cache: Path, compose: list[str], code: Code) -> Run:
    """Compose after one document changed: it is re-analysed and every theme re-ranked.

    Runs on a copy of the cache, and puts the document back with its old mtime, so the
    corpus's own cache stays warm for whoever reruns the warm-compose command.
    """
    victim = sorted(p for p in sources.iterdir() if p.suffix == ".txt")[docs // 2]
    original = victim.read_bytes()
    stat = victim.stat()
    copy = cache.with_name(cache.name + "-changed")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(cache, copy)
    os.sync()  # untimed: else the compose's first fsync waits for the copy's writeback
    try:
        victim.write_bytes(original + CHANGE.encode())
        env = code.env(BRIEFING_CACHE_DIR=str(copy))
        return checked(run_child(compose, code, env=env), "compose after one change")
    finally:
        victim.write_bytes(original)
        os.utime(victim, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        shutil.rmtree(copy, ignore_errors=True)


def checks_for(r: CorpusResult) -> list[Check]:
    """Targets and informational rows for one corpus."""
    peak_rss = r.peak_rss_mb
    rows = [
        Check(
            "first index, whole process (s)",
            "-",
            f"{r.first_index_s:.2f} s ({r.first_index_s / r.raw_read_s:.0f}x raw read)",
            None,
        ),
        Check(
            "first index throughput",
            f">= {TARGET_INDEX_MBPS:g} MB/s",
            f"{r.index_mbps:.2f} MB/s (raw read {r.raw_read_mbps:.0f} MB/s)",
            r.index_mbps >= TARGET_INDEX_MBPS,
        ),
        Check(
            f"warm compose, median of {len(r.warm_s)}",
            f"< {TARGET_WARM_S:g} s",
            f"{r.warm_median_s:.3f} s (min {min(r.warm_s):.3f}, max {max(r.warm_s):.3f})",
            r.warm_median_s < TARGET_WARM_S,
        ),
        Check(
            f"warm index, edited outline, median of {len(r.edited_s)}",
            f"< {TARGET_WARM_S:g} s",
            f"{r.edited_median_s:.3f} s (min {min(r.edited_s):.3f}, max {max(r.edited_s):.3f})",
            r.edited_median_s < TARGET_WARM_S,
        ),
        Check(
            "warm compose / python start-up",
            "-",
            f"{r.warm_median_s / r.startup_median_s:.1f}x ({r.startup_median_s * 1000:.0f} ms)",
            None,
        ),
        Check(
            "`briefing --help` (not a floor)",
            "-",
            f"{r.warm_median_s / r.cli_floor_median_s:.2f}x ({r.cli_floor_median_s * 1000:.0f} ms)",
            None,
        ),
        Check(
            "peak RSS, largest process",
            f"< {TARGET_PEAK_MB:g} MB",
            f"{peak_rss:.0f} MB (first index {r.first_index_max_rss_mb:.0f}, "
            f"warm {r.warm_max_rss_mb:.0f}, edited {r.edited_max_rss_mb:.0f})",
            peak_rss < TARGET_PEAK_MB,
        ),
    ]
    if r.first_index_tree_pss_mb is not None:
        rows.append(
            Check(
                "peak PSS, process + workers (sampled)",
                f"< {TARGET_PEAK_MB:g} MB",
                f"{r.first_index_tree_pss_mb:.0f} MB",
                r.first_index_tree_pss_mb < TARGET_PEAK_MB,
            )
        )
    if r.changed_one_s is not None:
        rows.append(Check("compose after 1 changed doc", "-", f"{r.changed_one_s:.2f} s", None))
    rows.append(
        Check(
            "excerpts verbatim (text == file[start:end])",
            "all",
            f"{r.excerpts} excerpts, {'all verbatim' if r.verbatim else 'MISMATCH'}"
            + (f"; empty: {', '.join(r.empty_theme_slides)}" if r.empty_theme_slides else ""),
            r.verbatim and r.excerpts > 0,
        )
    )
    return rows


# -- report -----------------------------------------------------------------------------------


def _verdict(passed: bool | None) -> str:
    return "" if passed is None else ("PASS" if passed else "FAIL")


def render(results: list[CorpusResult], command: str, machine: dict[str, object]) -> str:
    """The human-readable report: one table per corpus, then a summary."""
    lines = [
        f"briefing corpus benchmark — {machine['cpus']} CPUs, Python {machine['python']}, "
        f"load average {machine['load_before']} before, {machine['load_after']} after",
        f"code: {code_line(machine)}",
        f"reproduce: {command}",
        "",
    ]
    widths = (44, 14, 58)
    for r in results:
        lines.append(f"== {r.name}: {r.docs:,} documents, {r.mb:.1f} MB ({r.folder})")
        lines.append(
            f"{'metric':<{widths[0]}} {'target':<{widths[1]}} {'measured':<{widths[2]}} result"
        )
        for c in r.checks:
            lines.append(
                f"{c.metric:<{widths[0]}} {c.target:<{widths[1]}} "
                f"{c.measured:<{widths[2]}} {_verdict(c.passed)}"
            )
        lines.append(f"  first index:  {r.commands['first_index']}")
        lines.append(f"  warm compose: {r.commands['warm_compose']}")
        lines.append(f"  edited:       {r.commands['edited_compose']}")
        lines.append("")
    lines.append("== summary")
    header = (
        f"{'corpus':<18} {'MB':>7} {'first index':>12} {'MB/s':>6} {'warm med':>9} {'edited':>7} "
        f"{'warm/py':>8} {'RSS MB':>7} {'PSS MB':>7}  result"
    )
    lines.append(header)
    for r in results:
        peak = r.peak_rss_mb
        verdicts = [c.passed for c in r.checks if c.passed is not None]
        pss = f"{r.first_index_tree_pss_mb:7.0f}" if r.first_index_tree_pss_mb else f"{'-':>7}"
        lines.append(
            f"{r.name:<18} {r.mb:7.1f} {r.first_index_s:11.1f}s {r.index_mbps:6.2f} "
            f"{r.warm_median_s:8.3f}s {r.edited_median_s:6.3f}s "
            f"{r.warm_median_s / r.startup_median_s:7.1f}x "
            f"{peak:7.0f} {pss}  "
            f"{'PASS' if all(verdicts) else 'FAIL'}"
        )
    return "\n".join(lines)


def code_line(machine: dict[str, object]) -> str:
    """Which briefing was measured: the revision, or the working tree and what is uncommitted."""
    code = machine["code"]
    assert isinstance(code, dict)
    line = f"briefing from {code['briefing']} (commit {str(code['commit'])[:12]})"
    if code["uncommitted"]:
        line += ", uncommitted changes in: " + ", ".join(code["uncommitted"])
    return line


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", help="corpus sizes in documents (default 1000,10000)")
    parser.add_argument(
        "--big-mb", type=float, help="size of the single big source file in MB; 0 skips it"
    )
    parser.add_argument("--repeat", type=int, default=5, help="warm compose runs (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="synthesiser seed (default 0)")
    parser.add_argument("--workdir", type=Path, help="keep corpora here and reuse them")
    parser.add_argument(
        "--rev", help="benchmark this git revision's briefing/ (e.g. HEAD), not the working tree"
    )
    parser.add_argument("--json", type=Path, dest="json_out", help="write results here")
    parser.add_argument("--quick", action="store_true", help="smoke run: 200 docs, 5 MB file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    sizes = args.sizes or ("200" if args.quick else "1000,10000")
    args.sizes = [int(s.replace("_", "")) for s in sizes.split(",") if s.strip()]
    if args.big_mb is None:
        args.big_mb = 5.0 if args.quick else 50.0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "cd {} && {} {}".format(
        shlex.quote(str(ROOT)),
        shlex.quote(os.path.relpath(sys.executable, ROOT)),
        shlex.join(["bench/bench_corpus.py", *(sys.argv[1:] if argv is None else argv)]),
    )
    machine: dict[str, object] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_before": _load(),
    }
    work = (args.workdir or Path(tempfile.mkdtemp(prefix="briefing-bench-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    code = exported(args.rev, work) if args.rev else working_tree()
    compileall.compile_dir(code.folder / "briefing", quiet=1)  # .pyc, as an install has
    machine["code"] = {
        "briefing": code.label,
        "folder": str(code.folder),
        "commit": code.commit,
        "uncommitted": list(code.dirty),
    }
    pool = synth.load_seed_pool(SEEDS)
    results: list[CorpusResult] = []
    try:
        for size in args.sizes:
            _progress(f"synthesising {size:,} documents ...")
            began = time.perf_counter()
            info = synth.write_corpus(
                pool,
                work / f"corpus-{size}",
                size,
                args.seed,
                progress=lambda n: _progress(f"  {n:,} written"),
            )
            _progress(
                f"{size:,} documents, {info.bytes / 1e6:.1f} MB "
                f"({'reused' if info.reused else f'{time.perf_counter() - began:.0f} s'})"
            )
            results.append(
                measure(f"{size:,} docs", info.folder, size, info.bytes, work, args.repeat, code)
            )
        if args.big_mb > 0:
            _progress(f"synthesising one {args.big_mb:g} MB file ...")
            big = synth.write_big_file(
                pool, work / "big" / "big.txt", int(args.big_mb * 1e6), args.seed
            )
            results.append(
                measure(
                    f"{args.big_mb:g} MB file", big.folder, 1, big.bytes, work, args.repeat, code
                )
            )
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    machine["load_after"] = _load()
    print(render(results, command, machine))
    if args.json_out:
        payload = {
            "command": command,
            "machine": machine,
            "targets": {
                "warm_compose_s": TARGET_WARM_S,
                "first_index_mbps": TARGET_INDEX_MBPS,
                "peak_mb": TARGET_PEAK_MB,
            },
            "results": [
                {
                    **asdict(r),
                    "mb": r.mb,
                    "warm_median_s": r.warm_median_s,
                    "edited_median_s": r.edited_median_s,
                    "peak_rss_mb": r.peak_rss_mb,
                    "index_mbps": r.index_mbps,
                    "raw_read_mbps": r.raw_read_mbps,
                    "warm_vs_python_startup": r.warm_median_s / r.startup_median_s,
                    "warm_vs_cli_floor": r.warm_median_s / r.cli_floor_median_s,
                }
                for r in results
            ],
        }
        args.json_out.write_text(json.dumps(payload, indent=2) + "\n", "utf-8")
    failed = any(c.passed is False for r in results for c in r.checks)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
