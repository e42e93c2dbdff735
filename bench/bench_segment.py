"""Time sentence segmentation and whole analysis over a synthetic corpus (issue 14's first index).

    .venv/bin/python bench/bench_segment.py --docs 300            # MB/s of analysis and segmenting
    .venv/bin/python bench/bench_segment.py --docs 300 --profile  # where analysis CPU goes
    .venv/bin/python bench/bench_segment.py --docs 300 --baseline main  # against a revision

Segmenting times `segment.sentences` over every prose paragraph of each document (paragraphs
and prose as `analysis.prepare` finds them); analysis times `analysis.analyse` per document;
best of --repeat runs. With --baseline, each code runs in its own child process, interleaved
--repeat times, CPU seconds (medians) are reported side by side with the number of documents
whose sentence boundaries differ (a faster segmenter is accepted only with none, or each
shown better).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--child" in sys.argv:  # briefing from PYTHONPATH (the code compared), bench/ from here
    sys.path.append(str(ROOT))
elif str(ROOT) not in sys.path:
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


def boundaries(texts: list[str]) -> tuple[float, list[str]]:
    """CPU seconds to segment every prose paragraph, and a digest of each text's sentences."""
    prose = [(t, analysis.prepare("doc", "0" * 40, t)) for t in texts]
    digests = []
    begin = time.process_time()
    found = [
        [
            (s.start, s.end)
            for i in doc.prose
            for s in segment.sentences(t, segment.Span(*doc.paragraphs[i]))
        ]
        for t, doc in prose
    ]
    seconds = time.process_time() - begin
    for spans in found:
        digests.append(hashlib.sha256(repr(spans).encode()).hexdigest()[:16])
    return seconds, digests


def compare(folder: Path, docs: int, repeat: int, baseline: str, work: Path) -> None:
    """The working tree against `baseline`, each in a child, interleaved: CPU and boundaries."""
    codes = [corpus.working_tree(), corpus.exported(baseline, work)]
    runs: dict[str, list[dict]] = {c.label: [] for c in codes}
    for _ in range(repeat):
        for code in codes:
            args = [
                sys.executable,
                __file__,
                "--docs",
                str(docs),
                "--workdir",
                str(work),
                "--child",
            ]
            env = {**os.environ, "PYTHONPATH": str(code.folder)}
            out = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
            runs[code.label].append(json.loads(out.stdout))
    new, old = (runs[c.label] for c in codes)
    differ = sum(a != b for a, b in zip(new[0]["digests"], old[0]["digests"], strict=True))
    for code in codes:
        got = runs[code.label]
        seg = statistics.median(r["segment"] for r in got)
        ana = statistics.median(r["analysis"] for r in got)
        name = f"{code.label} ({code.commit[:10]})"
        print(f"{name:>26}: segment {seg:.2f} CPU-s, analysis {ana:.2f} CPU-s")
    print(f"documents whose sentence boundaries differ: {differ} of {len(new[0]['digests'])}")


def main() -> None:
    """Print MB/s of segmenting and of analysis."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--baseline", help="a git revision to compare with, interleaved")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.workdir / f"briefing-seg-{args.docs}"
    if args.baseline:
        load(folder, args.docs)  # written once, before either child reads it
        compare(folder, args.docs, args.repeat, args.baseline, args.workdir)
        return
    texts = load(folder, args.docs)
    if args.child:  # one measurement, as JSON, for compare()
        seg, digests = boundaries(texts)
        begin = time.process_time()
        for i, text in enumerate(texts):
            analysis.analyse(f"doc{i}", "0" * 40, text)
        ana = time.process_time() - begin
        print(json.dumps({"segment": seg, "analysis": ana, "digests": digests}))
        return
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
