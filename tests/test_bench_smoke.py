"""Smoke tests for the benchmarks: the corpus synthesiser (bench/synth.py) gives deterministic
output over which a deck quotes its sources verbatim, and the build benchmark still runs.
The new rows of issue 14 (build after an edit and on an empty cache, the paths benchmark) are
smoked on tiny inputs. Nothing here asserts a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.compose.composer import compose_file
from briefing.sources.library import Library
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
DOCS = 20


synth = load_script("bench_synth", ROOT / "bench" / "synth.py")


@pytest.fixture(scope="module")
def pool():
    return synth.load_seed_pool(ROOT / "seeds")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}


def test_same_seed_same_bytes(pool, tmp_path: Path):
    first = synth.write_corpus(pool, tmp_path / "a", DOCS, seed=7)
    second = synth.write_corpus(pool, tmp_path / "b", DOCS, seed=7)
    other = synth.write_corpus(pool, tmp_path / "c", DOCS, seed=8)
    a, b, c = _files(first.folder), _files(second.folder), _files(other.folder)
    assert len(a) == DOCS
    assert a == b
    assert first.bytes == second.bytes == sum(len(data) for data in a.values())
    assert a != c
    # A smaller corpus is the start of a larger one: document i depends on (seed, i) only.
    assert synth.make_document(pool, 7, 3).encode() == a["doc00003.txt"]


def test_existing_corpus_is_reused(pool, tmp_path: Path):
    synth.write_corpus(pool, tmp_path, DOCS, seed=1)
    again = synth.write_corpus(pool, tmp_path, DOCS, seed=1)
    assert again.reused
    assert not synth.write_corpus(pool, tmp_path, DOCS, seed=2).reused


def test_documents_look_like_the_seeds(pool, tmp_path: Path):
    info = synth.write_corpus(pool, tmp_path, DOCS, seed=3)
    texts = [data.decode("utf-8") for data in _files(info.folder).values()]
    for text in texts:
        assert synth.MIN_DOC_CHARS <= len(text) <= synth.MAX_DOC_CHARS + 6_000
    joined = "\n".join(texts)
    # Boilerplate for cleaning to remove, and the perturbations that keep documents apart.
    for boilerplate in ("cookies", "Credit:", "©"):
        assert boilerplate in joined
    assert "Biden" not in joined  # people's names are replaced per document
    assert len(set(texts)) == DOCS


def test_big_file_reaches_its_size(pool, tmp_path: Path):
    info = synth.write_big_file(pool, tmp_path / "big" / "big.txt", 60_000, seed=0)
    data = (tmp_path / "big" / "big.txt").read_bytes()
    assert info.bytes == len(data) >= 60_000
    assert "©" not in data.decode("utf-8")  # no footer: it would mark the rest as noise


def test_compose_over_synthetic_corpus_is_verbatim(pool, tmp_path: Path):
    info = synth.write_corpus(pool, tmp_path / "corpus", DOCS, seed=0)
    outline = (ROOT / "outlines" / "us-vietnam.yaml").read_text("utf-8")
    outline += f"sources: {json.dumps(str(info.folder))}\n"
    outline += f"themes: {json.dumps(str(ROOT / 'themes'))}\n"
    path = tmp_path / "outline.yaml"
    path.write_text(outline, "utf-8")

    deck = compose_file(path).to_json()
    excerpts = [e for slide in deck["slides"] for e in slide["excerpts"]]
    assert excerpts
    for excerpt in excerpts:
        text = (info.folder / excerpt["source"]).read_bytes().decode("utf-8")
        assert text[excerpt["start"] : excerpt["end"]] == excerpt["text"]

    library = Library(info.folder)
    try:
        noise = {reason for doc in library.documents() for *_, reason in doc.noise}
    finally:
        library.close()
    assert noise  # the sprinkled boilerplate gives cleaning something to do


def test_build_benchmark_runs_and_its_baseline_writes_the_same_slides(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One round of bench/bench_build.py: nothing timed is asserted, only that it still runs,
    that its python-pptx baseline writes the same slides and text, and that it reports."""
    bench = load_script("bench_build", ROOT / "bench" / "bench_build.py")
    monkeypatch.setattr(sys, "argv", ["bench_build.py", "-n", "1"])
    assert bench.main() == 0
    out = capsys.readouterr().out
    assert "python-pptx script" in out and "1.00x" in out
    assert "target: briefing build within 1.3x of the python-pptx script:" in out
    for row in ("build, 1 bullet edited", "first build, no cache"):
        assert row in out
    assert "target: build after editing one bullet within 1.3x" in out
    assert "target: first build on an empty cache within 2.0x" in out


def test_edit_one_bullet_changes_only_the_first_bullet() -> None:
    bench = load_script("bench_build", ROOT / "bench" / "bench_build.py")
    text = 'title: T\nslides:\n  - title: A\n    bullets:\n      - one\n      - "two"\n'
    edited = bench.edit_one_bullet(text, 3)
    assert edited == text.replace("- one", "- one (edit 3)")
    quoted = bench.edit_one_bullet(text.replace("- one", '- "one"'), 1)
    assert '- "one (edit 1)"' in quoted


def test_edit_first_title_changes_only_the_first_slide_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The title edit must leave the deck title and later slides alone, and stack on an
    earlier edit (each edit is one change to the text composed before it)."""
    monkeypatch.syspath_prepend(str(ROOT))
    from bench import bench_paths

    text = 'title: Deck\nslides:\n  - title: "A"\n    bullets: [x]\n  - title: B\n'
    once = bench_paths.edit_first_title(text, 1)
    assert once == text.replace('title: "A"', 'title: "A (edit 1)"')
    assert bench_paths.edit_first_title(once, 2).count("(edit") == 2


def test_paths_benchmark_reports_every_row_on_a_tiny_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One tiny round of bench/bench_paths.py: every row of issue 14 is reported; no time is
    asserted, and the caller's cache folder is left as it was."""
    monkeypatch.syspath_prepend(str(ROOT))
    before = dict(os.environ)
    from bench import bench_paths

    args = ["--sizes", "12", "--repeat", "1", "--searches", "1", "--workdir", str(tmp_path)]
    assert bench_paths.main(args) == 0
    out = capsys.readouterr().out
    for row in (
        "first index, whole process",
        "index on disk / corpus",
        "compose after editing a bullet",
        "compose after editing a slide title",
        "compose after one source changed",
        "evidence search 'Vietnam' (common)",
        "evidence search 'the' (the commonest word)",
        "evidence search 'U.S.' (a phrase of common tokens)",
        "evidence search 'Vietnam China' (two common words, both required)",
        "evidence search 'the Vietnam' (a word that says nothing beside a common one)",
        "(rare,",
        "peak memory",
    ):
        assert row in out, row
    assert dict(os.environ) == before
    # One path again, on the cache just built, against a baseline revision in the same run.
    only = [*args, "--only", "changed,edit", "--baseline", "HEAD"]
    assert bench_paths.main(only) == 0
    out = capsys.readouterr().out
    assert "compose after one source changed" in out and "the same, baseline HEAD" in out
    assert "compose after editing a slide title, baseline HEAD" in out and "; CPU " in out
    assert "first index" not in out and "evidence search" not in out


def run_bench(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """A benchmark script run whole from the repository, as a developer runs it; it must
    succeed."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_present_benchmark_reports_the_cold_first_paint(tmp_path: Path) -> None:
    """One round of bench/bench_present.py under a pseudo-terminal: the cold-cache row is
    reported beside the warm one. Nothing timed is asserted."""
    result = run_bench("bench_present.py", "-n", "1", "--presses", "3")
    for row in ("first paint: briefing present", "first paint, cold cache: present"):
        assert row in result.stdout, result.stdout


def test_first_build_trace_names_each_process_and_the_composers_phases() -> None:
    """One run of bench/trace_first_build.py: every function it wraps still exists (a renamed
    one stops the traced build), and the report has each process's CPU and the phases on the
    composer's path. Nothing timed is asserted."""
    result = run_bench("trace_first_build.py", "-n", "1")
    rows = {line.split("  ")[0].strip(): line for line in result.stdout.splitlines()}
    for process in ("command", "composer", "lemma server"):
        assert process in rows and rows[process].rstrip().endswith(" s"), result.stdout
    for phase in (
        "command: sync",
        "composer: import_composer",
        "composer: rank_theme",
        "composer: with_speakers",
        "command: build_pptx",
    ):
        assert any(line.startswith(phase) for line in result.stdout.splitlines()), phase


def test_changed_source_trace_names_the_sync_and_the_composer(tmp_path: Path) -> None:
    """One run of bench/trace_first_build.py --changed on a small synthetic corpus: the
    command syncs the changed document, the composer forked beside it ranks, and each reports
    its phases. Nothing timed is asserted."""
    work = tmp_path / "work"
    result = run_bench(
        "trace_first_build.py", "-n", "1", "--changed", "120", "--workdir", str(work)
    )
    rows = {line.split("  ")[0].strip(): line for line in result.stdout.splitlines()}
    for process in ("command", "composer"):
        assert process in rows and rows[process].rstrip().endswith(" s"), result.stdout
    assert rows["lemma server"].split()[-1] == "-", result.stdout  # none: lemmas were stored
    for phase in ("command: folder_scan", "command: _update", "composer: _rank"):
        assert any(line.startswith(phase) for line in result.stdout.splitlines()), phase


def test_first_index_benchmark_reports_both_trees_with_a_baseline(tmp_path: Path) -> None:
    """One tiny round of bench/bench_first_index.py with this checkout as its own baseline:
    each tree gets its table of formats and its verdicts; no time is asserted."""
    script = ROOT / "bench" / "bench_first_index.py"
    options = ["--pages", "20", "-n", "1", "--html-pages", "1", "--baseline", str(ROOT)]
    done = subprocess.run(
        [sys.executable, str(script), *options],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert out.count("cold compose of one document, median of 1, 20-page PDF") == 2
    assert out.startswith("this tree:") and f"baseline {ROOT}:" in out
    for row in ("txt (the PDF's canonical text)", "pdf ", "docx "):
        assert out.count(f"\n{row}") == 2
    assert out.count("target: PDF and DOCX no slower than 2x the .txt path") == 2
    assert out.count("HTML corpus: 1 saved pages") == 2
