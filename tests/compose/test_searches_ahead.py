"""A compose's full-text searches run ahead on worker threads: every search and count the
ranking asks for is answered from them, the deck is the one a serial compose gives (byte for
byte), SQLite stays on the main thread, and a worker's error is the compose's one error."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from briefing.compose import searches
from briefing.compose.composer import compose_file
from briefing.sources import fulltext
from briefing.sources.text_match import Damaged


def _deck(outline) -> str:
    return json.dumps(compose_file(outline).to_json(), ensure_ascii=False, indent=2)


def _threads_of(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The names of the threads `TextIndex.<name>` is called on from now on."""
    seen: list[str] = []
    real = getattr(fulltext.TextIndex, name)

    def recorded(self, *args):
        seen.append(threading.current_thread().name)
        return real(self, *args)

    monkeypatch.setattr(fulltext.TextIndex, name, recorded)
    return seen


def test_every_search_runs_ahead_on_a_worker_and_the_deck_is_the_serial_one(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    monkeypatch.setattr(searches, "workers", lambda: 0)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "serial-cache"))
    serial = _deck(outline)
    monkeypatch.setattr(searches, "workers", lambda: 2)  # as on two cores, whatever CI has
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "ahead-cache"))
    asked: list[tuple] = []
    real_answer = searches._answer
    monkeypatch.setattr(
        searches, "_answer", lambda lib, req, call: asked.append(req) or real_answer(lib, req, call)
    )
    tops, counts = _threads_of(monkeypatch, "top"), _threads_of(monkeypatch, "count")
    connect = sqlite3.connect
    opened: list[str] = []
    monkeypatch.setattr(
        sqlite3,
        "connect",
        lambda *a, **k: opened.append(threading.current_thread().name) or connect(*a, **k),
    )
    ahead = _deck(outline)
    assert ahead == serial
    assert {kind for kind, _m, _n in asked} == {"top", "count"}
    searched = [*tops, *counts]
    assert len(searched) >= len(asked)  # planned ones never asked for are counted too
    assert all(name.startswith("briefing-search") for name in searched)
    assert opened and set(opened) == {threading.main_thread().name}
    assert not [t for t in threading.enumerate() if t.name.startswith("briefing-search")]


def test_a_search_the_plan_missed_is_made_here(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    monkeypatch.setattr(searches, "workers", lambda: 0)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "serial-cache"))
    serial = _deck(outline)
    monkeypatch.setattr(searches, "workers", lambda: 2)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "ahead-cache"))
    from briefing.compose import ranking

    monkeypatch.setattr(ranking, "planned", lambda *_a: iter(()))  # nothing started ahead
    tops = _threads_of(monkeypatch, "top")
    assert _deck(outline) == serial
    assert tops and set(tops) == {threading.main_thread().name}


def test_a_damaged_index_found_on_a_worker_is_the_compose_s_one_error(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    monkeypatch.setattr(searches, "workers", lambda: 2)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "cache"))

    def damaged(self, *args):
        raise Damaged("a window without its id")

    monkeypatch.setattr(fulltext.TextIndex, "count", damaged)
    with pytest.raises(Damaged, match="a window without its id"):
        compose_file(outline)
    assert not [t for t in threading.enumerate() if t.name.startswith("briefing-search")]
