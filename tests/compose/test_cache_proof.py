"""The folder proof (`cache_proof.folder_digest`) fingerprints exactly what the index lists, so
an unchanged folder matches its record and any change a sync would see does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.compose import cache_proof
from briefing.compose.cache_proof import digest, folder_digest, folder_scan
from briefing.sources.documents import documents_from, list_documents, snapshot


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    (sources / "sub" / "deeper").mkdir(parents=True)
    (sources / ".hidden").mkdir()
    for name in ("a.txt", "B.MD", "c.pdf", "sub/d.html", "sub/deeper/e.docx", "z.htm"):
        (sources / name).write_bytes(b"some text\n" * len(name))
    for name in ("figures.xlsx", ".secret.txt", ".hidden/f.txt", "sub/image.png"):
        (sources / name).write_bytes(b"not a source")
    old = 1_600_000_000
    for path in sources.rglob("*"):  # older than "racy": the index's listing keeps its mtime
        os.utime(path, (old, old))
    return sources


def test_an_unchanged_folder_matches_the_listing_the_index_syncs_from(folder: Path):
    listed = snapshot(folder, to_store=True)
    assert len(listed) == 6
    assert folder_digest(folder) == digest(listed)
    assert folder_digest(folder) == folder_digest(folder)


@pytest.mark.parametrize(
    "change",
    [
        lambda f: (f / "sub" / "deeper" / "new.txt").write_text("new"),
        lambda f: (f / "sub" / "d.html").unlink(),
        lambda f: os.utime(f / "sub" / "deeper" / "e.docx", (1_700_000_000, 1_700_000_000)),
        lambda f: (f / "a.txt").write_bytes(b"grown " * 100),
        lambda f: (f / "sub").rename(f / "moved"),
        lambda f: (f / "c.pdf").rename(f / "c2.pdf"),
    ],
    ids=["added deep", "removed", "touched", "resized", "folder renamed", "renamed"],
)
def test_any_change_the_index_would_see_breaks_the_match(folder: Path, change):
    before = folder_digest(folder)
    change(folder)
    assert folder_digest(folder) not in ("", before)
    assert folder_digest(folder) == digest(snapshot(folder))  # and it is the index's view


def test_what_the_index_ignores_leaves_the_match(folder: Path):
    before = folder_digest(folder)
    (folder / "more figures.xlsx").write_text("x")
    (folder / ".hidden" / "g.txt").write_text("x")
    assert folder_digest(folder) == before


def test_a_name_the_index_skips_never_matches(folder: Path):
    try:
        (folder / os.fsdecode(b"bad-\xff.txt")).write_text("x")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    assert folder_digest(folder) != digest(snapshot(folder))


def test_a_folder_that_cannot_be_listed_proves_nothing(folder: Path, monkeypatch):
    real = os.listdir
    deeper = os.open(folder / "sub" / "deeper", os.O_RDONLY)
    deeper_id = os.fstat(deeper).st_ino
    os.close(deeper)

    def refusing(where):
        if os.fstat(where).st_ino == deeper_id:
            raise PermissionError(13, "Permission denied")
        return real(where)

    monkeypatch.setattr(cache_proof.os, "listdir", refusing)
    assert folder_digest(folder) == ""
    assert folder_digest(folder / "missing") == ""
    assert digest(()) == ""


def test_links_and_folders_are_taken_as_the_index_takes_them(folder: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    (outside / "inner").mkdir(parents=True)
    (outside / "linked.txt").write_text("a linked source")
    (outside / "inner" / "g.txt").write_text("never walked")
    (folder / "link.txt").symlink_to(outside / "linked.txt")  # followed: a source
    (folder / "linked-folder").symlink_to(outside / "inner")  # a link to a folder: not walked
    (folder / "folder.txt").symlink_to(outside / "inner")  # ... whatever its name says
    (folder / "real.md").mkdir()  # a real folder is walked, whatever its name says
    (folder / "real.md" / "h.txt").write_text("inside a folder named like a source")
    old = 1_600_000_000
    for path in (*folder.rglob("*"), *outside.rglob("*")):
        os.utime(path, (old, old), follow_symlinks=False)
    os.utime(outside / "inner", (old, old))
    listed = snapshot(folder, to_store=True)
    assert {"link.txt", "folder.txt", "real.md/h.txt"} <= {name for name, _, _ in listed}
    assert folder_digest(folder) == digest(listed)
    (folder / "real.md" / "h.txt").write_text("edited")
    assert folder_digest(folder) == digest(snapshot(folder)) != digest(listed)


def test_a_broken_link_proves_nothing(folder: Path):
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    assert folder_digest(folder) == ""


def test_no_folder_is_left_open(folder: Path):
    before = len(os.listdir("/proc/self/fd"))
    folder_digest(folder)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    folder_digest(folder)
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_small_folder_is_proven_here_and_a_large_one_in_a_fork(tmp_path, monkeypatch):
    from briefing.compose import cache_proof

    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.md").write_text("two", encoding="utf-8")
    forks: list[object] = []
    real = cache_proof.Forked
    monkeypatch.setattr(cache_proof, "Forked", lambda work: forks.append(work) or real(work))
    small = cache_proof.start_proof(tmp_path)
    assert small.result() == cache_proof.folder_digest(tmp_path) and forks == []
    monkeypatch.setattr(cache_proof, "FORK_FROM", 1)  # now a second entry makes it "large"
    large = cache_proof.start_proof(tmp_path)
    assert large.result() == cache_proof.folder_digest(tmp_path) and len(forks) == 1


def _as_listed(folder: Path) -> tuple[list[tuple[str, int, int, int]], dict[str, str]]:
    """The index's own listing of `folder`, and the fingerprint's scan made into one: each
    file's name, size, mtime and stamp, and what was left out, for both."""
    skipped: dict[str, str] = {}
    walked = [(d.name, d.size, d.mtime_ns, d.stamp) for d in list_documents(folder, skipped)]
    scan = folder_scan(folder)
    assert scan is not None and scan.digest == folder_digest(folder)
    scanned: dict[str, str] = {}
    files = documents_from(folder, scan.rows, scan.listed_ns, scanned)
    assert {d.folder for d in files} == {folder}
    assert walked == [(d.name, d.size, d.mtime_ns, d.stamp) for d in files]
    assert skipped == scanned
    return walked, skipped


def test_the_scan_gives_the_sync_the_listing_it_would_make_itself(folder: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    (outside / "inner").mkdir(parents=True)
    (outside / "linked.txt").write_text("a linked source")
    (folder / "link.txt").symlink_to(outside / "linked.txt")
    (folder / "folder.txt").symlink_to(outside / "inner")
    (folder / "real.md").mkdir()
    (folder / "real.md" / "h.txt").write_text("inside a folder named like a source")
    (folder / "just written.txt").write_text("racy: its stamp is -1 in both")
    walked, _ = _as_listed(folder)
    assert len(walked) == 10 and ("just written.txt" in {w[0] for w in walked})
    assert [w[3] for w in walked if w[0] == "just written.txt"] == [-1]


def test_the_scan_leaves_out_a_name_that_is_not_utf8_as_the_index_does(folder: Path):
    try:
        (folder / "sub" / os.fsdecode(b"bad-\xff.txt")).write_text("x")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    walked, skipped = _as_listed(folder)
    assert len(walked) == 6 and list(skipped) == ["sub/bad-\\xff.txt"]


def test_a_folder_with_no_sources_scans_as_nothing(tmp_path: Path):
    (tmp_path / "figures.xlsx").write_text("not a source")
    assert folder_scan(tmp_path) is None and folder_digest(tmp_path) == ""
