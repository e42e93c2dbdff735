"""The same corpus indexed in one go or in two batches (other segments, more commits) gives
the same ranked windows and the same deck, though its windows tie at every cut: each seed is
copied twenty times, and the ties are found by probing blocks of window ids.

Only the order is compared, not BM25's scores: Tantivy counts deleted documents (each commit
replaces the generation sentinel) in BM25's statistics until a merge drops them, so a third
decimal can differ between the two histories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.compose import query, ranking
from briefing.compose.composer import compose_file
from briefing.sources import fulltext
from briefing.sources.library import Library

COPIES = 20
QUERIES = ["Vietnam", "strategic partnership", "China", "the"]


def _copied(project: Path) -> list[Path]:
    """Every seed copied COPIES times under names that sort beside it, so a tie group's
    windows sit in nearby blocks of ids."""
    seeds = project / "seeds"
    for seed in sorted(seeds.glob("*.txt")):
        for copy in range(1, COPIES):
            shutil.copy(seed, seeds / f"{seed.stem}_{copy:02d}.txt")
    return sorted(seeds.glob("*.txt"))


def _lists(library: Library) -> list[list[tuple[str, int, int]]]:
    """Each query's top windows, as (source, start, end), and its evidence search's."""
    found = []
    for text in QUERIES:
        match = query.search_match(text)
        assert match is not None
        hits = library.fulltext.top(match, 30)
        rows = {
            wid: (name, start, end)
            for wid, name, start, end in library.db.execute(
                "SELECT w.id, d.name, w.start, w.end FROM windows w JOIN docs d ON d.id = w.doc"
            )
        }
        found.append([rows[wid] for wid, _score in hits])
        found.append([(c.source, c.start, c.end) for c in ranking.search(library, text)])
    return found


@pytest.fixture
def probing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 16 window ids, so this small corpus spans enough of them to probe, and
    probes that go on to the last block, where a copy's ties may be."""
    monkeypatch.setattr(fulltext, "BLOCK_BITS", 4)
    monkeypatch.setattr(fulltext, "PROBE_SHARE", 1)


def test_one_go_or_two_batches_give_the_same_lists_and_deck(project, tmp_path, probing):
    files = _copied(project)
    outline = project / "outlines" / "us-vietnam.yaml"
    sources = project / "seeds"
    whole = Library(sources, db_path=tmp_path / "whole.sqlite")
    expected = _lists(whole)
    whole.close()
    held = tmp_path / "held"
    held.mkdir()
    for path in files[len(files) // 2 :]:  # the second batch waits outside the folder
        shutil.move(path, held / path.name)
    Library(sources, db_path=tmp_path / "batches.sqlite").close()
    for path in held.iterdir():
        shutil.move(path, sources / path.name)
    batches = Library(sources, db_path=tmp_path / "batches.sqlite")
    assert batches.report.analysed == len(files) - len(files) // 2  # this sync: the rest
    assert _lists(batches) == expected
    batches.close()
    deck = compose_file(outline, db_path=tmp_path / "whole.sqlite")
    assert compose_file(outline, db_path=tmp_path / "batches.sqlite") == deck
