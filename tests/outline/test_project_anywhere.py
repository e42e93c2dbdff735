"""A user's project is any folder: `init` lays one out, `new` works outside this repository
with the themes briefing ships, and an outline of bullets only needs no sources or themes."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from tests.conftest import ROOT, briefing, write


def schema_target(outline: Path) -> Path:
    first = outline.read_text(encoding="utf-8").splitlines()[0]
    ref = first.split("$schema=", 1)[1]
    if ref.startswith("file:"):
        return Path(url2pathname(urlparse(ref).path))
    return (outline.parent / ref).resolve()


def test_init_lays_out_a_project_that_builds_once_it_has_sources(tmp_path: Path):
    result = briefing("init", "proj", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "proj"
    for name in ("china-balancing", "semiconductors", "human-rights", "defence-four-nos"):
        assert (project / "themes" / f"{name}.yaml").read_bytes() == (
            ROOT / "themes" / f"{name}.yaml"
        ).read_bytes()
    outline = project / "outlines" / "briefing.yaml"
    assert schema_target(outline).is_file()
    empty = briefing("check", outline, cwd=tmp_path)
    assert empty.returncode == 1
    assert "no source documents" in empty.stdout + empty.stderr
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        (project / "sources" / seed.name).write_bytes(seed.read_bytes())
    built = briefing("build", outline, "-o", "deck.pptx", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "deck.pptx").stat().st_size > 10_000


def test_init_never_changes_a_file_that_is_there(tmp_path: Path):
    mine = write(
        tmp_path / "proj" / "themes" / "semiconductors.yaml", "title: Mine\nkeywords: [x]\n"
    )
    outline = write(tmp_path / "proj" / "outlines" / "briefing.yaml", "title: Mine\n")
    result = briefing("init", "proj", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert mine.read_text() == "title: Mine\nkeywords: [x]\n"
    assert outline.read_text() == "title: Mine\n"
    assert "kept" in result.stderr


def test_init_on_a_file_is_refused(tmp_path: Path):
    write(tmp_path / "proj", "a file")
    result = briefing("init", "proj", cwd=tmp_path)
    assert result.returncode != 0
    assert "proj" in result.stderr and "Traceback" not in result.stderr


def test_new_works_outside_any_project_with_the_shipped_themes(tmp_path: Path):
    result = briefing("new", "deck.yaml", "-t", "semiconductors", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    outline = tmp_path / "deck.yaml"
    assert schema_target(outline).is_file()
    checked = briefing("check", outline, cwd=tmp_path)
    # it validates: the only complaint is the sources folder the user still has to make
    lines = [ln for ln in checked.stdout.splitlines() if ln.strip() and "problem" not in ln]
    assert lines and all("sources folder not found" in ln for ln in lines), checked.stdout


def test_an_outline_of_bullets_only_needs_no_folders(tmp_path: Path):
    write(
        tmp_path / "b.yaml",
        "title: Bullets only\nslides:\n  - title: Key judgements\n    bullets: [one, two]\n",
    )
    checked = briefing("check", "b.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    composed = briefing("compose", "b.yaml", "--json", cwd=tmp_path)
    assert composed.returncode == 0, composed.stderr
    assert json.loads(composed.stdout)["slides"][0]["bullets"] == ["one", "two"]
    built = briefing("build", "b.yaml", "-o", "b.pptx", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
