"""A forked composer's wait for the index, put to use: the keyword lemmas and the attribution
patterns made while another process writes the index, never a different deck."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.compose.cache_ahead import still_indexing
from briefing.sources.index import default_path
from briefing.sources.index_lock import lock_for
from tests.conftest import EXAMPLE, python_probe, write


def _in_child(check: object) -> bool:
    """`check()` in a forked child, as the composer calls it."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's outcome is its exit status
        try:
            os._exit(0 if check() else 1)  # type: ignore[operator]
        except BaseException:  # noqa: BLE001 - any failure is the status the test reads
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) in (0, 1), status
    return os.WEXITSTATUS(status) == 0


def test_a_forked_composer_sees_the_index_still_being_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is made before the fork and asked in the child, which must use a lock of its
    own: filelock refuses one inherited across a fork (the composer then fell back to doing
    all its work in the command's process)."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    sources = tmp_path / "sources"
    write(sources / "a.txt", "Hanoi and Washington signed a trade accord on Tuesday.\n")
    quoting = "title: T\nsources: sources\nslides: [{title: S, theme: china-balancing}]\n"
    outline = write(tmp_path / "o.yaml", quoting)
    waiting = still_indexing(outline)
    with lock_for(default_path(sources)):  # the sync beside, at work
        assert _in_child(waiting)
    assert not _in_child(waiting)  # done: the composer goes on


def test_an_outline_quoting_no_folder_has_nothing_to_wait_for(tmp_path: Path) -> None:
    outline = write(tmp_path / "o.yaml", "title: T\nslides: [{title: S, bullets: [a]}]\n")
    assert still_indexing(outline)() is False


def test_a_cache_that_cannot_hold_a_lock_is_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = write(tmp_path / "file", "a file where the cache folder should be")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocked / "cache"))
    quoting = "title: T\nsources: sources\nslides: [{title: S, theme: china-balancing}]\n"
    (tmp_path / "sources").mkdir()
    assert still_indexing(write(tmp_path / "o.yaml", quoting))() is False


PROBE = """
import os, sys, tempfile
from pathlib import Path
os.environ["BRIEFING_CACHE_DIR"] = tempfile.mkdtemp()  # no lemmas stored by earlier runs
from briefing.compose import lexeme, regexes
from briefing.compose.meanwhile import prepare
calls = []
def waiting():
    calls.append(1)
    return len(calls) <= int(sys.argv[2])
prepare(Path(sys.argv[1]), waiting)
learned = {**(lexeme._known or {}), **lexeme._learned}
compiled = sum(p._compiled is not None for p in regexes.made())
print(len(regexes.made()), compiled, "semiconductors" in learned)
"""


def _prepared(outline: Path, checks: int) -> list[str]:
    done = python_probe(PROBE.replace("sys.argv[1]", repr(str(outline))).replace(
        "sys.argv[2]", str(checks)))  # fmt: skip
    assert done.returncode == 0, done.stderr[-800:]
    return done.stdout.split()


def test_the_wait_learns_the_keywords_lemmas_and_compiles_patterns_while_it_lasts() -> None:
    made, compiled, keyword = _prepared(EXAMPLE, 10_000)
    assert int(made) > 50 and compiled == made  # a long wait: every pattern
    assert keyword == "True"  # a keyword of the semiconductors theme, lemmatised
    made, compiled, keyword = _prepared(EXAMPLE, 3)
    assert compiled == "3" and keyword == "True"  # the lemmas first; then 3 patterns, no more


def test_a_broken_outline_is_left_for_the_composer_to_report(tmp_path: Path) -> None:
    for text in ("title: [\n", "- a list\n", "title: T\nslides: [{title: S, theme: nope}]\n"):
        broken = write(tmp_path / "broken.yaml", text)
        made, compiled, *_ = _prepared(broken, 10_000)
        assert compiled == "0" and int(made) > 50
