"""Time sentence segmentation and whole analysis over a synthetic corpus (issue 14's first index).

    .venv/bin/python bench/bench_segment.py --docs 300            # MB/s of analysis and segmenting
    .venv/bin/python bench/bench_segment.py --docs 300 --profile  # where analysis CPU goes

Segmenting times `segment.sentences` over every paragraph of each document; analysis times
`analysis.analyse` per document; both in this one process, best of --repeat runs.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_corpus as corpus  # noqa: E402
from bench import synth  # noqa: E402
from briefing.sources import analysis, segment  # noqa: E402


def load(folder: Path, docs: int) -> list[str]:
    """The texts of the first `docs` documents of the synthetic corpus in `folder`."""
    pool = synth.load_seed_pool(corpus.SEEDS)
    synth.write_corpus(pool, folder, docs, seed=0)
    return [(folder / f"doc{i:05d}.txt").read_text("utf-8") for i in range(docs)]


def time_segment(texts: list[str]) -> float:
    """Seconds to segment every paragraph of every text."""
    paras = [(t, list(segment.paragraphs(t))) for t in texts]
    begin = time.perf_counter()
    for text, spans in paras:
        for para in spans:
            segment.sentences(text, para)
    return time.perf_counter() - begin


def time_analysis(texts: list[str]) -> float:
    """Seconds to analyse every text."""
    begin = time.perf_counter()
    for i, text in enumerate(texts):
        analysis.analyse(f"doc{i}", "0" * 40, text)
    return time.perf_counter() - begin


def main() -> None:
    """Print MB/s of segmenting and of analysis."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    texts = load(args.workdir / f"briefing-seg-{args.docs}", args.docs)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    if args.profile:
        cProfile.runctx("time_analysis(texts)", globals(), locals(), "/tmp/seg.prof")
        pstats.Stats("/tmp/seg.prof").sort_stats("cumulative").print_stats(25)
        return
    seg = min(time_segment(texts) for _ in range(args.repeat))
    ana = min(time_analysis(texts) for _ in range(args.repeat))
    print(f"{len(texts)} docs, {mb:.1f} MB")
    print(f"segment.sentences: {seg:.2f} s, {mb / seg:.2f} MB/s")
    print(f"analysis.analyse:  {ana:.2f} s, {mb / ana:.2f} MB/s")


if __name__ == "__main__":
    main()
