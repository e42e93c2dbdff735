"""A recompose after a source changed, with the composer forked before the sync
(`compose/cache_beside.py`): the deck a fresh compose gives, the record kept, and a touched
but unchanged source still served from the cache. Run as users run it, in a new process
(pytest's own threads would keep the command from forking)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.sources import store
from tests.compose.probe import probed

PROBE = """
import os, sys
from pathlib import Path
from briefing.compose import cache_beside
from briefing.sources.index import Index
marker = Path(sys.argv[1])
work, sync = cache_beside._compose, Index.sync
def traced(*args):
    deck = work(*args)
    with marker.open("a", encoding="utf-8") as out:
        out.write(f"composed in {os.getpid()}\\n")
    return deck
def synced(self, *args, **kwargs):
    with marker.open("a", encoding="utf-8") as out:
        out.write(f"synced in {os.getpid()}\\n")
    return sync(self, *args, **kwargs)
cache_beside._compose, Index.sync = traced, synced
sys.argv = ["briefing", "compose", sys.argv[2], "--json"]
from briefing.cli import run
run()
"""


FAILING_CHILD = """
import os
from briefing.compose import composer
parent, compose = os.getpid(), composer.compose_outline_file
def failing(*args, **kwargs):
    if os.getpid() != parent:
        raise RuntimeError("the forked composer stops on something unexpected")
    return compose(*args, **kwargs)
composer.compose_outline_file = failing
"""


def _compose(outline: Path, cache: Path, marker: Path, prelude: str = "") -> tuple[str, bool]:
    """The deck's JSON, and whether a forked composer made it without syncing again."""
    deck, lines = probed(prelude + PROBE, outline, cache, marker)
    composers = {line.split()[-1] for line in lines if line.startswith("composed in")}
    syncers = {line.split()[-1] for line in lines if line.startswith("synced in")}
    forked = bool(composers) and not composers & syncers  # handed the report, not re-synced
    return deck, forked


@pytest.fixture
def warm(project: Path, tmp_path: Path) -> tuple[Path, Path, Path, str]:
    """The example outline composed once into a cache of its own: the outline, the cache, the
    probe's marker file and the deck's JSON."""
    outline = project / "outlines" / "us-vietnam.yaml"
    cache, marker = tmp_path / "cache", tmp_path / "marker"
    deck, _ = _compose(outline, cache, marker)
    return outline, cache, marker, deck


def test_a_changed_source_is_recomposed_beside_the_sync_as_a_fresh_compose(
    project: Path, tmp_path: Path, warm: tuple[Path, Path, Path, str]
) -> None:
    outline, cache, marker, _ = warm
    source = next((project / "seeds").glob("001_*.txt"))
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("Hanoi", "Ha Noi", 3) + "\n\nVietnam balances China and the US.\n",
        encoding="utf-8",
    )
    changed, forked = _compose(outline, cache, marker)
    assert forked
    (index,) = cache.glob("index-*.sqlite")
    assert store.sealed(index)  # its checksum, taken while the composer ranked, recorded
    fresh, _ = _compose(outline, tmp_path / "fresh-cache", tmp_path / "unused")
    assert changed == fresh
    again, forked_again = _compose(outline, cache, marker)  # the child recorded its deck
    assert (again, forked_again) == (fresh, False)


def test_a_touched_but_unchanged_source_keeps_the_cached_deck(
    project: Path, warm: tuple[Path, Path, Path, str]
) -> None:
    outline, cache, marker, first = warm
    source = next((project / "seeds").glob("002_*.txt"))
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    touched, forked = _compose(outline, cache, marker)
    assert touched == first
    assert not forked  # the sync found nothing indexed changed: the fork was stopped


def test_a_forked_composer_that_fails_unexpectedly_is_composed_again_here(
    project: Path, tmp_path: Path, warm: tuple[Path, Path, Path, str]
) -> None:
    outline, cache, marker, _ = warm
    source = next((project / "seeds").glob("003_*.txt"))
    source.write_text(source.read_text(encoding="utf-8") + "\n\nA new paragraph.\n", "utf-8")
    changed, forked = _compose(outline, cache, marker, FAILING_CHILD)
    assert not forked  # composed in the command's own process after all
    fresh, _ = _compose(outline, tmp_path / "fresh-cache", tmp_path / "unused")
    assert changed == fresh
