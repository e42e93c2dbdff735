"""Benchmark `briefing present`: time to the first painted slide, against a minimal Textual app
painting one static screen measured the same way (the floor), and the time to switch slides.

    .venv/bin/python bench/bench_present.py [-n RUNS] [--presses N] [--outline OUTLINE]

First paint: each contender runs as a whole process under a pseudo-terminal (100x30), with
BRIEFING_FIRST_PAINT naming a file; the app writes the wall-clock time into it as soon as the
first slide has been painted (a callback after the screen's first refresh) and exits. The
launch-to-paint time is that stamp minus the time just before the process was spawned; the
median of N alternating runs is compared, after one warm-up run each (index cache, .pyc).
Target: within 1.5x of the minimal app. The cold row is the same launch with a fresh, empty
BRIEFING_CACHE_DIR every run (no index, no composed deck): a first `present` on a new machine,
also against the minimal app; target 1.5x. briefing's bytecode is compiled first, as installing
a package does (see bench_build.py).

Slide switch: in one process, under Textual's `run_test`, the time from a key press to the
next slide having been laid out and painted, over many presses; target: median under 16 ms.
Its CPU row is the CPU time the process spent on each switch (median): on a shared, loaded
machine the wall-clock time also counts waiting for a core, which this does not. Most presses
show a page seen before, which is its picture (briefing/tui/picture.py); the first showing of
each page (the first presses, one per slide) lays its widgets out and is reported apart.

Presenter view: its first paint (`present --presenter`, no audience screen running) against the
same floor, and the cross-screen delay: from an arrow key typed into the audience screen (its
own process, under a pseudo-terminal) to that slide painted in a presenter view linked over the
socket (in this process, under `run_test`); target: median under 50 ms.

`--first-paint-only` times the first-paint rows alone; `--baseline DIR` also times another
checkout's `present` and `present --presenter` (e.g. main, from `git archive`), interleaved run
by run with this one's, so that both see the same load:

    .venv/bin/python bench/bench_present.py -n 15 --first-paint-only --baseline /tmp/base
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import fcntl
import os
import pty
import resource
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
FIRST_PAINT_TARGET = 1.5
SWITCH_TARGET_MS = 16.0
CROSS_TARGET_MS = 50.0
COLS, ROWS = 100, 30
COLD = "briefing present, cold cache"

MINIMAL_APP = """
import os, time
from pathlib import Path
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("The US-Vietnam Comprehensive Strategic Partnership")

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        Path(os.environ["BRIEFING_FIRST_PAINT"]).write_text(f"{time.time():.6f}\\n")
        self.exit(0)

Minimal().run()
"""


def use_tree(root: Path) -> None:
    """Measure the `briefing` in `root`, in this process and in every one it starts: the shared
    venv's editable install would otherwise import another checkout's."""
    sys.path.insert(0, str(root))
    paths = [str(root), *filter(None, [os.environ.get("PYTHONPATH")])]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)


def run_in_pty(
    argv: list[str], env: dict[str, str], timeout: float = 30.0
) -> tuple[int, float, bytes]:
    """Run `argv` with a pseudo-terminal as its terminal; returns exit status, seconds from
    just before the spawn to the moment it exited, and everything it wrote."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    started = time.time()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = bytearray()
    try:
        while True:
            if time.time() - started > timeout:
                proc.kill()
                raise TimeoutError(f"{argv} did not finish in {timeout} s")
            ready, _, _ = select.select([master], [], [], 0.02)
            data = b""
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    data = b""
                output += data
            if not data and proc.poll() is not None:
                break
    finally:
        os.close(master)
    code = proc.wait()
    return code, time.time() - started, bytes(output)


def first_paint(argv: list[str], cache: Path, tree: Path | None = None) -> tuple[float, float]:
    """Seconds from spawning `argv` to its first painted screen (with `tree`'s `briefing`
    first on the path, if given), and the CPU seconds the process used in all (it exits
    right after that paint)."""
    with tempfile.TemporaryDirectory() as tmp:
        stamp = Path(tmp) / "painted"
        env = {
            **os.environ,
            **({"PYTHONPATH": str(tree)} if tree is not None else {}),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "BRIEFING_CACHE_DIR": str(cache),
            "BRIEFING_FIRST_PAINT": str(stamp),
        }
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        spawned = time.time()
        code, _, output = run_in_pty(argv, env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if code != 0 or not stamp.exists():
            tail = output[-600:].decode("utf-8", "replace")
            raise RuntimeError(f"{argv} exited {code} without painting: {tail}")
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return float(stamp.read_text()) - spawned, cpu


def compose_into(cache: Path, outline: Path, tree: Path | None = None) -> None:
    """Index and compose `outline` into `cache`, for the warm rows: a `present` that exits at
    its first paint ends its composing process unfinished, so it never warms the cache."""
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    argv = [str(PYTHON), "-m", "briefing", "compose", str(outline)]
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)


async def switch_times(outline: Path, presses: int) -> tuple[list[float], list[float], int]:
    """Seconds from each key press to the next slide painted, under run_test at 100x30, the
    CPU seconds this process spent meanwhile (what a machine with a free core would see), and
    how many slides there are (the first presses that many show a slide for the first time)."""
    from textual import events

    from briefing.tui.present.app import BriefingApp
    from briefing.tui.slide_view import SlideView

    class Timed(BriefingApp):
        def __init__(self) -> None:
            super().__init__(outline, watch=False)
            self.painted = asyncio.Event()

        def on_slide_view_shown(self, message: SlideView.Shown) -> None:
            self.painted.set()

    app = Timed()
    times, cpu = [], []
    async with app.run_test(size=(COLS, ROWS)) as pilot:
        await pilot.pause()
        last = len(app.deck.slides)
        for n in range(presses):
            key = "right" if (n // last) % 2 == 0 else "left"
            app.painted.clear()
            start, used = time.perf_counter(), time.process_time()
            # Straight into the app's queue, as the driver does: Pilot.press also waits for
            # the CPU to go idle, which would be measured too.
            app.post_message(events.Key(key, None))
            await app.painted.wait()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - used)
            await asyncio.sleep(0.02)  # let the deferred work of one switch settle
    return times, cpu, last


KEYS = {"right": b"\x1b[C", "left": b"\x1b[D"}


async def cross_screen_times(outline: Path, presses: int) -> list[float]:
    """Seconds from an arrow key typed into the audience screen (`briefing present` in its own
    process, under a pseudo-terminal) to that slide painted in a presenter view (this process)."""
    from briefing.tui.present.linked import PresenterApp
    from briefing.tui.slide_view import SlideView

    class Timed(PresenterApp):
        target = -1

        def on_mount(self) -> None:
            self.painted = asyncio.Event()

        def on_slide_view_shown(self, message: SlideView.Shown) -> None:
            if message.page == self.target == self.page:
                self.painted.set()

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    argv = [str(PYTHON), "-m", "briefing", "present", str(outline), "--no-watch"]
    room = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    loop = asyncio.get_running_loop()
    loop.add_reader(master, lambda: os.read(master, 65536))  # keep its terminal drained
    desk = Timed(outline, watch=False)
    times = []
    try:
        async with desk.run_test(size=(COLS, ROWS)):
            end = time.monotonic() + 60
            while not (desk.presenter is not None and desk.presenter.linked):
                if time.monotonic() > end or room.poll() is not None:
                    raise RuntimeError(f"the audience screen never linked: {desk.link_state}")
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)
            last = len(desk.deck.slides)
            for n in range(presses):
                key = "right" if (n // last) % 2 == 0 else "left"
                desk.target = desk.page + (1 if key == "right" else -1)
                desk.painted.clear()
                start = time.perf_counter()
                os.write(master, KEYS[key])
                await asyncio.wait_for(desk.painted.wait(), 10)
                times.append(time.perf_counter() - start)
                await asyncio.sleep(0.05)
    finally:
        loop.remove_reader(master)
        room.terminate()
        room.wait(timeout=10)
        os.close(master)
    return times


BASE = "baseline: "  # the rows of `--baseline`'s checkout


def first_paints(
    outline: Path, runs: int, baseline: Path | None, cold: bool
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each contender's launch-to-first-paint seconds, run after run, in turn: the minimal
    app, `present`, `present --presenter` (and the baseline's two), then the cold `present`;
    and the CPU seconds of each of those processes."""
    briefing = [str(PYTHON), "-m", "briefing", "present", str(outline)]
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        # name: (argv, tree whose `briefing` it runs or None for this one's, its warm cache)
        contenders: dict[str, tuple[list[str], Path | None, Path]] = {
            "minimal Textual app": ([str(PYTHON), str(minimal)], None, Path(tmp) / "cache"),
            "briefing present": (briefing, None, Path(tmp) / "cache"),
            "presenter view": ([*briefing, "--presenter"], None, Path(tmp) / "cache"),
        }
        if baseline is not None:
            compileall.compile_dir(baseline / "briefing", quiet=1)
            for name in ("briefing present", "presenter view"):
                argv = contenders[name][0]
                contenders[BASE + name] = (argv, baseline, Path(tmp) / "base-cache")
        os.environ["XDG_RUNTIME_DIR"] = tmp  # the presenter's socket, private to this run
        names = [*contenders, *([COLD] if cold else [])]
        timings: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        for _, tree, cache in contenders.values():  # `present` stops composing when it quits
            if not cache.exists():
                compose_into(cache, outline, tree)
        for argv, tree, cache in contenders.values():  # warm-up: .pyc files, the page cache
            first_paint(argv, cache, tree)
        for run in range(runs):
            order = list(contenders.items())  # reversed every other run: no place favoured
            for name, (argv, tree, cache) in order if run % 2 == 0 else order[::-1]:
                wall, used = first_paint(argv, cache, tree)
                timings[name].append(wall)
                cpu[name].append(used)
            if cold:
                fresh = Path(tmp) / f"cold-cache-{run}"  # nothing indexed, nothing composed
                wall, used = first_paint(briefing, fresh)
                timings[COLD].append(wall)
                cpu[COLD].append(used)
    return timings, cpu


def verdict(ratio: float) -> str:
    return f"{ratio:.2f}x {'OK' if ratio <= FIRST_PAINT_TARGET else 'MISSED'}"


def paint_rows(timings: dict[str, list[float]], runs: int) -> list[tuple[str, str, str, str]]:
    """The first-paint rows: each contender's median against the minimal app's."""
    floor = statistics.median(timings["minimal Textual app"])
    target = f"<= {FIRST_PAINT_TARGET}x floor"
    rows = [("first paint: minimal Textual app", f"{floor:.3f} s", "(floor)", "")]
    for prefix in ("", BASE):
        if prefix + "briefing present" not in timings:
            continue
        ours = statistics.median(timings[prefix + "briefing present"])
        rows.append(
            (
                f"{prefix}first paint: briefing present",
                f"{ours:.3f} s",
                target,
                verdict(ours / floor),
            )
        )
        if not prefix and COLD in timings:
            cold = statistics.median(timings[COLD])
            rows.append(
                ("first paint, cold cache: present", f"{cold:.3f} s", target, verdict(cold / floor))
            )
            # Best-of-N as well: on a busy machine the median moves with other processes' load.
            best = min(timings["briefing present"])
            rows.append(
                (
                    f"first paint, best of {runs}: present / minimal",
                    f"{best:.3f} s",
                    target,
                    verdict(best / min(timings["minimal Textual app"])),
                )
            )
        desk = statistics.median(timings[prefix + "presenter view"])
        rows.append(
            (
                f"{prefix}first paint: present --presenter",
                f"{desk:.3f} s",
                target,
                verdict(desk / floor),
            )
        )
    return rows


def switch_rows(outline: Path, presses: int) -> list[tuple[str, str, str, str]]:
    """The slide-switch and cross-screen rows."""
    os.environ.setdefault("BRIEFING_CACHE_DIR", tempfile.mkdtemp())
    switches, switch_cpu, _ = asyncio.run(switch_times(outline, presses))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_RUNTIME_DIR"] = tmp
        cross = asyncio.run(cross_screen_times(outline, presses))
    switch_ms = 1000 * statistics.median(switches)
    p95_ms = 1000 * sorted(switches)[int(0.95 * (len(switches) - 1))]
    cross_ms = 1000 * statistics.median(cross)
    cross_p95 = 1000 * sorted(cross)[int(0.95 * (len(cross) - 1))]
    return [
        (
            f"slide switch, median of {len(switches)}",
            f"{switch_ms:.1f} ms",
            f"< {SWITCH_TARGET_MS:g} ms",
            "OK" if switch_ms < SWITCH_TARGET_MS else "MISSED",
        ),
        ("slide switch, 95th percentile", f"{p95_ms:.1f} ms", "", ""),
        (
            "slide switch, CPU of the switch",
            f"{1000 * statistics.median(switch_cpu):.1f} ms",
            "",
            "",
        ),
        (
            f"cross-screen, median of {len(cross)}",
            f"{cross_ms:.1f} ms",
            f"< {CROSS_TARGET_MS:g} ms",
            "OK" if cross_ms < CROSS_TARGET_MS else "MISSED",
        ),
        ("cross-screen, 95th percentile", f"{cross_p95:.1f} ms", "", ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--outline", type=Path, help="default: the tree's us-vietnam.yaml")
    parser.add_argument(
        "--tree", type=Path, default=ROOT, help="the checkout to measure (default: this one)"
    )
    parser.add_argument(
        "--switch-only",
        action="store_true",
        help="only the slide switch: to interleave two trees' runs, e.g. main and a branch",
    )
    parser.add_argument(
        "--first-paint-only",
        action="store_true",
        help="only the warm first-paint rows (no cold cache, slide switch or cross-screen)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout whose present and presenter first paints are timed too, "
        "interleaved with this one's (e.g. main: git archive HEAD | tar -x -C DIR)",
    )
    args = parser.parse_args()
    tree = args.tree.resolve()
    use_tree(tree)
    args.outline = args.outline or tree / "outlines" / "us-vietnam.yaml"
    if args.switch_only:
        os.environ.setdefault("BRIEFING_CACHE_DIR", tempfile.mkdtemp())
        switches, cpu, slides = asyncio.run(switch_times(args.outline, args.presses))
        p95 = 1000 * sorted(switches)[int(0.95 * (len(switches) - 1))]
        firsts = switches[:slides]
        print(
            f"{tree}: slide switch median {1000 * statistics.median(switches):.1f} ms, "
            f"95th percentile {p95:.1f} ms, CPU {1000 * statistics.median(cpu):.1f} ms; "
            f"first showing of each slide: median {1000 * statistics.median(firsts):.1f} ms"
        )
        return
    compileall.compile_dir(tree / "briefing", quiet=1)  # writes .pyc whatever the environment
    baseline = args.baseline.resolve() if args.baseline else None
    timings, cpu = first_paints(args.outline, args.runs, baseline, cold=not args.first_paint_only)
    rows = paint_rows(timings, args.runs)
    if not args.first_paint_only:
        rows += switch_rows(args.outline, args.presses)
    print(f"$ {PYTHON.name} {' '.join(sys.argv)}")
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, terminal {COLS}x{ROWS}")
    if baseline is not None:
        print(f"baseline: {baseline}")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'median':>9}  {'target':<16}  result")
    for name, value, target, result in rows:
        print(f"{name:<{width}}  {value:>9}  {target:<16}  {result}")
    floor_cpu = statistics.median(cpu["minimal Textual app"])
    print("CPU seconds of each whole process (it exits at its first paint), median:")
    for name, values in cpu.items():
        used = statistics.median(values)
        print(f"  {name}: {used:.3f} s, {used / floor_cpu:.2f}x the minimal app's")
    print("first paint, every run (s):")
    for name, values in timings.items():
        print(f"  {name}: " + ", ".join(f"{v:.3f}" for v in values))


if __name__ == "__main__":
    main()
