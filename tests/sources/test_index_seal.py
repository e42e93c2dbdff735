"""The index's seal: a damaged file is caught by its checksum, but an untouched one is trusted
on a stat alone once it has been checked whole, so opening a big index costs no hashing."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from briefing.sources import manifest, opening, store
from briefing.sources.index import Index


def stamp(path: Path) -> tuple[int, int]:
    return path.stat().st_size, path.stat().st_mtime_ns


def open_and_close(seeds: Path, db: Path) -> None:
    Index(seeds, db).close()


def _sealed_long_ago(seeds: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """An index written a while ago (not racy) and checked whole once; then every file
    hashed from here on is recorded in the list returned."""
    index = Index(seeds, db)
    index.sync()
    index.close()
    old = time.time_ns() - 2 * store.RACY_NS
    os.utime(db, ns=(old, old))
    open_and_close(seeds, db)  # checks the whole file once, and restamps
    hashed: list[Path] = []
    real = store.file_checksum
    monkeypatch.setattr(store, "file_checksum", lambda p: hashed.append(p) or real(p))
    return hashed


def test_an_untouched_index_is_hashed_once_then_trusted_on_a_stat(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "index.sqlite"
    hashed = _sealed_long_ago(project / "seeds", db, monkeypatch)
    open_and_close(project / "seeds", db)
    assert hashed == []


def test_a_changed_file_is_still_checked_whole_and_caught(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "index.sqlite"
    index = Index(project / "seeds", db)
    index.sync()
    index.close()
    old = time.time_ns() - 2 * store.RACY_NS
    os.utime(db, ns=(old, old))
    open_and_close(project / "seeds", db)  # restamped: the fast path is armed
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte inside the file, which changes its mtime
    db.write_bytes(bytes(data))
    index = Index(project / "seeds", db)
    try:
        assert index.sync().analysed == 5  # rebuilt from the sources
    finally:
        index.close()
    assert "damaged" in capsys.readouterr().err


def test_a_sync_that_changes_nothing_writes_nothing_and_hashes_nothing(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "index.sqlite"
    hashed = _sealed_long_ago(project / "seeds", db, monkeypatch)
    before = db.stat().st_mtime_ns
    index = Index(project / "seeds", db)
    report = index.sync()  # nothing changed in the folder: no write, so no reseal
    index.close()
    assert (report.analysed, report.removed) == (0, 0)
    assert hashed == []
    assert db.stat().st_mtime_ns == before


def test_a_changed_source_reseals_only_the_text_index_files_written_since(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    _sealed_long_ago(seeds, db, monkeypatch)
    folder = opening.text_folder(db)
    old = time.time_ns() - 2 * store.RACY_NS
    for path in folder.iterdir():  # Tantivy's files from the first sync, written a while ago
        os.utime(path, ns=(old, old))
    index = Index(seeds, db)  # verified on a stat, then its manifest restamped
    index.close()
    before = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}
    victim = sorted(seeds.glob("*.txt"))[0]
    victim.write_text(victim.read_text("utf-8") + "\n\nOne more sentence about trade.\n", "utf-8")
    hashed: list[Path] = []
    real = manifest.file_checksum
    monkeypatch.setattr(manifest, "file_checksum", lambda p: hashed.append(p) or real(p))
    index = Index(seeds, db)
    try:
        assert index.sync().analysed == 1
    finally:
        index.close()
    kept = {p.name for p in folder.iterdir() if before.get(p.name) == stamp(p)}
    assert any(p.name not in kept for p in hashed)  # the new segment's files are hashed
    assert kept and not {p.name for p in hashed} & kept  # the old ones, already sealed, not
    manifest.verify(folder)  # and the new manifest holds for every file


def test_the_run_after_a_changed_source_trusts_both_seals_on_a_stat(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync's seal dates the files it hashes back, so the next run (the next compose in an
    edit loop) does not hash the SQLite file or the text index's new files again."""
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    _sealed_long_ago(seeds, db, monkeypatch)
    victim = sorted(seeds.glob("*.txt"))[0]
    victim.write_text(victim.read_text("utf-8") + "\n\nOne more sentence about trade.\n", "utf-8")
    index = Index(seeds, db)
    assert index.sync().analysed == 1  # written and sealed just now
    index.close()
    hashed: list[Path] = []
    for module in (store, manifest):
        real = module.file_checksum
        spy = lambda p, real=real: hashed.append(p) or real(p)  # noqa: E731
        monkeypatch.setattr(module, "file_checksum", spy)
    open_and_close(seeds, db)
    assert hashed == []


def test_a_write_just_after_a_seal_is_still_caught(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    index = Index(seeds, db)
    index.sync()  # sealed now, its mtime dated back
    index.close()
    flip_a_byte(db)  # at once, same size: only the new mtime tells
    assert_rebuilt(seeds, db, capsys)


def flip_a_byte(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db.write_bytes(bytes(data))


def assert_rebuilt(seeds: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = Index(seeds, db)
    try:
        assert index.sync().analysed == 5  # rebuilt from the sources
    finally:
        index.close()
    assert "damaged" in capsys.readouterr().err


def _changed_and_synced_later(seeds: Path, db: Path) -> tuple[Index, object]:
    """An index sealed a while ago, one source changed, synced with its checksum left for
    later (as a recompose beside the sync does): the index still open, and its report."""
    index = Index(seeds, db)
    index.sync()
    index.close()
    victim = sorted(seeds.glob("*.txt"))[0]
    victim.write_text(victim.read_text("utf-8") + "\n\nOne more sentence about trade.\n", "utf-8")
    index = Index(seeds, db)
    report = index.sync(seal_later=True)
    assert report.analysed == 1
    return index, report


def test_a_seal_left_for_later_is_recorded_when_the_index_closes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    index, report = _changed_and_synced_later(seeds, db)
    assert report.settled is not None
    assert not store.sealed(db)  # not hashed before the sync returned
    index.close()
    assert store.sealed(db)
    hashed: list[Path] = []
    real = store.file_checksum
    monkeypatch.setattr(store, "file_checksum", lambda p: hashed.append(p) or real(p))
    open_and_close(seeds, db)  # the next run trusts it on a stat
    assert hashed == []


def test_a_process_opening_the_index_as_the_sync_left_it_skips_the_whole_file_check(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The composer forked beside the sync opens the index before its checksum is taken: the
    sync's report says how the file was left, and a stat that still matches is trusted."""
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    index, report = _changed_and_synced_later(seeds, db)
    checks: list[str] = []
    real = store.connect

    def connect(path: Path | str) -> object:
        con = real(path)
        con.set_trace_callback(lambda sql: checks.append(sql) if "quick_check" in sql else None)
        return con

    monkeypatch.setattr(store, "connect", connect)
    try:
        Index(seeds, db, settled=report.settled).close()  # type: ignore[attr-defined]
        assert checks == []
        Index(seeds, db).close()  # without the report: no seal yet, so checked whole
        assert len(checks) == 1
    finally:
        index.close()


def test_a_write_before_a_later_seal_leaves_the_file_unsealed_and_caught(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Damage between the sync and the deferred checksum is never sealed in as sound."""
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    index, report = _changed_and_synced_later(seeds, db)
    flip_a_byte(db)  # a new mtime: not the file the sync settled
    index.close()
    assert not store.sealed(db)
    assert not report.settled.unchanged()  # type: ignore[attr-defined]
    assert_rebuilt(seeds, db, capsys)


HOLD_LOCK = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_seal_left_for_later_does_not_wait_for_another_runs_lock(
    project: Path, tmp_path: Path
) -> None:
    """Another run that takes the lock after this sync (a second build, indexing a while) does
    not hold this run up: its deck is made, and the seal is left to the next sync."""
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    index, _report = _changed_and_synced_later(seeds, db)
    holder = _holding(f"{db}.lock", 60)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        index.close()
        assert time.monotonic() - started < 10  # not the 600 s a waiting run allows
        assert not store.sealed(db)
    finally:
        holder.kill()
        holder.wait()
    index = Index(seeds, db)  # checked whole, as any unsealed file, then sealed by the sync
    try:
        assert index.sync().analysed == 0
    finally:
        index.close()
    assert store.sealed(db)


def _holding(lock: str, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the index's lock for `seconds`, once it says it holds it."""
    return subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, lock, str(seconds)], stdout=subprocess.PIPE, text=True
    )


def test_a_seal_left_for_later_waits_out_a_moment_s_hold_of_the_lock(
    project: Path, tmp_path: Path
) -> None:
    """The composer of this run takes the lock for a few ms to open the index,
    maybe while the checksum is being recorded: a brief hold does not cost the seal."""
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    index, _report = _changed_and_synced_later(seeds, db)
    holder = _holding(f"{db}.lock", 0.3)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        index.close()
        assert store.sealed(db)
    finally:
        holder.kill()
        holder.wait()


def test_the_seal_is_a_tagged_crc32_of_the_whole_file(project: Path, tmp_path: Path) -> None:
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    open_and_close(seeds, db)
    index = Index(seeds, db)
    index.sync()
    index.close()
    recorded = Path(f"{db}{store.SEAL_SUFFIX}").read_text("utf-8").split()[0]
    assert recorded == f"crc32:{zlib.crc32(db.read_bytes()):08x}"


def test_a_seal_an_older_version_took_by_sha256_is_no_damage(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `.sum` holding a SHA-256 (untagged, as versions before the CRC-32 wrote it) cannot be
    compared: the file is checked as an unsealed one is (SQLite's own check), not rebuilt."""
    seeds, db = project / "seeds", tmp_path / "index.sqlite"
    index = Index(seeds, db)
    index.sync()
    index.close()
    old = time.time_ns() - 2 * store.RACY_NS
    os.utime(db, ns=(old, old + 1))  # a stat unlike the stamp's: the checksum is what decides
    sha = hashlib.sha256(db.read_bytes()).hexdigest()
    Path(f"{db}{store.SEAL_SUFFIX}").write_text(f"{sha} 1 {old} {time.time_ns()}", "utf-8")
    index = Index(seeds, db)
    try:
        assert index.sync().analysed == 0
    finally:
        index.close()
    assert "damaged" not in capsys.readouterr().err
