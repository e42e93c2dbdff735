"""Live-reload fuzz: hundreds of broken saves of the outline and its themes, with keys pressed
in between, never take the presentation down; restoring the good files brings the good deck
back. Seeded, so a failure replays exactly."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from briefing.tui.present.screens.slides import SlideScreen
from tests.tui.conftest import DATA, SIZE, make_app
from tests.tui.present.test_reload import settle, shown_text

EDITS = 300
BUDGET = 45.0  # seconds: stop early rather than make the suite slow on a loaded machine
KEYS = ["right", "left", "home", "end", "o", "n", "s", "slash", "escape", "escape", "2", "enter"]
THEMES = ("china-balancing", "defence-four-nos")


def _broken(rng: random.Random, good: str) -> bytes:
    """One random bad version of a good YAML file."""
    kind = rng.randrange(9)
    raw = good.encode("utf-8")
    if kind == 0:  # truncated mid-write
        return raw[: rng.randrange(len(raw))]
    if kind == 1:
        return b""
    if kind == 2:  # binary junk, alone or spliced in
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        at = rng.randrange(len(raw))
        return junk if rng.random() < 0.5 else raw[:at] + junk + raw[at:]
    if kind == 3:  # YAML that does not parse
        at = rng.randrange(len(raw))
        return (
            raw[:at]
            + rng.choice([b"{", b"[", b": : :", b"\t", b"\n  - ", b"'", b"&a *b"])
            + raw[at:]
        )
    if kind == 4:  # unknown keys, top level or in a slide
        lines = good.splitlines(keepends=True)
        at = rng.randrange(len(lines) + 1)
        indent = rng.choice(["", "    ", "  "])
        return "".join(
            [*lines[:at], f"{indent}bogus_{rng.randrange(99)}: 1\n", *lines[at:]]
        ).encode()
    if kind == 5:  # a theme id that does not exist, or is not a string
        bad = rng.choice(["nope-theme", "../../etc/passwd", "[1, 2]", "''", "CHINA-balancing"])
        return good.replace("theme: china-balancing", f"theme: {bad}").encode("utf-8")
    if kind == 6:  # wrong types
        return good.replace(
            "excerpts: 2", rng.choice(["excerpts: -3", "excerpts: two", "excerpts: 1e9"])
        ).encode()
    if kind == 7:  # a duplicated line
        lines = good.splitlines(keepends=True)
        at = rng.randrange(len(lines))
        return "".join([*lines[: at + 1], lines[at], *lines[at + 1 :]]).encode("utf-8")
    lines = good.splitlines(keepends=True)  # a line deleted
    del lines[rng.randrange(len(lines))]
    return "".join(lines).encode("utf-8")


async def test_broken_saves_and_keys_never_end_the_presentation(tmp_path: Path):
    for folder in ("outlines", "sources", "themes"):
        shutil.copytree(DATA / folder, tmp_path / folder)
    outline = tmp_path / "outlines" / "snapshot.yaml"
    files = [outline, *(tmp_path / "themes" / f"{t}.yaml" for t in THEMES)]
    good = {path: path.read_text(encoding="utf-8") for path in files}
    rng = random.Random(20261201)
    app = make_app(outline)
    started = time.monotonic()
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        first = app.deck
        done = 0
        for done in range(1, EDITS + 1):
            target = rng.choice(files)
            target.write_bytes(_broken(rng, good[target]))
            if rng.random() < 0.3:  # sometimes another file is fixed meanwhile
                other = rng.choice(files)
                other.write_text(good[other], encoding="utf-8")
            app.reload()
            await pilot.press(*(rng.choice(KEYS) for _ in range(rng.randrange(4))))
            if done % 5 == 0:
                await settle(app, pilot)
            assert app.is_running and app.return_code is None, f"edit {done} ended the app"
            if time.monotonic() - started > BUDGET:
                break
        assert done >= 50, f"only {done} edits in {BUDGET} s"
        for path, text in good.items():
            path.write_text(text, encoding="utf-8")
        app.reload()
        await settle(app, pilot)
        for _ in range(4):  # back out of any overlay left open
            if isinstance(app.screen, SlideScreen):
                break
            await pilot.press("escape")
        await pilot.press("end")
        assert isinstance(app.screen, SlideScreen)
        assert not app.stale and app.is_running
        assert app.deck.title == first.title
        assert [s.title for s in app.deck.slides] == [s.title for s in first.slides]
        assert app.deck.slides[-1].excerpts == first.slides[-1].excerpts
        assert "Defence" in shown_text(app)
    assert app.return_code == 0 or app.return_code is None
