"""Format-extractor throughput: PDF, HTML and DOCX to canonical text, against baselines timed
in the same run.

Builds (once, cached in the temp folder) a ~300-page PDF report with fpdf2 from perturbed seed
paragraphs, a long news page and a DOCX holding the same paragraphs, then times
`briefing.sources.formats.extract` on each: MB of input per second, and pages per second for
the PDF. Baselines, measured in the same run so figures from a busy machine compare as ratios:

- txt read: what a `.txt` source costs, reading the PDF's canonical text from a file and
  decoding it as UTF-8; "x txt" is each row's time per MB of canonical text over this one's;
- raw PDFium: pypdfium2 opening the PDF and reading every page's text (`get_text_range`),
  the floor under any PDFium-based extractor; the rest is layout analysis.

Bytecode: not compiled first, and it need not be: the extractors run in this process, after
an untimed first extraction of each input has imported (and compiled) everything they use.

    .venv/bin/python bench/bench_formats.py              # 300 pages, median of 5
    .venv/bin/python bench/bench_formats.py --pages 50 -n 3 --json out.json
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from briefing.sources.formats import extract  # noqa: E402
from tests.sources import fixtures_formats as fx  # noqa: E402

CACHE_VERSION = "1"


def paragraphs(count: int) -> list[str]:
    """Distinct prose paragraphs: seed paragraphs with numbers, names and words perturbed."""
    pool = synth.load_seed_pool(ROOT / "seeds")
    rng = random.Random(20231117)
    perturb = synth.Perturber(rng)
    return [perturb.text(rng.choice(pool.paragraphs)) for _ in range(count)]


def build_inputs(folder: Path, pages: int) -> dict[str, Path]:
    """The PDF, HTML and DOCX inputs, built unless the cache folder already holds them."""
    folder.mkdir(parents=True, exist_ok=True)
    paras = paragraphs(4000)
    pdf = folder / f"report-{pages}.pdf"
    if not pdf.exists():
        layout = fx.build_long_pdf(folder / "building.pdf", paras, pages)
        layout.path.replace(pdf)
    html = folder / "long-news.html"
    if not html.exists():
        page = fx._page(fx.AP_PAGE, paras[:600])
        html.write_bytes(page.encode("utf-8"))
    small = folder / "news.html"
    if not small.exists():
        fx.build_news_html(small)
    docx = folder / "long.docx"
    if not docx.exists():
        import docx as python_docx

        document = python_docx.Document()
        for i, para in enumerate(paras[:1500]):
            if i % 6 == 0:
                document.add_heading(f"Section {i // 6 + 1}", level=1)
            document.add_paragraph(para)
        document.save(str(docx))
    return {"pdf": pdf, "html (long page)": html, "html (news story)": small, "docx": docx}


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def raw_pdfium(path: Path) -> int:
    """Open the PDF and read every page's text with PDFium, nothing else."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    total = 0
    for i in range(len(doc)):
        page = doc[i]
        textpage = page.get_textpage()
        total += len(textpage.get_text_range())
        textpage.close()
        page.close()
    doc.close()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="PDF length (default 300)")
    parser.add_argument("-n", "--repeat", type=int, default=5, help="timed runs (median)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    cache = Path(tempfile.gettempdir()) / f"briefing-bench-formats-{CACHE_VERSION}"
    start = time.perf_counter()
    inputs = build_inputs(cache, args.pages)
    print(f"inputs in {cache} ({time.perf_counter() - start:.1f} s to build or find)")

    pdf_result = extract(inputs["pdf"])
    txt = cache / f"report-{args.pages}.txt"
    txt.write_text(pdf_result.text, encoding="utf-8")
    txt_mb = txt.stat().st_size / 1e6
    pages = len(pdf_result.pages)
    pdf_mb = inputs["pdf"].stat().st_size / 1e6

    results: dict[str, dict[str, float]] = {}
    txt_s = timed(lambda: txt.read_bytes().decode("utf-8"), args.repeat)
    results["txt read (baseline)"] = {"seconds": txt_s, "input_mb": txt_mb, "text_mb": txt_mb}
    raw_s = timed(lambda: raw_pdfium(inputs["pdf"]), args.repeat)
    results["raw PDFium text (baseline)"] = {
        "seconds": raw_s,
        "input_mb": pdf_mb,
        "text_mb": txt_mb,
        "pages": pages,
    }
    for name, path in inputs.items():
        seconds = timed(lambda path=path: extract(path), args.repeat)
        row = {
            "seconds": seconds,
            "input_mb": path.stat().st_size / 1e6,
            "text_mb": len(extract(path).text.encode("utf-8")) / 1e6,
        }
        if name == "pdf":
            row["pages"] = pages
        results[name] = row

    print(
        f"\nPDF: {pages} pages, {pdf_mb:.2f} MB; canonical text {txt_mb:.2f} MB; "
        f"median of {args.repeat} runs\n"
    )
    # x txt: time per MB of canonical text produced, over a .txt source's time per MB
    print(
        f"{'what':28} {'seconds':>9} {'input MB/s':>11} {'text MB/s':>10} {'pages/s':>8} "
        f"{'x txt':>7}"
    )
    txt_rate = txt_mb / txt_s
    for name, row in results.items():
        mbps = row["input_mb"] / row["seconds"]
        text_rate = row["text_mb"] / row["seconds"]
        row["x_txt"] = txt_rate / text_rate
        per_page = f"{row['pages'] / row['seconds']:8.0f}" if "pages" in row else f"{'':8}"
        print(
            f"{name:28} {row['seconds']:9.4f} {mbps:11.2f} {text_rate:10.2f} {per_page} "
            f"{row['x_txt']:7.0f}"
        )
    extract_s = results["pdf"]["seconds"]
    print(
        f"\nPDF extract vs raw PDFium text: {extract_s / raw_s:.2f}x "
        f"(layout analysis, furniture and hyphen rules: {extract_s - raw_s:.3f} s)"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
