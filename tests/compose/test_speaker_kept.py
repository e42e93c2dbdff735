"""Who speaks in an excerpt, kept by content: a recompose after a source changed attributes
only excerpts it has not attributed before, gives the deck a fresh cache gives, and a damaged
kept answer is worked out again, never trusted."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefing.compose import speaker as speaker_module
from briefing.compose.cache import compose_cached
from briefing.compose.composer import compose_file


def _printed(deck: object) -> str:
    return json.dumps(deck.to_json(), ensure_ascii=False, indent=2)  # type: ignore[attr-defined]


def _attributed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The excerpt spans attributed from now on."""
    seen: list[tuple[int, int]] = []
    real = speaker_module.speaker

    def recording(text: str, start: int, end: int, *args: int) -> str | None:
        seen.append((start, end))
        return real(text, start, end, *args)

    monkeypatch.setattr(speaker_module, "speaker", recording)
    return seen


@pytest.fixture
def outline(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    return project / "outlines" / "us-vietnam.yaml"


def test_a_recompose_after_a_change_attributes_only_new_excerpts(
    project, outline, tmp_path, monkeypatch
):
    first = compose_cached(outline)
    quoted = [e for s in first.slides for e in s.excerpts]
    assert len(quoted) > 4
    uncited = sorted(
        p
        for p in (project / "seeds").glob("*.txt")
        if p.name not in {e.source.file for e in quoted}
    )
    changed = (uncited or sorted((project / "seeds").glob("*.txt")))[0]
    changed.write_text(changed.read_text("utf-8") + "\nTrade talks resumed.\n", "utf-8")
    seen = _attributed(monkeypatch)
    after = compose_cached(outline)
    again = [e for s in after.slides for e in s.excerpts]
    new = {(e.start, e.end) for e in again if e.source.file == changed.name}
    assert set(seen) <= new  # the others were kept from the first compose
    monkeypatch.undo()
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "empty-cache"))
    assert _printed(after) == _printed(compose_file(outline))


def test_damaged_speakers_are_worked_out_again(outline, tmp_path):
    first = compose_file(outline)
    (hits,) = (tmp_path / "cache").rglob("*.hits")
    with sqlite3.connect(hits) as con:
        rows = con.execute("SELECT span FROM windows WHERE theme LIKE 'speaker:%'").fetchall()
        assert rows
        # another name under the old checksum, as a damaged page might hold
        con.execute("UPDATE windows SET value = 'Somebody Else' WHERE theme LIKE 'speaker:%'")
    second = compose_file(outline)
    assert _printed(second) == _printed(first)
    assert "Somebody Else" not in _printed(second)
