"""The evidence search and a theme's BM25 lists timed at a baseline revision's `TextIndex.top`
and `count` against the working tree's, interleaved in one process over one index, so the
machine's load falls on both alike (issue 14: "<= 50 ms median at 30k, any query").

    .venv/bin/python bench/bench_search_ab.py --cache /tmp/bp-30k-search/paths-cache-30000 \\
        --sources /tmp/bp-30k-search/corpus-30000 --baseline main

The index in --cache must have been built by the working tree (`bench_paths.py` builds it);
the baseline's methods are bound to the same open index and each call's result is checked
to be the same list. Rows, for each --word: `search` (`ranking.search`, the engine of
`briefing search` and the TUI's `/`), and `theme keyword` (what a theme of that one keyword
asks of the index: its pool at ranking.POOL, its own list, its IDF count capped at
evidence.DF_CAP); with --outline, `pool of theme` (a theme's pool: a union of its keywords).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def baseline_module(rev: str) -> object:
    """`briefing.sources.fulltext` as it is at `rev`, imported under another name."""
    text = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:briefing/sources/fulltext.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp(prefix="ab-")) / "fulltext_baseline.py"
    path.write_text(text, "utf-8")
    spec = importlib.util.spec_from_file_location("fulltext_baseline", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def themes_of(outline: Path) -> dict[str, object]:
    """The themes an outline's slides use, by id."""
    from briefing.compose.composer import used_theme_ids
    from briefing.outline.load import load_outline
    from briefing.outline.themes import load_themes

    loaded = load_outline(outline)
    return dict(sorted(load_themes(loaded.themes_dir, used_theme_ids(loaded)).items()))


def timed(call: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="the cache folder")
    parser.add_argument("--sources", type=Path, required=True, help="the corpus folder")
    parser.add_argument("--baseline", default="main", help="revision to compare (main)")
    parser.add_argument("--word", action="append", help="words (default: Vietnam, trade)")
    parser.add_argument("-n", type=int, default=20, help="timed rounds (median)")
    parser.add_argument("--outline", type=Path, help="also time its themes' pools (unions)")
    args = parser.parse_args()
    os.environ["BRIEFING_CACHE_DIR"] = str(args.cache)
    from briefing.compose import evidence, query, ranking
    from briefing.sources import fulltext
    from briefing.sources.library import Library

    old = baseline_module(args.baseline)
    library = Library(args.sources)
    text = library.fulltext
    new_top, new_count = fulltext.TextIndex.top, fulltext.TextIndex.count
    old_top, old_count = old.TextIndex.top, old.TextIndex.count  # type: ignore[attr-defined]
    words = args.word or ["Vietnam", "trade"]

    def as_old() -> None:
        fulltext.TextIndex.top, fulltext.TextIndex.count = old_top, old_count

    def as_new() -> None:
        fulltext.TextIndex.top, fulltext.TextIndex.count = new_top, new_count

    cases: dict[str, Callable[[], object]] = {}
    for word in words:
        match = query.theme_match([word], [])
        assert match is not None
        cases[f"search {word!r}"] = lambda w=word: ranking.search(library, w)
        cases[f"theme keyword {word!r}"] = lambda m=match: (
            text.top(m, ranking.POOL),
            text.top(m, ranking.PER_WEIGHTED_TERM),
            text.count(m, evidence.DF_CAP),
        )
    for theme_id, theme in themes_of(args.outline).items() if args.outline else ():
        pool = query.theme_match(list(theme.keywords), list(theme.exclude))
        if pool is not None:
            cases[f"pool of theme {theme_id!r}"] = lambda m=pool: text.top(m, ranking.POOL)
    times: dict[tuple[str, str], list[float]] = {}
    for round_ in range(args.n + 1):  # the first round is untimed: caches warm
        for name, call in cases.items():
            results = {}
            for label, switch in (("baseline", as_old), ("new", as_new)):
                switch()
                seconds, results[label] = timed(call)
                if round_:
                    times.setdefault((name, label), []).append(seconds)
            if results["baseline"] != results["new"]:
                raise SystemExit(f"{name}: the two revisions' results differ")
    library.close()
    print(f"$ python bench/bench_search_ab.py --baseline {args.baseline} (n={args.n})")
    print(f"index: {args.cache}; load {os.getloadavg()[0]:.1f}")
    print(f"{'what':<44} {'baseline ms':>12} {'new ms':>10} {'ratio':>7}")
    for name in cases:
        base = statistics.median(times[(name, "baseline")]) * 1000
        new = statistics.median(times[(name, "new")]) * 1000
        print(f"{name:<44} {base:>12.1f} {new:>10.1f} {new / base:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
