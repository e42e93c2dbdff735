"""The same corpus indexed in one go, in two batches (other segments, more commits) or after
edits (the edited documents' windows get new ids, at the end) gives the same ranked windows
and the same deck, though its windows tie at every cut: each seed is copied twenty times,
and the ties, kept in key order (`tie_order`), are found by probing blocks of keys.

Only the order is compared, not BM25's scores: Tantivy counts deleted documents (each commit
replaces the generation sentinel) in BM25's statistics until a merge drops them, so a third
decimal can differ between the two histories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.compose import query, ranking
from briefing.compose.composer import compose_file
from briefing.sources import tie_cut, tie_order
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
    """16 blocks of keys, so this small corpus fills enough of them to probe, and probes
    that go on to the last block, where a copy's ties may be."""
    monkeypatch.setattr(tie_order, "BLOCK_BITS", 4)
    monkeypatch.setattr(tie_cut, "PROBE_SHARE", 1)


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


def test_an_index_kept_in_step_with_edits_ranks_as_one_built_afresh(project, tmp_path, probing):
    """Two documents edited after the folder was indexed: their windows, the copies' equals,
    were first among the ties by id and come last now, yet the lists and the deck are the
    ones an index built from the edited folder at once gives."""
    files = _copied(project)
    outline = project / "outlines" / "us-vietnam.yaml"
    sources = project / "seeds"
    Library(sources, db_path=tmp_path / "edited.sqlite").close()
    for path in (files[COPIES], files[2 * COPIES]):  # two seeds' originals, early in name order
        text = path.read_text("utf-8")
        path.write_text(text.replace("\n\n", "\n\nAn aside about nothing much.\n\n", 1), "utf-8")
    edited = Library(sources, db_path=tmp_path / "edited.sqlite")
    assert edited.report.analysed == 2
    fresh = Library(sources, db_path=tmp_path / "fresh.sqlite")
    assert _lists(edited) == _lists(fresh)
    edited.close()
    fresh.close()
    deck = compose_file(outline, db_path=tmp_path / "fresh.sqlite")
    assert compose_file(outline, db_path=tmp_path / "edited.sqlite") == deck
