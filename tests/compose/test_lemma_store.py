"""Lemmas learned in one run are read back in the next, without simplemma; a damaged table is
ignored, never trusted."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from briefing.compose import lemma_store, lexeme


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a lexeme module that has learned nothing yet in this run."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lexeme, "_known", None)
    monkeypatch.setattr(lexeme, "_learned", {})
    lexeme.lemma.cache_clear()
    yield tmp_path
    lexeme.lemma.cache_clear()


def _new_run(monkeypatch) -> None:
    monkeypatch.setattr(lexeme, "_known", None)
    lexeme.lemma.cache_clear()


def _no_simplemma(_word: str) -> str:
    raise AssertionError("simplemma was asked for a lemma the store holds")


def test_a_second_run_reads_learned_lemmas_without_simplemma(fresh, monkeypatch):
    assert lexeme.lemmas("semiconductors normalisation") == ("semiconductor", "normalization")
    lexeme.remember()
    assert json.loads(lemma_store.store_path().read_text())["semiconductors"] == "semiconductor"
    _new_run(monkeypatch)
    monkeypatch.setattr(lexeme, "_lemmatize", _no_simplemma)
    assert lexeme.lemmas("semiconductors normalisation") == ("semiconductor", "normalization")


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xffnot json",
        b"[1, 2]",
        b'{"chips": 7}',
        b'{"": "x"}',
        b'{"w": "' + b"x" * 200 + b'"}',
    ],
    ids=["garbage", "list", "number", "empty-word", "long-lemma"],
)
def test_a_damaged_table_is_ignored_and_replaced(fresh, monkeypatch, content):
    lemma_store.store_path().write_bytes(content)
    assert lemma_store.load() == {}
    assert lexeme.lemma("chips") == "chip"
    lexeme.remember()
    assert lemma_store.load() == {"chips": "chip"}


def test_an_unwritable_cache_costs_nothing_but_time(fresh, monkeypatch):
    blocked = fresh / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocked))
    assert lexeme.lemma("treaties") == "treaty"
    lexeme.remember()  # no exception, no file
    assert lemma_store.load() == {}


def test_simplemma_version_is_read_without_importlib_metadata():
    """The table's name follows simplemma's version, read from the package's own metadata file
    in a fresh process that never imports importlib.metadata (~50 ms of every ranking run)."""
    from importlib import metadata

    code = (
        "import sys; from briefing.compose import lemma_store as s; "
        "print(s._simplemma_version().decode()); print('importlib.metadata' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [metadata.version("simplemma"), "False"]


def test_simplemma_version_falls_back_to_the_installed_metadata(monkeypatch):
    """A simplemma without `__metadata__.py` (a later layout) still names its version."""
    from importlib import metadata

    monkeypatch.setattr(lemma_store.importlib.util, "find_spec", lambda _name: None)
    assert lemma_store._simplemma_version() == metadata.version("simplemma").encode()
