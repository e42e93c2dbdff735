"""The paths users hit while working (issue 14): a changed source, an edited outline, evidence
search, the first index, the index's size on disk and peak memory, on synthetic corpora.

    .venv/bin/python bench/bench_paths.py                          # 10,000 documents
    .venv/bin/python bench/bench_paths.py --sizes 1000 --repeat 3  # a few minutes less
    .venv/bin/python bench/bench_paths.py --sizes 20 --repeat 1 --searches 2   # smoke run

Per corpus (bench/synth.py, reused from --workdir when it is already there), each against a
baseline measured in the same run:

- first index: the whole `python -m briefing compose OUTLINE --json` process on an empty
  cache; MB/s of source text, against a raw read of the same bytes (target >= 2.5 MB/s);
- index on disk: the cache folder's size after that run over the corpus's size (<= 1.5x);
- compose after an outline edit: a copy of the example outline whose first bullet changes
  before every run, so the composed-deck cache misses and the index is warm (<= 0.5 s);
- compose after one source document changed: one document gets a sentence appended, on a copy
  of the cache (bench_corpus.changed_one); target <= 0.5 s;
- evidence search: the engine behind `briefing search` and the TUI's `/` (an open Evidence over
  the corpus, 20 passages), the median of --searches queries for a common word ("Vietnam") and
  for a rare one (a word in 2-5 index windows, picked from the index's vocabulary); <= 50 ms;
- peak memory: max RSS of the largest process over every run above, and the sampled PSS of the
  first index's process tree (< 500 MB).

The compose rows also print their ratio to `python -c "import sqlite3, json"` timed in the same
run. The children run the working tree's briefing/, its bytecode compiled first as installing
a package does; the searches run in this process after an untimed warm-up query.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_corpus as corpus  # noqa: E402
from bench import synth  # noqa: E402
from bench.bench_build import edit_one_bullet  # noqa: E402

COMMON = "Vietnam"
TARGETS = {"index_mbps": 2.5, "disk_ratio": 1.5, "compose_s": 0.5, "search_ms": 50.0, "mb": 500.0}


def folder_bytes(folder: Path) -> int:
    """Bytes of every file under `folder`."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def rare_word(cache: Path, sources: Path) -> tuple[str, int]:
    """A word in 2-5 index windows: the first such (alphabetically) in FTS5's vocabulary, or,
    for the Tantivy index (no vocabulary table), among the corpus's words of 6+ letters."""
    for db in sorted(cache.rglob("*.sqlite*")) + sorted(cache.rglob("*.db")):
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'fts', 'row')")
            row = con.execute(
                "SELECT term, doc FROM temp.vocab WHERE doc BETWEEN 2 AND 5 AND length(term) >= 6"
                " AND term GLOB '[a-z]*' AND term NOT GLOB '*[^a-z]*' ORDER BY term LIMIT 1"
            ).fetchone()
            con.close()
        except sqlite3.Error:
            continue
        if row:
            return row[0], row[1]
    from briefing.sources.fulltext import Match, TextIndex

    for folder in sorted(cache.glob("index-*.text")):
        text = TextIndex(folder)
        words: set[str] = set()
        for path in sorted(sources.glob("*.txt"))[:200]:
            words.update(w for w in re.findall(r"[a-z]{6,}", path.read_text("utf-8")))
        for word in sorted(words):
            found = text.count(Match(all=((word,),)), 6)
            if 2 <= found <= 5:
                text.close()
                return word, found
        text.close()
    raise SystemExit(f"bench: found no full-text index with a rare word under {cache}")


def search_times(sources: Path, cache: Path, words: list[str], n: int) -> dict[str, object]:
    """Per word: the median of `n` evidence searches on an open corpus, and its hit count."""
    os.environ["BRIEFING_CACHE_DIR"] = str(cache)
    from briefing.tui.present.evidence import Evidence  # the engine of `briefing search`

    evidence = Evidence(sources)
    result: dict[str, object] = {}
    try:
        evidence.library()
        for word in words:
            hits = evidence.search(word)  # untimed warm-up
            times = []
            for _ in range(n):
                start = time.perf_counter()
                evidence.search(word)
                times.append(time.perf_counter() - start)
            result[word] = (statistics.median(times), max(times), len(hits))
    finally:
        evidence.close()
    return result


def measure(
    size: int, work: Path, repeat: int, searches: int, code: corpus.Code, only: str | None = None
) -> list[tuple]:
    """Every row for one corpus: (what, measured, target, met or None); `only="edit"`: the
    outline-edit row alone, over the work folder's index when it has one."""
    py = sys.executable
    pool = synth.load_seed_pool(corpus.SEEDS)
    info = synth.write_corpus(pool, work / f"corpus-{size}", size, seed=0)
    outline = corpus.write_outline(work / f"paths-outline-{size}.yaml", info.folder)
    cache = work / f"paths-cache-{size}"
    if only == "edit" and cache.is_dir() and any(cache.iterdir()):
        return edit_rows(outline, work, size, repeat, code, code.env(BRIEFING_CACHE_DIR=str(cache)))
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    env = code.env(BRIEFING_CACHE_DIR=str(cache))
    mb = info.bytes / 1e6
    raw_cmd = [py, *corpus.RAW_READ, str(info.folder)]
    raw = statistics.median(
        corpus.checked(corpus.run_child(raw_cmd, code), "raw read").seconds for _ in range(3)
    )
    corpus._progress(f"{size:,} docs ({mb:.1f} MB): first index ...")
    first = corpus.checked(
        corpus.run_child([py, "-m", "briefing", "compose", str(outline), "--json"], code, env=env),
        "first index",
    )
    disk = folder_bytes(cache)
    if only == "edit":
        return edit_rows(outline, work, size, repeat, code, env)
    edits, floor = edit_runs(outline, work, size, repeat, code, env)
    corpus._progress(f"{size:,} docs: compose after one changed document ...")
    compose = [py, "-m", "briefing", "compose", str(outline), "--json"]
    changed = corpus.changed_one(info.folder, size, cache, compose, code) if size > 1 else None
    rare, rare_windows = rare_word(cache, info.folder)
    corpus._progress(f"{size:,} docs: {searches} searches each for {COMMON!r} and {rare!r} ...")
    found = search_times(info.folder, cache, [COMMON, rare], searches)
    edit_s = statistics.median(r.seconds for r in edits)
    runs = [first, *edits, *([changed] if changed else [])]
    peak = max(r.max_rss_mb for r in runs)
    t = TARGETS
    rows: list[tuple] = [
        (
            "first index, whole process",
            f"{mb / first.seconds:.2f} MB/s ({first.seconds:.1f} s; raw read {raw:.2f} s)",
            f">= {t['index_mbps']} MB/s",
            mb / first.seconds >= t["index_mbps"],
        ),
        (
            "index on disk / corpus",
            f"{disk / info.bytes:.2f}x ({disk / 1e6:.1f} MB for {mb:.1f} MB)",
            f"<= {t['disk_ratio']}x",
            disk / info.bytes <= t["disk_ratio"],
        ),
        edit_row(edit_s, floor, repeat),
    ]
    if changed:
        rows.append(
            (
                "compose after one source changed",
                f"{changed.seconds:.3f} s ({changed.seconds / floor:.1f}x python start-up)",
                f"<= {t['compose_s']} s",
                changed.seconds <= t["compose_s"],
            )
        )
    for word, label in ((COMMON, "common"), (rare, f"rare, {rare_windows} windows")):
        median, worst, hits = found[word]  # type: ignore[misc]
        rows.append(
            (
                f"evidence search {word!r} ({label}), median of {searches}",
                f"{median * 1000:.1f} ms (max {worst * 1000:.1f}; {hits} hits)",
                f"<= {t['search_ms']:g} ms",
                median * 1000 <= t["search_ms"],
            )
        )
    pss = first.tree_pss_mb
    rows.append(
        (
            "peak memory",
            f"{peak:.0f} MB RSS, largest process"
            + (f"; {pss:.0f} MB PSS, first index tree" if pss else ""),
            f"< {t['mb']:g} MB",
            max(peak, pss or 0) < t["mb"],
        )
    )
    return rows


def edit_runs(
    outline: Path, work: Path, size: int, repeat: int, code: corpus.Code, env: dict[str, str]
) -> tuple[list, float]:
    """Composes of a copy of the outline whose first bullet changes before each, after one
    untimed compose of it (an edit follows a compose); and python's start-up, interleaved."""
    py = sys.executable
    edited = work / f"paths-edited-{size}.yaml"
    text = outline.read_text("utf-8")
    edited.write_text(text, "utf-8")
    cmd = [py, "-m", "briefing", "compose", str(edited), "--json"]
    corpus.checked(corpus.run_child(cmd, code, env=env), "compose before the edits")
    startup, edits = [], []
    for i in range(repeat):
        startup.append(corpus.run_child([py, *corpus.PYTHON_STARTUP], code).seconds)
        edited.write_text(edit_one_bullet(text, i + 1), "utf-8")
        edits.append(corpus.checked(corpus.run_child(cmd, code, env=env), "edited compose"))
    return edits, statistics.median(startup)


def edit_row(edit_s: float, floor: float, repeat: int) -> tuple:
    target = TARGETS["compose_s"]
    return (
        f"compose after an outline edit, median of {repeat}",
        f"{edit_s:.3f} s ({edit_s / floor:.1f}x python start-up {floor * 1000:.0f} ms)",
        f"<= {target} s",
        edit_s <= target,
    )


def edit_rows(
    outline: Path, work: Path, size: int, repeat: int, code: corpus.Code, env: dict[str, str]
) -> list[tuple]:
    """The outline-edit row alone (`--only edit`)."""
    edits, floor = edit_runs(outline, work, size, repeat, code, env)
    return [edit_row(statistics.median(r.seconds for r in edits), floor, repeat)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="corpus sizes (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="outline-edit composes (median)")
    parser.add_argument("--searches", type=int, default=20, help="timed searches per word")
    parser.add_argument("--workdir", type=Path, help="keep corpora here and reuse them")
    parser.add_argument(
        "--only",
        choices=["edit"],
        help="one row: the outline edit (over --workdir's index when it has one)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s]
    if not sizes or min(sizes) < 2 or args.repeat < 1 or args.searches < 1:
        parser.error("--sizes must be 2 or more documents; --repeat and --searches at least 1")
    code = corpus.working_tree()
    compileall.compile_dir(code.folder / "briefing", quiet=1)  # .pyc, as an install has
    work = (args.workdir or Path(tempfile.mkdtemp(prefix="briefing-paths-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    saved = os.environ.get("BRIEFING_CACHE_DIR")
    try:
        results = {
            size: measure(size, work, args.repeat, args.searches, code, args.only) for size in sizes
        }
    finally:
        if saved is None:
            os.environ.pop("BRIEFING_CACHE_DIR", None)
        else:
            os.environ["BRIEFING_CACHE_DIR"] = saved
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    shown = " ".join(argv if argv is not None else sys.argv[1:])
    print(f"$ python bench/bench_paths.py {shown}".rstrip())
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load {corpus._load()}")
    for size, rows in results.items():
        print(f"\n== {size:,} documents")
        print(f"{'path':<60} {'target':<12} {'measured':<62} result")
        for what, measured, target, met in rows:
            verdict = "" if met is None else ("met" if met else "MISSED")
            print(f"{what:<60} {target:<12} {measured:<62} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
