"""`briefing build` failing cleanly, and `briefing verify` catching edited quotes and changed
sources."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.export.pptx import package as deckfile
from briefing.export.pptx.provenance import Provenance
from tests.conftest import EXAMPLE, run_cli


def _one_error_line(result) -> str:
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefing: error: ")
    return lines[0]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_missing_output_folder_is_one_line_and_no_file(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "deck.pptx"
    line = _one_error_line(run_cli("build", EXAMPLE, "-o", out))
    assert "does not exist" in line
    assert not out.parent.exists()


def test_output_folder_that_is_a_file_fails_even_for_root(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    line = _one_error_line(run_cli("build", EXAMPLE, "-o", blocker / "deck.pptx"))
    assert "is not a folder" in line
    assert blocker.read_text() == "not a folder"


def _cached(tmp_path: Path) -> None:
    """Build once first: with the deck cached, the failure patched in below is the only one
    (run alone, the deck cache's own write would also fail, with a note of its own)."""
    assert run_cli("build", EXAMPLE, "-o", tmp_path / "first.pptx").exit_code == 0
    (tmp_path / "first.pptx").unlink()


def test_unwritable_destination_keeps_the_old_deck(tmp_path: Path, monkeypatch) -> None:
    _cached(tmp_path)
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"the deck already circulated")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(deckfile.os, "replace", refuse)
    line = _one_error_line(run_cli("build", EXAMPLE, "-o", out))
    assert "Permission denied" in line
    assert out.read_bytes() == b"the deck already circulated"
    assert _leftovers(tmp_path) == []


def test_a_failure_mid_build_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    _cached(tmp_path)
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"old")
    real_write = os.fdopen

    def half_write(fd: int, mode: str):
        handle = real_write(fd, mode)
        handle.write(b"PK partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(deckfile.os, "fdopen", half_write)
    line = _one_error_line(run_cli("build", EXAMPLE, "-o", out))
    assert "No space left on device" in line
    assert out.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_output_must_be_pptx(tmp_path: Path) -> None:
    line = _one_error_line(run_cli("build", EXAMPLE, "-o", tmp_path / "deck.pdf"))
    assert ".pptx" in line


@pytest.fixture
def project_deck(project: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The example built from a writable copy of the project: (deck, outline)."""
    outline = project / "outlines" / "us-vietnam.yaml"
    deck = tmp_path / "deck.pptx"
    assert run_cli("build", outline, "-o", deck).exit_code == 0
    return deck, outline


def test_verify_passes_an_untouched_deck(project_deck: tuple[Path, Path]) -> None:
    deck, outline = project_deck
    result = run_cli("verify", deck, outline)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "13 quotes match" in result.stderr


def _quote_shapes(prs) -> list[tuple[int, object]]:
    return [
        (n, shape)
        for n, slide in enumerate(prs.slides, 1)
        for shape in slide.shapes
        if Provenance.parse(shape.name)
    ]


def test_verify_reports_an_edited_quote(project_deck: tuple[Path, Path]) -> None:
    deck, outline = project_deck
    prs = Presentation(str(deck))
    number, shape = _quote_shapes(prs)[2]
    run = shape.text_frame.paragraphs[0].runs[0]
    run.text = run.text[:-1] + " (emphasis added)" + run.text[-1]
    prs.save(str(deck))
    result = run_cli("verify", deck, outline)
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{deck}: slide {number}: quote edited")


def test_verify_reports_a_changed_source(project_deck: tuple[Path, Path], project: Path) -> None:
    deck, outline = project_deck
    _, shape = _quote_shapes(Presentation(str(deck)))[0]
    prov = Provenance.parse(shape.name)
    assert prov is not None
    source = project / "seeds" / prov.source
    text = source.read_text(encoding="utf-8")
    source.write_text(text[: prov.start] + "Reportedly, " + text[prov.start :], encoding="utf-8")
    result = run_cli("verify", deck, outline)
    assert result.exit_code == 1
    changed = [line for line in result.stdout.splitlines() if "source changed" in line]
    assert changed and all(line.startswith(f"{deck}: slide ") for line in changed)
    assert f"now at {prov.start + 12}-" in changed[0]  # the words moved, and verify says where
