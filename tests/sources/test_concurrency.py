"""Shared and damaged caches: concurrent runs on one fresh cache, a source edited while it is
indexed, and a cache damaged at random bytes, all end in the deck a clean run gives."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import CorpusError
from tests.conftest import ROOT

OUTLINE = "outlines/us-vietnam.yaml"
EDITED = "002_a30051e82dc3743c.txt"


def _start(args: list[str], cwd: Path, cache: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache), "BRIEFING_DEBUG": ""}
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_four_composes_on_one_fresh_cache_all_succeed_alike(project: Path, tmp_path: Path) -> None:
    """Today's failure: concurrent first builds died with `UNIQUE constraint failed`."""
    cache = tmp_path / "shared-cache"
    runs = [_start(["compose", OUTLINE, "--json"], project, cache) for _ in range(4)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, _, err in results:
        assert code == 0, err
        assert "error" not in err and "damaged" not in err, err
    decks = {out for _, out, _ in results}
    assert len(decks) == 1
    assert json.loads(decks.pop())["slides"]


def test_every_command_at_once_on_one_fresh_cache(project: Path, tmp_path: Path) -> None:
    """compose, build, check, sources and excerpts sharing one cache, started together."""
    cache = tmp_path / "shared-cache"
    commands = [
        ["compose", OUTLINE, "--json"],
        ["build", OUTLINE, "-o", "deck.pptx"],
        ["check", OUTLINE],
        ["sources"],
        ["excerpts", "semiconductors", "-n", "3"],
    ]
    runs = [_start(args, project, cache) for args in commands]
    for args, run in zip(commands, runs, strict=True):
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, f"{args}: {err}"
        assert "Traceback" not in err and "internal error" not in err, err
        assert "damaged" not in err and "without the index cache" not in err, err
    assert (project / "deck.pptx").stat().st_size > 10_000


def test_source_edited_while_indexed_is_indexed_as_its_new_text(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file changes after it was hashed but before it was analysed: the index holds the
    new text and its hash, and every excerpt is verbatim in what is on disk."""
    from briefing.compose.composer import compose_file
    from briefing.sources import rows

    source = project / "seeds" / EDITED
    new = "A sentence added while briefing was indexing this file.\n\n" + source.read_text(
        encoding="utf-8"
    ).replace("Vietnam", "Viet Nam")
    real = rows.content_sha

    def read_then_edit(path: Path) -> str:
        found = real(path)
        if path.name == EDITED:
            source.write_text(new, encoding="utf-8")
        return found

    monkeypatch.setattr(rows, "content_sha", read_then_edit)
    db = tmp_path / "index.sqlite"
    deck = compose_file(project / OUTLINE, db_path=db)
    sha = sqlite3.connect(db).execute("SELECT sha FROM docs WHERE name = ?", (EDITED,)).fetchone()
    assert sha[0] == hashlib.sha256(new.encode("utf-8")).hexdigest()
    quoted = 0
    for slide in deck.slides:
        for excerpt in slide.excerpts:
            text = (project / "seeds" / excerpt.source.file).read_text(encoding="utf-8")
            assert text[excerpt.start : excerpt.end] == excerpt.text
            quoted += excerpt.source.file == EDITED
    assert quoted, "the edited source should be quoted for the test to mean anything"


def test_source_deleted_between_hashing_and_analysis_is_skipped_and_named(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Gone when the analysis reads it again: left out, with a warning naming it."""
    from briefing.sources import rows
    from briefing.sources.library import Library

    real = rows.content_sha

    def read_then_delete(path: Path) -> str:
        found = real(path)
        if path.name == EDITED:
            path.unlink()
        return found

    monkeypatch.setattr(rows, "content_sha", read_then_delete)
    library = Library(project / "seeds", db_path=tmp_path / "index.sqlite")
    try:
        assert [w for w in library.warnings if EDITED in w and "deleted or moved" in w]
        assert EDITED not in {d.name for d in library.documents() if not d.skipped}
    finally:
        library.close()


def test_source_edited_after_indexing_is_never_misquoted(project: Path, tmp_path: Path) -> None:
    """Edited between the index and the quote: a clear refusal to run again, no misquote."""
    from briefing.sources.library import Library

    library = Library(project / "seeds", db_path=tmp_path / "index.sqlite")
    try:
        source = project / "seeds" / EDITED
        source.write_text("Rewritten. " + source.read_text(encoding="utf-8"), encoding="utf-8")
        with pytest.raises(CorpusError, match=f"{EDITED}: changed while briefing was reading"):
            library.text(EDITED)
    finally:
        library.close()


@pytest.fixture(scope="module")
def primed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    """A project, a cache a clean run filled, and that run's deck as JSON."""
    from briefing.compose.cache import compose_cached

    where = tmp_path_factory.mktemp("primed")
    for folder in ("seeds", "themes", "outlines"):
        shutil.copytree(ROOT / folder, where / folder)
    cache = where / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(cache))
        clean = compose_cached(where / OUTLINE).to_json()
    return where, cache, clean


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    target=st.sampled_from(["index", "deck", "seal"]),
    keep_deck=st.booleans(),
    where=st.floats(min_value=0, max_value=1, exclude_max=True),
    damage=st.binary(min_size=1, max_size=64),
    truncate=st.booleans(),
)
def test_a_cache_damaged_at_random_always_recovers(
    primed: tuple[Path, Path, dict],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    keep_deck: bool,
    where: float,
    damage: bytes,
    truncate: bool,
) -> None:
    """Random bytes written at a random offset, or the file cut there: the next run succeeds
    and gives the deck a clean run gives (with the deck cache gone too, the index is used)."""
    from briefing.compose.cache import compose_cached

    project, primed_cache, clean = primed
    cache = tmp_path_factory.mktemp("damaged") / "cache"
    shutil.copytree(primed_cache, cache)
    pattern = {"index": "index-*.sqlite", "deck": "deck-*.json", "seal": "index-*.sum"}[target]
    (path,) = cache.glob(pattern)
    data = bytearray(path.read_bytes())
    offset = int(where * len(data))
    if truncate:
        del data[offset:]
    else:
        data[offset : offset + len(damage)] = damage
    path.write_bytes(bytes(data))
    if target != "deck" and not keep_deck:
        next(cache.glob("deck-*.json")).unlink()
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    assert compose_cached(project / OUTLINE).to_json() == clean
    assert compose_cached(project / OUTLINE).to_json() == clean  # and stays recovered
