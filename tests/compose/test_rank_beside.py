"""Half of the themes ranked in a forked process (`compose/rank_beside.py`): the deck a
serial compose gives, the rankings stored by the process that asked, and the themes ranked
here when the fork fails or may not be made. The compose runs in a new process, as users run
it (pytest's own threads would keep it from forking)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.compose import lexeme, rank_beside
from tests.compose.probe import probed

PROBE = """
import os, sys
from pathlib import Path
from briefing.compose import ranking
marker, real = Path(sys.argv[1]), ranking._ranked
def traced(library, themes, codes):
    with marker.open("a", encoding="utf-8") as out:
        out.write(f"{os.getpid()} {len(themes)}\\n")
    return real(library, themes, codes)
ranking._ranked = traced
sys.argv = ["briefing", "compose", sys.argv[2], "--json"]
from briefing.cli import run
run()
"""

FAILING = """
import os, sys
from pathlib import Path
from briefing.compose import rank_beside
failed_marker = Path(sys.argv[1])
def failing(*args, **kwargs):
    with failed_marker.open("a", encoding="utf-8") as out:
        out.write(f"{os.getpid()} -1\\n")
    raise RuntimeError("the forked ranking stops on something unexpected")
rank_beside.Library = failing
"""


def _compose(outline: Path, cache: Path, marker: Path, prelude: str = "") -> tuple[str, list]:
    """The deck's JSON, and (process, themes) for each `_ranked` call: a forked ranking's."""
    deck, lines = probed(prelude + PROBE, outline, cache, marker)
    return deck, [tuple(map(int, line.split())) for line in lines]


@pytest.fixture
def changed(project: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """The example outline composed once (lemmas stored, so no lemma server runs next), then
    a source edited: the outline, its cache, and the deck a fresh cache composes now."""
    outline = project / "outlines" / "us-vietnam.yaml"
    _compose(outline, tmp_path / "cache", tmp_path / "marker")
    source = next((project / "seeds").glob("001_*.txt"))
    source.write_text(source.read_text("utf-8") + "\n\nVietnam balances China.\n", "utf-8")
    fresh, _ = _compose(outline, tmp_path / "fresh", tmp_path / "unused")
    return outline, tmp_path / "cache", fresh


def test_a_recompose_ranks_half_its_themes_in_a_forked_process(
    tmp_path: Path, changed: tuple[Path, Path, str]
) -> None:
    outline, cache, fresh = changed
    deck, ranked = _compose(outline, cache, tmp_path / "marker")
    assert deck == fresh
    assert len(ranked) == 1 and ranked[0][1] == 2  # two of the four themes, in one process
    again, ranked_again = _compose(outline, cache, tmp_path / "marker")
    assert (again, ranked_again) == (fresh, [])  # all four rankings were stored


def test_a_forked_ranking_that_fails_is_ranked_here_as_before(
    tmp_path: Path, changed: tuple[Path, Path, str]
) -> None:
    outline, cache, fresh = changed
    deck, ranked = _compose(outline, cache, tmp_path / "marker", FAILING)
    assert deck == fresh
    (child, failed), (here, themes) = ranked  # the child stopped; its themes ranked here
    assert failed == -1 and themes == 2 and child != here


class _Library:
    class index:  # stands in for `library.index`
        path: Path | None = Path("index.sqlite")


def test_no_fork_for_one_theme_a_lemma_server_or_an_index_in_memory(monkeypatch) -> None:
    forks: list[object] = []
    monkeypatch.setattr(rank_beside, "Forked", lambda work: forks.append(work))
    library, themes = _Library(), ["a", "b", "c"]
    assert rank_beside.split(library, themes[:1], dict) == (themes[:1], None)  # type: ignore[arg-type]
    monkeypatch.setattr(lexeme, "serving", lambda: True)
    assert rank_beside.split(library, themes, dict) == (themes, None)  # type: ignore[arg-type]
    monkeypatch.setattr(lexeme, "serving", lambda: False)
    monkeypatch.setattr(_Library.index, "path", None)
    assert rank_beside.split(library, themes, dict) == (themes, None)  # type: ignore[arg-type]
    assert forks == []


class _Theme:
    def __init__(self, name: str, keywords: int) -> None:
        self.name, self.keywords = name, [f"k{i}" for i in range(keywords)]


def test_themes_are_split_by_their_work_not_their_position() -> None:
    themes = [_Theme("china", 16), _Theme("chips", 16), _Theme("rights", 12), _Theme("nos", 22)]
    here, there = rank_beside.halves(themes)  # type: ignore[arg-type]
    assert [t.name for t in here] == ["rights", "nos"]  # 36 keywords' work (with one each)
    assert [t.name for t in there] == ["china", "chips"]  # 34
    assert rank_beside.halves(themes[:2]) == ([themes[0]], [themes[1]])  # type: ignore[arg-type]


def test_every_theme_is_ranked_once_in_one_half() -> None:
    for sizes in ([1, 1], [30, 1, 1, 1], [5, 5, 5, 5, 5], [2, 9, 4, 7, 1, 8]):
        themes = [_Theme(str(i), n) for i, n in enumerate(sizes)]
        here, there = rank_beside.halves(themes)  # type: ignore[arg-type]
        assert here and there
        assert sorted(t.name for t in here + there) == [t.name for t in themes]
        assert here == [t for t in themes if t in here]  # outline order kept
