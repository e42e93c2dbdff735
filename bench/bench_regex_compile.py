"""Compile time of the attribution readers' regular expressions in one composing run (issue 14).

    cd ROOT && BRIEFING_CACHE_DIR=$(mktemp -d) PYTHONPATH=ROOT \\
        .venv/bin/python bench/bench_regex_compile.py outlines/us-vietnam.yaml

Runs `briefing compose OUTLINE` in this process on the (empty) cache it is given, recording
each pattern the compose modules compile and which module asked; after the run each pattern is
recompiled 7 times (`re.purge()` first) and its fastest time counted, so a busy machine's noise
is mostly taken out. The rewrite into cheap classes (`briefing.compose.regexes.cheap`), where
the code has it, is counted too. Compare two trees by running it from each, interleaved.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import time
from collections import defaultdict

MODULES = (
    "speaker.py",
    "reporting.py",
    "interview.py",
    "hansard.py",
    "reported.py",
    "transcript.py",
    "openers.py",
)
_SKIP = ("re/__init__.py", "compose/regexes.py")


def main() -> None:
    """Compose the outline given, then print each module's compile time in milliseconds."""
    seen: dict[tuple[str, int], str] = {}
    compile_ = re._compile  # type: ignore[attr-defined]

    def recording(pattern: object, flags: int) -> object:
        frame = sys._getframe(1)
        while frame and frame.f_code.co_filename.endswith(_SKIP):
            frame = frame.f_back
        if isinstance(pattern, str) and frame is not None:
            seen.setdefault((pattern, flags), frame.f_code.co_filename.rsplit("/", 1)[-1])
        return compile_(pattern, flags)

    re._compile = recording  # type: ignore[attr-defined]
    rewrites: list[str] = []
    try:
        from briefing.compose import regexes

        cheap = regexes.cheap

        def recorded(pattern: str) -> str:
            rewrites.append(pattern)
            return cheap(pattern)

        regexes.cheap = recorded
    except ImportError:  # a tree from before the rewrite
        cheap = None
    try:
        from briefing.cli import run as briefing
    except ImportError:  # a tree from before `run` (its `main` still raised SystemExit)
        from briefing.cli import main as briefing

    sys.argv = ["briefing", "compose", sys.argv[1]]
    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        briefing()
    re._compile = compile_  # type: ignore[attr-defined]
    cost: dict[str, float] = defaultdict(float)
    for (pattern, flags), module in seen.items():
        if module in MODULES:
            cost[module] += _fastest(lambda p=pattern, f=flags: re.compile(p, f), purge=True)
    if cheap is not None:
        cost["cheap-rewrite"] = _fastest(lambda: [cheap(p) for p in rewrites])
    parts = " ".join(f"{k}={v * 1000:.1f}" for k, v in sorted(cost.items()))
    print(f"{parts} total={sum(cost.values()) * 1000:.1f} ms")


def _fastest(work: object, purge: bool = False) -> float:
    """The fastest of 7 runs of `work`, in seconds."""
    times = []
    for _ in range(7):
        if purge:
            re.purge()
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


if __name__ == "__main__":
    main()
