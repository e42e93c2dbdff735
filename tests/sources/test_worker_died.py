"""A worker process that dies (killed, out of memory, a reader's crash) takes only its own
document with it: the pool is renewed, the work in flight is run again one at a time, and the
document that kills a worker again is left out with a reason. Without a way to run an item
again, the run ends with one clear line, not a traceback or an "internal error"."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from briefing.errors import CorpusError
from briefing.sources import worker_pool, workers
from briefing.sources.worker_pool import MIN_MEMORY, Workers, bounded_map
from tests.bad_input.conftest import run_briefing
from tests.bad_input.faults import inject
from tests.conftest import ROOT, python_probe


def dies_on_two(item: int) -> int:
    """Run in a spawned worker: the process exits at once, as the kernel's OOM killer does."""
    if item == 2:
        os._exit(9)
    return item


def again(pool: Workers, item: int) -> int | str:
    """An item run again by itself; one that kills its worker again is lost, alone."""
    return pool.alone(dies_on_two, item, lost=f"lost {item}")


def test_a_dead_worker_is_one_clear_error_when_nothing_can_run_again() -> None:
    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"))
    try:
        with pytest.raises(CorpusError) as caught:
            list(bounded_map(pool, dies_on_two, range(6)))  # type: ignore[arg-type]
    finally:
        pool.shutdown(cancel_futures=True)
    assert "worker process stopped unexpectedly" in str(caught.value)
    assert "run the command again" in str(caught.value)


def test_a_dead_worker_takes_only_its_own_item_with_it() -> None:
    pool = Workers(2)
    try:
        found = list(bounded_map(pool, dies_on_two, range(10), ahead=4, alone=again))
    finally:
        pool.shutdown(cancel_futures=True)
    assert found == [0, 1, "lost 2", *range(3, 10)]  # in order, every other item done


def test_a_worker_cannot_take_all_the_machines_memory() -> None:
    code = (
        "import resource\n"
        "from briefing.sources.worker_pool import cap_memory\n"
        "cap_memory()\n"
        "print(resource.getrlimit(resource.RLIMIT_AS)[0])\n"
    )
    done = python_probe(code)
    assert done.returncode == 0, done.stderr[-500:]
    limit = int(done.stdout)
    assert limit != -1 and limit >= MIN_MEMORY  # capped (RLIM_INFINITY is -1), not tiny
    assert worker_pool.MEMORY_SHARE >= 2


def _folder(root: Path) -> Path:
    """A folder big enough to be indexed by the worker pool (over 4 MB), and two documents
    that take their worker down: one kills it, one runs out of memory in it."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    folder = root / "sources"
    folder.mkdir()
    for i in range(44):
        body = "\n\n".join(texts[(i + k) % len(texts)] for k in range(8))
        (folder / f"doc{i:02d}.txt").write_text(f"Document {i}\n\n{body}", encoding="utf-8")
    (folder / "crash-report.txt").write_text(texts[0], encoding="utf-8")
    (folder / "hungry-memo.txt").write_text(texts[1], encoding="utf-8")
    assert sum(p.stat().st_size for p in folder.iterdir()) > 4_000_000
    return folder


def test_a_document_that_kills_its_worker_is_left_out_and_the_rest_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    inject(monkeypatch, tmp_path / "hooks", "worker-dies,worker-oom")
    done = run_briefing("sources", "--sources", folder, cwd=tmp_path, timeout=300)
    assert done.code == 0, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    lines = done.stdout.splitlines()
    said = {name: lines[i + 1] for i, name in enumerate(lines) if name.endswith(".txt")}
    assert said["crash-report.txt"].startswith("  skipped: reading it stopped the indexing worker")
    assert said["hungry-memo.txt"].startswith("  skipped: too large to read within the indexing")
    indexed = [name for name, line in said.items() if "skipped" not in line]
    assert sorted(indexed) == [f"doc{i:02d}.txt" for i in range(44)]


def test_one_new_pdf_whose_reader_crashes_costs_that_document_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync with a single document to read, or a small folder, used to read it in the
    command's own process: a PDF, Word or web-page reader crashing in C (here, as it would:
    the process exits at once) ended the command. A reader in C now always runs in a worker."""
    folder = tmp_path / "sources"
    folder.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (folder / "memo.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    inject(monkeypatch, tmp_path / "hooks", "reader-crash")
    first = run_briefing("sources", "--sources", folder, cwd=tmp_path, timeout=300)
    assert first.code == 0, first.stderr
    (folder / "crash-scan.pdf").write_bytes(b"%PDF-1.4\n% a scan its reader dies on\n")
    done = run_briefing("sources", "--sources", folder, cwd=tmp_path, timeout=300)
    assert done.code == 0, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    lines = done.stdout.splitlines()
    said = {name: lines[i + 1] for i, name in enumerate(lines) if name.endswith((".txt", ".pdf"))}
    assert said["crash-scan.pdf"].startswith("  skipped: reading it stopped the indexing worker")
    assert "skipped" not in said["memo.txt"]


def test_workers_start_beside_a_live_presentation() -> None:
    """Under Textual, sys.stderr is a capture whose fileno() is -1; multiprocessing's resource
    tracker, started with the first pool, was handed that -1 and failed ("bad value(s) in
    fds_to_keep"), so a new PDF could not be indexed during a presentation."""
    code = (
        "import io, sys\n"
        "class Capture(io.TextIOBase):\n"
        "    def write(self, s): return len(s)\n"
        "    def fileno(self): return -1\n"
        "if __name__ == '__main__':\n"
        "    from briefing.sources.worker_pool import Workers\n"
        "    sys.stderr = Capture()\n"
        "    pool = Workers(1)\n"
        "    print(pool.submit(abs, -3).result())\n"
        "    pool.shutdown()\n"
    )
    done = python_probe(code)
    assert done.returncode == 0, done.stderr[-800:] + done.stdout[-800:]
    assert done.stdout.split() == ["3"]


def test_briefing_text_on_a_file_whose_reader_crashes_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefing text` extracted a PDF, Word file or web page in its own process: a reader
    crashing in C on that file ended the command with no message. It runs in a worker now."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    inject(monkeypatch, tmp_path / "hooks", "extract-crash")
    page = tmp_path / "crash-page.html"
    page.write_text("<html><body><p>Officials said the talks would resume.</p></body></html>")
    done = run_briefing("text", page, cwd=tmp_path, timeout=300)
    assert done.code == 1, done.stderr  # not 70: the worker died, not the command
    said = f"briefing: error: crash-page.html: {workers.READER_STOPPED}"
    assert done.stderr.strip().splitlines() == [said]
    fine = tmp_path / "page.html"
    fine.write_text("<html><body><p>Officials said the talks would resume.</p></body></html>")
    assert "talks would resume" in run_briefing("text", fine, cwd=tmp_path, timeout=300).stdout
