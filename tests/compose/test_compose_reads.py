"""What a compose reads and writes in its caches: each stored ranking read in one query and
the new ones written in one transaction, each document's hash read once per index generation
(and again after a sync changed it), and the deck the same as without any of it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefing.compose import hit_cache, rank_cache
from briefing.compose.composer import compose_file
from briefing.compose.ranking import rank_theme
from briefing.outline.themes import Theme
from briefing.sources.library import Library
from tests.conftest import write_folder


def _deck(outline: Path) -> str:
    return json.dumps(compose_file(outline).to_json(), ensure_ascii=False, indent=2)


def _rankings_opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each connection to a rankings file from now on."""
    opened: list[str] = []
    connect = sqlite3.connect

    def counted(path, *args, **kwargs):
        if str(path).endswith(".rankings"):
            opened.append(str(path))
        return connect(path, *args, **kwargs)

    monkeypatch.setattr(rank_cache.sqlite3, "connect", counted)
    return opened


def test_a_compose_reads_the_rankings_once_and_writes_them_once(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "cache"))
    opened = _rankings_opened(monkeypatch)
    first = _deck(outline)  # several themes ranked: one read (all missing), one write
    assert len(opened) == 2
    (project / "seeds" / "new-note.txt").write_text(
        "Officials said exports of semiconductors to the United States rose again this year.\n",
        encoding="utf-8",
    )
    opened.clear()
    second = _deck(outline)  # the corpus changed: every theme ranked again, still 2
    assert len(opened) == 2
    opened.clear()
    assert _deck(outline) == second  # stored rankings, read back in one query
    assert len(opened) <= 1 and first  # (none at all when the deck cache serves it)


def test_document_hashes_are_read_once_per_generation_and_again_after_a_change(tmp_path):
    sources = write_folder(
        tmp_path / "src",
        {"a.txt": "Exports rose by a fifth.\n", "b.txt": "Tariffs fell again.\n"},
    )
    db = tmp_path / "index.db"
    library = Library(sources, db_path=db)
    statements: list[str] = []
    library.db.set_trace_callback(statements.append)
    try:
        first = hit_cache.doc_shas(library, {"a.txt", "b.txt", "gone.txt"})
        asked = [s for s in statements if "FROM docs WHERE name IN" in s]
        assert set(first) == {"a.txt", "b.txt"} and len(asked) == 1
        assert hit_cache.doc_shas(library, {"a.txt", "gone.txt"}) == {"a.txt": first["a.txt"]}
        assert len([s for s in statements if "FROM docs WHERE name IN" in s]) == 1
        (sources / "a.txt").write_text("Exports rose by a third.\n", encoding="utf-8")
        library.index.sync()  # the same library, a new generation: read again
        again = hit_cache.doc_shas(library, {"a.txt", "b.txt"})
        assert again["b.txt"] == first["b.txt"] and again["a.txt"] != first["a.txt"]
    finally:
        library.close()


def test_ranking_reads_its_candidates_hashes_with_their_windows(tmp_path):
    sources = write_folder(
        tmp_path / "src",
        {
            "a.txt": "Exports of electronics rose by a fifth as tariffs on phones fell.\n",
            "b.txt": "The trade ministry expects tariffs to fall again next spring.\n",
        },
    )
    theme = Theme("trade", "Trade", ("exports", "tariffs"), {}, (), None, tmp_path / "t.yaml")
    library = Library(sources, db_path=tmp_path / "index.db")
    statements: list[str] = []
    library.db.set_trace_callback(statements.append)
    try:
        ranked = rank_theme(library, theme)
    finally:
        library.close()
    assert {c.source for c in ranked} == {"a.txt", "b.txt"}
    assert not [s for s in statements if "SELECT name, sha FROM docs" in s]
