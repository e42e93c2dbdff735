"""FTS5 against Tantivy on the same windows: top-k latency, a capped count, size, build time.

    .venv/bin/python bench/bench_engines.py OLD_INDEX.sqlite [--times 3] [--runs 20]

OLD_INDEX is an index cache built by briefing before the move to Tantivy (SCHEMA_VERSION 7),
whose FTS5 table still holds every window's text (bench_paths.py leaves one per corpus size).
With --sources FOLDER, INDEX may be a new cache instead (no window text stored): each window's
text is cut from its source file, and only Tantivy is timed (--no-fts5 does that too).
Its windows, repeated --times times under new ids (--times 3 on a 10,000-document cache
stands in for 30,000 documents), are loaded into a fresh FTS5 table and a fresh Tantivy index
(briefing.sources.fulltext, as the index uses it), and the same queries are timed in both:
evidence search for a common and a rare word, each shipped theme's pool (400) and its
keywords' capped counts. Times are medians of --runs, in this process, after a warm-up.
"""

from __future__ import annotations

import argparse
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

from briefing.compose import query  # noqa: E402
from briefing.outline.themes import load_themes  # noqa: E402
from briefing.sources.fulltext import Match, TextIndex  # noqa: E402


def fts5(match: Match) -> str:
    """The FTS5 MATCH string briefing built for the same query before."""

    def phrases(group: tuple[tuple[str, ...], ...], joiner: str) -> str:
        return joiner.join('"' + " ".join(words) + '"' for words in group)

    if match.all:
        return phrases(match.all, " AND ")
    wanted = f"({phrases(match.any, ' OR ')})"
    return f"{wanted} NOT ({phrases(match.none, ' OR ')})" if match.none else wanted


def median_ms(action: object, runs: int) -> float:
    action()  # type: ignore[operator]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("--times", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rare", default="abilfi")
    parser.add_argument("--sources", type=Path, help="cut window text from these sources")
    parser.add_argument("--no-fts5", action="store_true", help="time Tantivy only")
    args = parser.parse_args(argv)
    old = sqlite3.connect(f"file:{args.old}?mode=ro", uri=True)
    if args.sources:
        rows, texts = [], {}
        spans = old.execute(
            "SELECT w.id, w.doc, d.name, w.start, w.end FROM windows w JOIN docs d ON d.id = w.doc"
        )
        for wid, doc, name, start, end in spans:
            if name not in texts:
                texts = {name: (args.sources / name).read_text("utf-8")}  # rows come by doc
            rows.append((wid, doc, texts[name][start:end]))
        args.no_fts5 = True
    else:
        windows = old.execute(
            "SELECT w.id, w.doc, f.text FROM fts f JOIN windows w ON w.id = f.rowid"
        )
        rows = windows.fetchall()
    step = max(i for i, _, _ in rows) + 1
    dstep = max(d for _, d, _ in rows) + 1
    work = Path(tempfile.mkdtemp(prefix="bench-engines-"))
    try:
        start = time.perf_counter()
        db = sqlite3.connect(work / "fts.sqlite")
        db.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(text,"
            " tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        with db:
            for k in range(0 if args.no_fts5 else args.times):
                db.executemany(
                    "INSERT INTO fts(rowid, text) VALUES (?, ?)",
                    ((i + k * step, t) for i, _, t in rows),
                )
        fts_build = time.perf_counter() - start
        start = time.perf_counter()
        text = TextIndex(work / "text", fresh=True)
        for k in range(args.times):
            for i, d, t in rows:
                text.add(i + k * step, d + k * dstep, t)
        text.commit(1)
        text.finish()
        tv_build = time.perf_counter() - start
        fts_mb = sum(p.stat().st_size for p in work.glob("fts.sqlite*")) / 1e6
        tv_mb = sum(p.stat().st_size for p in (work / "text").iterdir()) / 1e6
        chars = sum(len(t) for _, _, t in rows) * args.times / 1e6
        print(f"{len(rows) * args.times:,} windows ({chars:.0f} M chars of window text)")
        print(f"build: FTS5 {fts_build:.1f} s, Tantivy {tv_build:.1f} s")
        print(f"size: FTS5 {fts_mb:.0f} MB (text stored), Tantivy {tv_mb:.0f} MB (ids only)")
        cases: list[tuple[str, Match, int, str]] = [
            ("search 'Vietnam' (60)", query.search_match("Vietnam"), 60, "top"),
            (f"search {args.rare!r} (60)", query.search_match(args.rare), 60, "top"),
            (
                "search 'supply chain' Vietnam",
                query.search_match('"supply chain" Vietnam'),
                60,
                "top",
            ),
        ]
        for theme in load_themes(ROOT / "themes").values():
            match = query.theme_match(list(theme.keywords), list(theme.exclude))
            cases.append((f"theme pool {theme.id} (400)", match, 400, "top"))  # type: ignore[arg-type]
            every = query.any_of(list(theme.keywords))
            cases.append((f"capped count {theme.id}", every, 50_000, "count"))  # type: ignore[arg-type]
        print(f"{'query':<44} {'FTS5 ms':>9} {'Tantivy ms':>11}  same top ids")
        for label, match, k, kind in cases:
            if kind == "top":
                sql = "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?"
                old_ids = [r[0] for r in db.execute(sql, (fts5(match), k))]
                new_ids = [i for i, _ in text.top(match, k)]
                a = median_ms(
                    lambda m=match, k=k, sql=sql: db.execute(sql, (fts5(m), k)).fetchall(),
                    args.runs,
                )
                b = median_ms(lambda m=match, k=k: text.top(m, k), args.runs)
                overlap = len(set(old_ids) & set(new_ids)) / max(1, len(old_ids))
                same = f"{overlap:.0%} of {len(old_ids)}"
            else:
                sql = "SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?)"
                n_old = db.execute(sql, (fts5(match), k)).fetchone()[0]
                a = median_ms(
                    lambda m=match, k=k, sql=sql: db.execute(sql, (fts5(m), k)).fetchone(),
                    args.runs,
                )
                b = median_ms(lambda m=match, k=k: text.count(m, k), args.runs)
                same = f"counts {n_old} / {text.count(match, k)}"
            if args.no_fts5:  # the FTS5 table is empty: its columns say nothing
                a, same = float("nan"), ""
            print(f"{label:<44} {a:>9.1f} {b:>11.1f}  {same}")
        text.close()
        db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
