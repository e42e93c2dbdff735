"""Bad sources folders, damaged or unusable caches, and bad CLI values, one case a row.

A refusal is one line naming the file and the fix, a non-zero exit, no traceback and no user
file changed. A broken cache is never the user's problem: the run succeeds with a one-line
notice and the same deck a clean run gives. Failures that root cannot cause with chmod (full
disk, read-only cache, an unreadable folder, a file deleted mid-index) are injected at the
failing call; see tests/bad_input/faults.py.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.bad_input.conftest import Outcome, assert_refused, run_briefing, tree
from tests.bad_input.faults import inject
from tests.conftest import ROOT

OUTLINE = "outlines/us-vietnam.yaml"
COMPOSE = ("compose", OUTLINE, "--json")


def set_sources(project: Path, value: str) -> None:
    """Point the example outline's `sources:` at `value`."""
    path = project / OUTLINE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle:", f"\nsources: {value}\ntitle:", 1), encoding="utf-8")


def binary_only(project: Path) -> None:
    shutil.rmtree(project / "seeds")
    (project / "seeds").mkdir()
    (project / "seeds" / "a.txt").write_bytes(b"\x00\x01binary" * 50)
    (project / "seeds" / "b.md").write_bytes(b"PK\x03\x04\x00\x00" * 50)


def bad_name(project: Path) -> None:
    fd = os.open(os.fsencode(project / "seeds") + b"/caf\xe9.txt", os.O_WRONLY | os.O_CREAT)
    os.write(fd, b"A source whose name is Latin-1, not UTF-8.\n")
    os.close(fd)


def only_bad_name(project: Path) -> None:
    shutil.rmtree(project / "seeds")
    (project / "seeds").mkdir()
    bad_name(project)


def symlink_loop(project: Path) -> None:
    os.symlink("loop", project / "loop")
    set_sources(project, "../loop")


def locked_subfolder(project: Path) -> None:
    (project / "seeds" / "locked").mkdir()
    (project / "seeds" / "locked" / "x.txt").write_text("Hidden.\n", encoding="utf-8")


def cache_file(cache: Path, pattern: str) -> Path:
    (found,) = cache.glob(pattern)
    return found


def index_bytes(cache: Path) -> None:
    path = cache_file(cache, "index-*.sqlite")
    data = bytearray(path.read_bytes())
    data[4096:8192] = os.urandom(4096)
    data[:16] = os.urandom(16)
    path.write_bytes(bytes(data))


def no_deck(damage: Callable[[Path], None]) -> Callable[[Path], None]:
    """`damage`, and the deck cache gone, so the next run must read the index."""

    def both(cache: Path) -> None:
        damage(cache)
        cache_file(cache, "deck-*.json").unlink()

    return both


def index_truncated(cache: Path) -> None:
    path = cache_file(cache, "index-*.sqlite")
    path.write_bytes(path.read_bytes()[: 3 * 4096 + 100])


def index_text(cache: Path) -> None:
    cache_file(cache, "index-*.sqlite").write_text("not a database\n" * 100)


def index_empty(cache: Path) -> None:
    cache_file(cache, "index-*.sqlite").write_bytes(b"")


def index_foreign(cache: Path) -> None:
    path = cache_file(cache, "index-*.sqlite")
    for companion in cache.glob("index-*.sqlite*"):
        companion.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE docs(x)")
    db.execute("INSERT INTO docs VALUES (1)")
    db.commit()
    db.close()


def deck_flipped(cache: Path) -> None:
    path = cache_file(cache, "deck-*.json")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))


def deck_pickle(cache: Path) -> None:
    class Planted:
        def __reduce__(self) -> tuple:
            return (os.system, (f"touch {cache / 'pwned'}",))

    cache_file(cache, "deck-*.json").write_bytes(pickle.dumps(Planted()))


def deck_tampered(cache: Path, source: str | None = None) -> None:
    """An edited excerpt with a recomputed checksum: only checking the source can catch it."""
    import hashlib

    path = cache_file(cache, "deck-*.json")
    header, payload = path.read_bytes().split(b"\n", 1)
    data = json.loads(payload)
    excerpt = next(e for s in data["deck"]["slides"] for e in s["excerpts"])
    excerpt["text"] = "Vietnam has broken off all relations with the United States."
    if source:
        excerpt["source"]["file"] = source
    payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    fields = json.loads(header)
    fields["sha256"] = hashlib.sha256(payload).hexdigest()
    path.write_bytes(json.dumps(fields).encode() + b"\n" + payload)


@dataclass(frozen=True)
class Row:
    """One bad input: how to make it, what to run, and what the user must see."""

    args: tuple[str, ...] = COMPOSE
    setup: Callable[[Path], None] | None = None  # breaks the project
    damage: Callable[[Path], None] | None = None  # breaks the cache after a first, clean run
    fault: str = ""  # see faults.HOOKS
    refused: tuple[str, ...] = ()  # a refusal naming these (else: success)
    notices: tuple[str, ...] = ()  # success with these on stderr
    same_deck: bool = True  # success with exactly the clean deck (else: verbatim excerpts)
    cache_under_file: bool = False
    home_is_seeds: bool = False


ROWS = {
    # sources folders
    "sources-root": Row(setup=lambda p: set_sources(p, "/"), refused=("whole file system",)),
    "sources-home": Row(home_is_seeds=True, refused=("seeds", "home folder")),
    "sources-symlink-loop": Row(setup=symlink_loop, refused=("loop",)),
    "sources-missing": Row(setup=lambda p: set_sources(p, "../nowhere"), refused=("nowhere",)),
    "sources-a-file": Row(
        setup=lambda p: set_sources(p, "../seeds/sources.yaml"), refused=("sources.yaml",)
    ),
    "sources-binary-only": Row(setup=binary_only, refused=("a.txt", "b.md", "binary")),
    "sources-bad-name": Row(setup=bad_name, notices=("caf\\xe9.txt", "not valid UTF-8")),
    "sources-only-bad-name": Row(setup=only_bad_name, refused=("caf\\xe9.txt", "UTF-8")),
    "sources-unreadable-subfolder": Row(
        setup=locked_subfolder, fault="scandir-sub", notices=("locked", "cannot read")
    ),
    "sources-unreadable-folder": Row(fault="scandir-top", refused=("seeds", "permissions")),
    "sources-file-deleted-mid-index": Row(
        fault="vanish", notices=("002_", "deleted or moved"), same_deck=False
    ),
    "sources-inner-symlink-loop": Row(
        setup=lambda p: os.symlink("..", p / "seeds" / "up"), same_deck=True
    ),
    # damaged caches
    "index-random-bytes": Row(damage=no_deck(index_bytes), notices=("index cache was damaged",)),
    "index-truncated": Row(damage=no_deck(index_truncated), notices=("index cache was damaged",)),
    "index-not-sqlite": Row(damage=no_deck(index_text), notices=("index cache was damaged",)),
    "index-empty": Row(damage=no_deck(index_empty)),
    "index-foreign-schema": Row(
        damage=no_deck(index_foreign), notices=("index cache was damaged",)
    ),
    "deck-flipped-byte": Row(damage=deck_flipped, notices=("deck cache was damaged",)),
    "deck-planted-pickle": Row(damage=deck_pickle, notices=("deck cache was damaged",)),
    "deck-edited-excerpt": Row(damage=deck_tampered, notices=("does not match its sources",)),
    "deck-points-outside": Row(
        damage=lambda c: deck_tampered(c, "../../etc/hostname"),
        notices=("does not match its sources",),
    ),
    # caches that cannot be written
    "cache-under-a-file": Row(
        cache_under_file=True, notices=("working without the index cache", "deck cache")
    ),
    "cache-read-only": Row(fault="lock-erofs", notices=("Read-only file system",)),
    "cache-disk-full-index": Row(fault="index-full", notices=("database or disk is full",)),
    "cache-disk-full-deck": Row(fault="deck-enospc", notices=("No space left on device",)),
    # other commands
    "build-disk-full": Row(
        args=("build", OUTLINE, "-o", "deck.pptx"),
        fault="out-enospc",
        refused=("deck.pptx", "No space left", "free some space"),
    ),
    "build-damaged-index": Row(
        args=("build", OUTLINE, "-o", "deck.pptx"),
        damage=no_deck(index_bytes),
        notices=("index cache was damaged",),
    ),
    "check-sources-root": Row(
        args=("check", OUTLINE), setup=lambda p: set_sources(p, "/"), refused=("file system",)
    ),
    "check-binary-only": Row(args=("check", OUTLINE), setup=binary_only, refused=("a.txt",)),
    "sources-cmd-root": Row(args=("sources", "--sources", "/"), refused=("whole file system",)),
    "sources-cmd-loop": Row(
        args=("sources", "--sources", "loop"),
        setup=symlink_loop,
        refused=("loop", "symbolic link loop"),
    ),
    "sources-cmd-binary": Row(args=("sources",), setup=binary_only, refused=("a.txt", "b.md")),
    "sources-cmd-damaged-index": Row(
        args=("sources",), damage=index_text, notices=("index cache was damaged",)
    ),
    "excerpts-negative-n": Row(args=("excerpts", "semiconductors", "-n", "-5"), refused=("-n",)),
    "excerpts-zero-n": Row(args=("excerpts", "semiconductors", "-n", "0"), refused=("-n",)),
    "excerpts-bad-name": Row(
        args=("excerpts", "semiconductors", "-n", "2"), setup=bad_name, notices=("caf\\xe9",)
    ),
    "excerpts-read-only-cache": Row(
        args=("excerpts", "semiconductors", "-n", "2"),
        fault="lock-erofs",
        notices=("working without the index cache",),
    ),
}


@pytest.fixture(scope="module")
def clean_deck(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The example deck as a clean run composes it, with a cache of its own."""
    where = tmp_path_factory.mktemp("clean")
    for folder in ("seeds", "themes", "outlines"):
        shutil.copytree(ROOT / folder, where / folder)
    env_cache = os.environ.get("BRIEFING_CACHE_DIR")
    os.environ["BRIEFING_CACHE_DIR"] = str(where / "cache")
    try:
        outcome = run_briefing(*COMPOSE, cwd=where)
    finally:
        os.environ["BRIEFING_CACHE_DIR"] = env_cache or ""
    assert outcome.code == 0, outcome.stderr
    return json.loads(outcome.stdout)


def assert_verbatim(deck: dict, sources: Path) -> None:
    """Every excerpt is its source's text at its offsets."""
    for slide in deck["slides"]:
        for excerpt in slide["excerpts"]:
            text = (sources / excerpt["source"]).read_text(encoding="utf-8")
            assert text[excerpt["start"] : excerpt["end"]] == excerpt["text"]


@pytest.mark.parametrize("case", list(ROWS), ids=list(ROWS))
def test_bad_sources_and_caches(
    case: str, project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch, clean_deck
) -> None:
    row = ROWS[case]
    scratch = tmp_path_factory.mktemp("scratch")
    cache = scratch / "cache"
    if row.cache_under_file:
        (scratch / "a-file").write_text("x")
        cache = scratch / "a-file" / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    if row.home_is_seeds:
        monkeypatch.setenv("HOME", str(project / "seeds"))
    if row.setup:
        row.setup(project)
    if row.damage:
        first = run_briefing(*COMPOSE, cwd=project)
        assert first.code == 0, first.stderr
        row.damage(cache)
    if row.fault:
        inject(monkeypatch, scratch / "hooks", row.fault)
    before = tree(project)
    outcome = run_briefing(*row.args, cwd=project)
    after = tree(project)
    if row.refused:
        if row.args[0] == "check":  # check prints its problems on stdout, FILE:LINE:COL
            _assert_check_refused(outcome, row.refused)
        else:
            assert_refused(outcome, *row.refused, before=before, after=after)
        return
    _assert_succeeded(outcome, row, project, clean_deck, before, after)
    assert not (cache / "pwned").exists(), "a planted cache file ran code"


def _assert_check_refused(outcome: Outcome, names: tuple[str, ...]) -> None:
    everything = outcome.stdout + outcome.stderr
    assert outcome.code == 1, everything
    assert "Traceback" not in everything and "internal error" not in everything, everything
    for name in names:
        assert name in everything, everything


def _assert_succeeded(
    outcome: Outcome, row: Row, project: Path, clean: dict, before: dict, after: dict
) -> None:
    assert outcome.code == 0, outcome.stderr[-2000:]
    assert "Traceback" not in outcome.stderr and "internal error" not in outcome.stderr
    for notice in row.notices:
        assert notice in outcome.stderr, f"{notice!r} not in:\n{outcome.stderr}"
    for line in outcome.stderr.splitlines():
        if "note:" in line:
            assert len(line) < 300, line
    if row.fault != "vanish":
        changed = [k for k in before if after.get(k) != before[k]]
        assert changed == [], changed
    if row.args == COMPOSE:
        deck = json.loads(outcome.stdout)
        assert_verbatim(deck, project / "seeds")
        if row.same_deck:
            assert deck["slides"] == clean["slides"]
    elif row.args[0] == "build":
        assert (project / "deck.pptx").stat().st_size > 10_000
