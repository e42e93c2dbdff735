"""Benchmark `briefing build` against the floor: a plain python-pptx script, and pandoc.

    .venv/bin/python bench/bench_build.py [-n RUNS] [--outline outlines/us-vietnam.yaml]

Every contender runs as a whole process (start-up and imports included), N times in turn,
and the median wall time is compared with the plain python-pptx script measured in the same
run: it writes the same number of slides with the same text (titles, text boxes, notes) and
nothing else, which is as fast as Python can write that deck. The index cache is warmed first,
and briefing's bytecode is compiled first, as pip compiles an installed package's (python-pptx's
included): an editable install under PYTHONDONTWRITEBYTECODE would otherwise recompile
briefing's modules on every run, which no installed copy does.
Target: `briefing build` within 1.3x of that script.
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
BRIEFING = PYTHON.parent / "briefing"
TARGET = 1.3

BASELINE = """
import json, sys
from pptx import Presentation
from pptx.util import Pt
slides = json.loads(open(sys.argv[1], encoding="utf-8").read())
prs = Presentation()
prs.slide_width, prs.slide_height = Pt(960), Pt(540)
layout = prs.slide_layouts[6]
for slide in slides:
    s = prs.slides.add_slide(layout)
    for i, text in enumerate(slide["texts"]):
        box = s.shapes.add_textbox(Pt(48), Pt(20 + 40 * i), Pt(864), Pt(36))
        box.text_frame.word_wrap = True
        box.text_frame.text = text
    s.notes_slide.notes_text_frame.text = slide["notes"]
prs.save(sys.argv[2])
"""


def slide_texts(deck: Path) -> list[dict[str, object]]:
    """Each slide's shape texts and notes, read from the deck `briefing build` wrote."""
    from pptx import Presentation

    return [
        {
            "texts": [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame],
            "notes": slide.notes_slide.notes_text_frame.text,
        }
        for slide in Presentation(str(deck)).slides
    ]


def markdown(slides: list[dict[str, object]]) -> str:
    """A comparable pandoc deck: one slide per slide, its texts as paragraphs, its notes."""
    out = []
    for slide in slides:
        texts = [str(t).replace("\n", " ") for t in slide["texts"]]  # type: ignore[union-attr]
        out.append(f"# {texts[0] if texts else 'Slide'}\n")
        out += [f"{t}\n" for t in texts[1:]]
        out.append(f"::: notes\n{slide['notes']}\n:::\n")
    return "\n".join(out)


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--outline", type=Path, default=ROOT / "outlines" / "us-vietnam.yaml")
    args = parser.parse_args()
    outline = args.outline.resolve()
    compileall.compile_dir(ROOT / "briefing", quiet=1)  # writes .pyc whatever the environment
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        deck = tmp / "briefing.pptx"
        subprocess.run([str(BRIEFING), "build", str(outline), "-o", str(deck)], check=True)
        slides = slide_texts(deck)  # the build above also warmed the index cache
        (tmp / "slides.json").write_text(json.dumps(slides), encoding="utf-8")
        (tmp / "baseline.py").write_text(BASELINE, encoding="utf-8")
        (tmp / "deck.md").write_text(markdown(slides), encoding="utf-8")
        contenders = {
            "briefing build": [str(BRIEFING), "build", str(outline), "-o", str(deck)],
            "python-pptx script": [str(PYTHON), "baseline.py", "slides.json", "plain.pptx"],
        }
        pandoc = shutil.which("pandoc")
        if pandoc:
            contenders["pandoc"] = [pandoc, "deck.md", "-o", "pandoc.pptx"]
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for _ in range(args.runs):
            for name, cmd in contenders.items():
                times[name].append(timed(cmd, tmp))
        if slide_texts(tmp / "plain.pptx") != slides:
            raise SystemExit("the python-pptx script wrote different slides: fix BASELINE")
    medians = {name: statistics.median(t) for name, t in times.items()}
    floor = medians["python-pptx script"]
    print(f"{len(slides)} slides, median of {args.runs} runs each, whole process, warm cache\n")
    print(f"{'contender':<22}{'median s':>10}{'ratio':>8}")
    for name, median in medians.items():
        print(f"{name:<22}{median:>10.3f}{median / floor:>7.2f}x")
    if not pandoc:
        print("pandoc                 skipped: pandoc is not on PATH")
    ratio = medians["briefing build"] / floor
    verdict = "met" if ratio <= TARGET else "missed"
    print(f"\ntarget: briefing build within {TARGET}x of the python-pptx script: {verdict}")
    print(f"command: {PYTHON} {Path(__file__).relative_to(ROOT)} -n {args.runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
