"""Progress while indexing: the core reports how far it has got, and the CLI shows it on
stderr, redrawn in place on a terminal and as a start and an end line in a log."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from briefing.cli import feedback
from briefing.cli.feedback import IndexingLine
from briefing.progress import Progress, reporting
from briefing.sources.index import Index


def _reports(sources: Path, db: Path) -> list[Progress]:
    seen: list[Progress] = []
    with reporting(lambda p: seen.append(replace(p))):
        Index(sources, db).sync()
    return seen


def _check_run(seen: list[Progress]) -> None:
    assert seen[0].done_docs == seen[0].done_bytes == 0 and not seen[0].finished
    assert seen[-1].finished and seen[-1].done_docs == seen[-1].total_docs
    assert seen[-1].done_bytes == seen[-1].total_bytes > 0
    for a, b in pairwise(seen):
        assert a.done_docs <= b.done_docs and a.done_bytes <= b.done_bytes


def test_indexing_reports_every_document_then_finishes(project: Path, tmp_path: Path) -> None:
    seen = _reports(project / "seeds", tmp_path / "index.sqlite")
    _check_run(seen)
    assert seen[-1].total_docs == 5 and len(seen) == 5 + 2
    assert _reports(project / "seeds", tmp_path / "index.sqlite") == []  # nothing to do


def test_a_huge_document_reports_as_its_chunks_are_done(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.sources import analysis

    monkeypatch.setattr(analysis, "CHUNK_CHARS", 2_000)  # every seed is huge, in many chunks
    seen = _reports(project / "seeds", tmp_path / "index.sqlite")
    _check_run(seen)
    assert len({p.done_bytes for p in seen if p.done_docs == 0}) > 3  # moves within a document


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _feed(line: IndexingLine, total: int, times: list[float]) -> None:
    """Drive `line` through a 4-document job with the clock at `times` (one per report)."""
    clock = iter(times)
    line.clock = lambda: next(clock)
    p = Progress("indexing", 4, total)
    line(replace(p))
    for done in range(1, 5):
        line(replace(p, done_docs=done, done_bytes=total * done // 4))
    line(replace(p, done_docs=4, done_bytes=total, finished=True))


def test_a_log_gets_a_start_line_and_an_end_line() -> None:
    out = io.StringIO()
    _feed(IndexingLine(out), 8_000_000, [0.0, 1.0, 2.0, 3.0, 4.0, 12.4])
    assert out.getvalue() == (
        "indexing 4 sources (8.0 MB); later runs reuse the index\n"
        "indexed 4 of 4 sources (8.0 MB) in 12 s\n"
    )


def test_a_terminal_gets_one_line_redrawn_at_most_ten_times_a_second() -> None:
    out = Terminal()
    _feed(IndexingLine(out), 8_000_000, [0.0, 0.05, 0.2, 0.25, 0.4, 0.5])
    frames = out.getvalue().split("\r\x1b[2K")
    assert frames[1:] == [
        "indexing: 0/4 sources, 0%",
        "indexing: 2/4 sources, 50%",
        "indexing: 4/4 sources, 100%",
        "indexed 4 of 4 sources (8.0 MB) in 0 s\n",
    ]


def test_a_small_job_shows_nothing() -> None:
    out = Terminal()
    _feed(IndexingLine(out), feedback.SHOW_FROM_BYTES - 1, [0.0] * 6)
    assert out.getvalue() == ""


def test_the_cli_shows_indexing_on_stderr(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import briefing.cli

    monkeypatch.setattr(feedback, "SHOW_FROM_BYTES", 0)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "cache"))
    monkeypatch.setattr(sys, "argv", ["briefing", "sources", "--sources", str(project / "seeds")])
    with pytest.raises(SystemExit) as done:
        briefing.cli.run()
    assert done.value.code == 0
    err = capsys.readouterr().err
    assert err.startswith("indexing 5 sources (")
    assert "indexed 5 of 5 sources" in err


@pytest.mark.parametrize(
    ("command", "app_class"),
    [
        ("present", "briefing.tui.present.app.BriefingApp"),
        ("edit", "briefing.tui.edit.app.EditorApp"),
    ],
)
def test_nothing_is_drawn_under_a_running_tui(
    command: str, app_class: str, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A recompose while presenting or editing may index; its progress must not be written
    over the screen Textual owns."""
    import importlib

    from briefing import progress
    from tests.conftest import run_cli

    monkeypatch.setenv("BRIEFING_ALLOW_NO_TTY", "1")  # CliRunner has no terminal
    module, name = app_class.rsplit(".", 1)
    during: list[object] = []
    monkeypatch.setattr(
        getattr(importlib.import_module(module), name),
        "run",
        lambda self: during.append(progress._reporter),
    )
    outline = project / "outlines" / "us-vietnam.yaml"
    with reporting(IndexingLine(io.StringIO())):
        result = run_cli(command, outline)
        assert progress._reporter is not None  # back once the TUI has exited
    assert result.exit_code == 0, result.output
    assert during == [None]
