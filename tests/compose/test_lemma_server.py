"""On a first run, simplemma's dictionary loads in a forked server while the run composes: its
lemmas are the in-process ones, and a server that fails costs time, never a lemma."""

from __future__ import annotations

import os

import pytest

from briefing.compose import lemma_store, lexeme
from briefing.compose.lemma_server import CHUNK_CHARS, LemmaServer

# Words of other documents than the seeds: plurals, British spellings, verbs, odd tokens.
WORDS = ["semiconductors", "normalised", "defence", "harbours", "centres", "programmes"]
WORDS += ["negotiating", "was", "geese", "analyses", "x2", "über", "naïvely", "Ω"]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, and a lexeme module that has learned nothing and has no server."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lexeme, "_known", None)
    monkeypatch.setattr(lexeme, "_learned", {})
    monkeypatch.setattr(lexeme, "_server", None)
    lexeme.lemma.cache_clear()
    yield tmp_path
    lexeme.stop_prefetch()
    lexeme.lemma.cache_clear()


def test_the_servers_lemmas_are_the_in_process_ones() -> None:
    server = LemmaServer(lexeme._lemmatize, lexeme._load_dictionary)
    try:
        assert server.pid != os.getpid()
        many = [f"{word}{n}" for n in range(CHUNK_CHARS // 4) for word in ("reports", "x")]
        asked = [w.lower() for w in WORDS] + many  # more than one chunk: no pipe fills up
        assert server.ask(asked) == [lexeme._lemmatize(w) for w in asked]
    finally:
        server.stop()
    assert server.ask(["reports"]) is None  # stopped: the caller lemmatises itself


def test_a_server_that_died_costs_time_not_a_lemma(fresh) -> None:
    lexeme.prefetch()
    assert lexeme._server is not None
    os.kill(lexeme._server.pid, 9)
    os.waitpid(lexeme._server.pid, 0)
    lexeme._server.pid = -1
    assert lexeme.lemmas("Normalised semiconductors") == ("normalize", "semiconductor")
    assert [lexeme.lemma(w) for w in WORDS] == [lexeme._lemmatize(w.lower()) for w in WORDS]


def test_a_first_run_asks_the_server_and_stores_what_it_learned(fresh, monkeypatch) -> None:
    lexeme.prefetch()
    assert lexeme._server is not None
    expected = {w.lower(): lexeme._lemmatize(w.lower()) for w in WORDS}
    monkeypatch.setattr(lexeme, "_lemmatize", _no_simplemma)  # every lemma from the server
    tokens = lexeme.tokenize(" ".join(WORDS))
    assert [lexeme.lemma(w) for w in WORDS] == [expected[w.lower()] for w in WORDS]
    assert tokens.lemmas == [expected[w.lower()] for w in WORDS]
    lexeme.remember()
    assert all(lemma_store.load()[w] == expected[w] for w in expected if len(w) > 2)


def test_a_later_run_starts_no_server(fresh) -> None:
    lemma_store.save({"reports": "report"})
    lexeme.prefetch()
    assert lexeme._server is None


def _no_simplemma(_word: str) -> str:
    raise AssertionError("lemmatised in-process, not by the server")


def test_a_server_left_to_a_forked_composer_serves_it_and_is_reaped(fresh) -> None:
    """`build` starts the server before forking its composer: the composer asks it and stops
    it; the starter never asks it and reaps it at the end."""
    lexeme.prefetch()
    server = lexeme._server
    assert server is not None
    started = server.pid
    expected = [lexeme._lemmatize(w.lower()) for w in WORDS]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the composer: lemmas from the inherited server only
        lexeme._lemmatize = _no_simplemma
        try:
            ok = lexeme.tokenize(" ".join(WORDS)).lemmas == expected
        except AssertionError:
            ok = False
        lexeme.stop_prefetch()  # as compose_cached does: the server ends
        os.write(write, b"ok" if ok else b"no")
        os._exit(0)
    lexeme.leave_prefetch()
    os.close(write)
    assert os.read(read, 2) == b"ok"
    os.waitpid(pid, 0)
    assert server.ask(["reports"]) is None  # left: this process lemmatises itself
    lexeme.stop_prefetch()
    with pytest.raises(ChildProcessError):
        os.waitpid(started, os.WNOHANG)  # reaped by this process, its starter
