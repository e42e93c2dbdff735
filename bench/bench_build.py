"""Benchmark `briefing build` against the floor: a plain python-pptx script, and pandoc.

    .venv/bin/python bench/bench_build.py [-n RUNS] [--outline outlines/us-vietnam.yaml]

Every contender runs as a whole process (start-up and imports included), N times in turn,
and the median wall time is compared with the plain python-pptx script measured in the same
run: it writes the same number of slides with the same text (titles, text boxes, notes) and
nothing else, which is as fast as Python can write that deck. Three `build` paths are timed:

- warm: nothing changed since the last build, so the composed-deck cache hits (target 1.3x);
- one bullet edited: a copy of the outline gets a different first bullet before every run, so
  the deck cache misses while the index cache is warm: the edit loop (target 1.3x);
- first build, empty cache: a fresh BRIEFING_CACHE_DIR every run, so the sources are indexed
  and the deck composed from scratch, as on a new machine (target 2.0x).

With `--baseline DIR` (another checkout, e.g. /work/main), each timed `build` path is also run
from that tree's `briefing/` (PYTHONPATH=DIR), interleaved with this tree's runs, each with its
own cache folder and outline copy, so a change is measured against its baseline in one run on
a busy machine. Every run uses the benchmark's own cache folder, never the user's.
briefing's bytecode is compiled first, as pip compiles an installed package's (python-pptx's
included): an editable install under PYTHONDONTWRITEBYTECODE would otherwise recompile
briefing's modules on every run, which no installed copy does (a baseline tree's bytecode is
written by its untimed first run, as Python writes it)."""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
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
TARGET = 1.3  # warm build
TARGET_EDITED = 1.3  # after editing one bullet
TARGET_COLD = 2.0  # first build, empty cache

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


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def standalone(outline: Path, copy: Path) -> str:
    """The outline's text with absolute `sources:` and `themes:`, so a copy elsewhere works."""
    text = outline.read_text("utf-8")
    for key, default in (("sources", ROOT / "seeds"), ("themes", ROOT / "themes")):
        found = re.search(rf"(?m)^{key}:\s*(.+?)\s*$", text)
        folder = (outline.parent / found.group(1).strip("'\"")).resolve() if found else default
        line = f"{key}: {json.dumps(str(folder))}"
        if found:
            text = text[: found.start()] + line + text[found.end() :]
        else:
            text = text.rstrip("\n") + "\n" + line + "\n"
    copy.write_text(text, "utf-8")
    return text


def edit_one_bullet(text: str, n: int) -> str:
    """The outline with its first bullet changed (a run number added to it)."""
    at = text.index("bullets:")
    bullet = re.compile(r"(?m)^(\s+- )(.*?)(['\"]?)\s*$").search(text, at)
    if bullet is None:
        raise SystemExit("bench: the outline has no bullet to edit; pass --outline with one")
    edited = f"{bullet.group(1)}{bullet.group(2)} (edit {n}){bullet.group(3)}"
    return text[: bullet.start()] + edited + text[bullet.end() :]


class EditedOutline:
    """A copy of the outline whose first bullet differs before every run: the deck cache misses."""

    def __init__(self, outline: Path, copy: Path) -> None:
        self.copy = copy
        self.text = standalone(outline, copy)
        self.runs = 0

    def __call__(self) -> None:
        self.runs += 1
        self.copy.write_text(edit_one_bullet(self.text, self.runs), "utf-8")


def _baseline(
    tree: Path, outline: Path, tmp: Path, contenders: dict[str, tuple[list[str], object, object]]
) -> dict[str, tuple[list[str], object, object]]:
    """The same build paths run from another checkout's code, with their own cache folders and
    outline copy (a deck record made by one tree's code is never the other's). Its bytecode is
    compiled first, as this tree's is: else every run of it compiles its modules again."""
    compileall.compile_dir(tree / "briefing", quiet=1)
    base_env = {**os.environ, "PYTHONPATH": str(tree), "BRIEFING_CACHE_DIR": str(tmp / "base")}
    out = str(tmp / "base.pptx")
    subprocess.run([str(BRIEFING), "build", str(outline), "-o", out], check=True, env=base_env)
    edited = EditedOutline(outline, tmp / "edited-base.yaml")
    cold = iter(range(10**6))
    paths: dict[str, tuple[list[str], object, object]] = {
        "briefing build": ([str(BRIEFING), "build", str(outline), "-o", out], None, None),
        "build, 1 bullet edited": (
            [str(BRIEFING), "build", str(edited.copy), "-o", out],
            None,
            edited,
        ),
        "first build, no cache": ([str(BRIEFING), "build", str(outline), "-o", out], "cold", None),
    }
    found = {}
    for name, (cmd, kind, before) in paths.items():
        if name not in contenders:
            continue
        if kind == "cold":
            env = lambda: {**base_env, "BRIEFING_CACHE_DIR": str(tmp / f"base-cold-{next(cold)}")}  # noqa: E731
        else:
            env = lambda: base_env  # noqa: E731
        found[f"{name} [baseline]"] = (cmd, env, before)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--outline", type=Path, default=ROOT / "outlines" / "us-vietnam.yaml")
    parser.add_argument(
        "--only",
        choices=("warm", "edited", "cold"),
        action="append",
        help="time only these build paths (repeatable; the script is always timed)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="also time each build path from this checkout's briefing/, interleaved",
    )
    args = parser.parse_args()
    outline = args.outline.resolve()
    compileall.compile_dir(ROOT / "briefing", quiet=1)  # writes .pyc whatever the environment
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        warm_env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp / "cache")}
        deck = tmp / "briefing.pptx"
        build = [str(BRIEFING), "build", str(outline), "-o", str(deck)]
        subprocess.run(build, check=True, env=warm_env)  # fills the index and deck caches
        slides = slide_texts(deck)
        (tmp / "slides.json").write_text(json.dumps(slides), encoding="utf-8")
        (tmp / "baseline.py").write_text(BASELINE, encoding="utf-8")
        (tmp / "deck.md").write_text(markdown(slides), encoding="utf-8")
        edited = EditedOutline(outline, tmp / "edited.yaml")
        cold = iter(range(10**6))
        # name: (command, environment for this run, what to do before it)
        contenders: dict[str, tuple[list[str], object, object]] = {
            "briefing build": (build, lambda: warm_env, None),
            "build, 1 bullet edited": (
                [str(BRIEFING), "build", str(edited.copy), "-o", str(tmp / "edited.pptx")],
                lambda: warm_env,
                edited,
            ),
            "first build, no cache": (
                [str(BRIEFING), "build", str(outline), "-o", str(tmp / "cold.pptx")],
                lambda: {**os.environ, "BRIEFING_CACHE_DIR": str(tmp / f"cold-{next(cold)}")},
                None,
            ),
            "python-pptx script": (
                [str(PYTHON), "baseline.py", "slides.json", "plain.pptx"],
                lambda: None,
                None,
            ),
        }
        skipped = {"warm": "briefing build", "edited": "build, 1 bullet edited"}
        skipped["cold"] = "first build, no cache"
        for key, name in skipped.items():
            if args.only and key not in args.only:
                del contenders[name]
        if args.baseline is not None:
            contenders.update(_baseline(args.baseline.resolve(), outline, tmp, contenders))
        pandoc = shutil.which("pandoc")
        if pandoc and not args.only:
            contenders["pandoc"] = ([pandoc, "deck.md", "-o", "pandoc.pptx"], lambda: None, None)
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for run in range(args.runs):
            order = list(contenders.items())  # reversed every other run: no place favoured
            for name, (cmd, env, before) in order if run % 2 == 0 else order[::-1]:
                if callable(before):
                    before()
                times[name].append(timed(cmd, tmp, env()))  # type: ignore[operator]
        if slide_texts(tmp / "plain.pptx") != slides:
            raise SystemExit("the python-pptx script wrote different slides: fix BASELINE")
        if "first build, no cache" in times and slide_texts(tmp / "cold.pptx") != slides:
            raise SystemExit("the first build on an empty cache wrote a different deck")
        if "build, 1 bullet edited" in times:  # the last edit, built again from scratch
            fresh = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp / "fresh")}
            again = [str(BRIEFING), "build", str(edited.copy), "-o", str(tmp / "fresh.pptx")]
            subprocess.run(again, check=True, capture_output=True, env=fresh)
            if slide_texts(tmp / "edited.pptx") != slide_texts(tmp / "fresh.pptx"):
                raise SystemExit("the edited build differs from composing its outline afresh")
    medians = {name: statistics.median(t) for name, t in times.items()}
    floor = medians["python-pptx script"]
    print(
        f"{len(slides)} slides, median of {args.runs} runs each, whole process, bytecode compiled\n"
    )
    width = max(24, *(len(name) + 2 for name in medians))
    print(f"{'contender':<{width}}{'median s':>10}{'ratio':>8}")
    for name, median in medians.items():
        print(f"{name:<{width}}{median:>10.3f}{median / floor:>7.2f}x")
    if args.baseline is not None:
        print(f"[baseline]: the same path run from {args.baseline}'s briefing/, interleaved")
    if not pandoc and not args.only:
        print("pandoc                   skipped: pandoc is not on PATH")
    print()
    for name, what, target in (
        ("briefing build", "briefing build", TARGET),
        ("build, 1 bullet edited", "build after editing one bullet", TARGET_EDITED),
        ("first build, no cache", "first build on an empty cache", TARGET_COLD),
    ):
        if name not in medians:
            continue
        ratio = medians[name] / floor
        verdict = "met" if ratio <= target else "missed"
        print(f"target: {what} within {target}x of the python-pptx script: {verdict}")
    only = "".join(f" --only {key}" for key in args.only or ())
    only += f" --baseline {args.baseline}" if args.baseline is not None else ""
    print(f"command: {PYTHON} {Path(__file__).relative_to(ROOT)} -n {args.runs}{only}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
