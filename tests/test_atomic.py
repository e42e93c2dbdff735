"""The one atomic writer every output uses: all or nothing, never a clobber it was told to
avoid, no temporary file left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.atomic import write_atomic
from briefing.errors import OutputError


def test_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "deck.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    assert write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["deck.txt"]


def test_a_write_that_lost_the_race_is_not_made(tmp_path: Path) -> None:
    target = tmp_path / "outline.yaml"
    target.write_bytes(b"title: edited elsewhere\n")
    assert not write_atomic(target, b"title: x\n", expected=b"title: as loaded\n")
    assert target.read_bytes() == b"title: edited elsewhere\n"
    assert [p.name for p in tmp_path.iterdir()] == ["outline.yaml"]


def test_exclusive_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    assert write_atomic(target, b"first", exclusive=True)
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(target, b"second", exclusive=True)
    assert target.read_bytes() == b"first"


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match=r"cannot write .*No space left on device"):
        write_atomic(target, b"new deck")
    assert target.read_bytes() == b"previous deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "nowhere" / "deck.pptx", b"x")


def test_a_deck_is_synced_to_disk_a_cache_is_not(tmp_path: Path, monkeypatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    write_atomic(tmp_path / "deck.pptx", b"deck")
    assert len(synced) == 1
    write_atomic(tmp_path / "cache.json", b"{}", durable=False)
    assert len(synced) == 1
    assert (tmp_path / "cache.json").read_bytes() == b"{}"


def test_the_caches_of_a_first_compose_wait_for_no_disk(tmp_path: Path, monkeypatch) -> None:
    """The deck record and the lemma table check what they read (a checksum, a sound JSON
    table), so a crash before the disk has them costs a recompose, never a wrong deck."""
    from click.testing import CliRunner

    from briefing.cli import cli
    from briefing.compose import lemma_store

    root = Path(__file__).resolve().parents[1]
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_DEBUG", "1")  # composed here, where fsync is watched
    synced: list[str] = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(os.readlink(f"/proc/self/fd/{fd}")))
    out = tmp_path / "deck.pptx"
    outline = root / "outlines" / "us-vietnam.yaml"
    done = CliRunner().invoke(cli, ["build", str(outline), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert [Path(p).name.split(".")[1] for p in synced] == ["deck"]  # the .pptx's temporary
    assert [p.name.split("-")[0] for p in (tmp_path / "cache").glob("deck-*.json")] == ["deck"]
    lemma_store.save({"treaties": "treaty"})
    assert lemma_store.load() == {"treaties": "treaty"}
    assert len(synced) == 1
