"""A first `build` makes the index in the process that does not compose, from the outline's
`sources:` read from its YAML alone; the composer finds it synced, every problem is still
reported by the composer, once, and the deck is the one composed in one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.compose.cache_ahead import index_ahead
from briefing.outline.folders import quoted_sources
from briefing.outline.load import load_outline
from briefing.sources.index import default_path
from briefing.sources.library import Library
from tests.conftest import EXAMPLE, briefing, write
from tests.sources.test_keep import PAGE, RESCUED

QUOTING = "title: T\nslides:\n  - title: S\n    theme: china-balancing\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_sources_folder_is_read_as_the_outline_loader_resolves_it(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "seeds").mkdir(parents=True)
    (project / "elsewhere").mkdir()
    assert quoted_sources(write(project / "outlines" / "a.yaml", QUOTING)) == project / "seeds"
    relative = write(project / "outlines" / "b.yaml", QUOTING + "sources: ../elsewhere\n")
    assert quoted_sources(relative) == project / "outlines" / "../elsewhere"
    bullets = "title: T\nslides:\n  - title: S\n    bullets: [a]\n"
    assert quoted_sources(write(project / "outlines" / "c.yaml", bullets)) is None
    for bad in (
        "title: [\n",
        "- a list\n",
        QUOTING + "sources: 42\n",
        QUOTING + "sources: nil/x\n",
    ):
        assert quoted_sources(write(project / "outlines" / "d.yaml", bad)) is None
    assert quoted_sources(project / "outlines" / "missing.yaml") is None
    assert quoted_sources(EXAMPLE) == load_outline(EXAMPLE).sources_dir


def test_the_index_made_ahead_is_the_composers(tmp_path: Path, cache: Path) -> None:
    """With a `keep:` entry read from the unvalidated catalogue: the composer's validated
    one finds nothing to analyse again."""
    sources = tmp_path / "sources"
    write(sources / "reuters-chips.txt", PAGE)
    write(sources / "other.txt", "Hanoi and Washington signed a trade accord on Tuesday.\n")
    write(sources / "sources.yaml", f'reuters-chips.txt:\n  keep:\n    - "{RESCUED[:60]}"\n')
    outline = write(tmp_path / "o.yaml", QUOTING + "sources: sources\n")
    sync = index_ahead(outline)
    assert sync is not None
    sync()
    assert default_path(sources).exists()
    assert index_ahead(outline) is None  # made: the composer checks it from now on
    library = Library(sources)
    try:
        assert library.report.analysed == 0
        assert library.report.unchanged == 2
    finally:
        library.close()


def _build(project: Path) -> tuple[bytes, str]:
    out = project / "deck.pptx"
    done = briefing("build", project / "outlines" / "us-vietnam.yaml", "-o", out, cwd=project)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return out.read_bytes(), done.stderr


def test_a_first_build_is_the_deck_composed_in_one_process(
    project: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead, _ = _build(project)
    shutil.rmtree(cache)
    monkeypatch.setenv("BRIEFING_DEBUG", "1")  # composed in-process, nothing ahead
    alone, _ = _build(project)
    assert ahead == alone


def test_a_damaged_index_is_reported_by_the_composer_once(project: Path, cache: Path) -> None:
    _build(project)
    for deck in cache.glob("deck-*.json"):
        deck.unlink()  # a first build again, over the index
    index = default_path(project / "seeds")
    index.write_bytes(b"not a database" * 100)
    _, said = _build(project)
    assert said.count("the index cache was damaged") == 1


def test_an_unwritable_cache_is_reported_once(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = write(tmp_path / "file", "a file where the cache folder should be")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocked / "cache"))
    _, said = _build(project)
    assert said.count("working without the index cache") == 1
