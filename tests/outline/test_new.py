"""`briefing new` scaffolds a commented outline that passes `briefing check`, and never
overwrites or half-writes a file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefing.errors import BriefingError
from briefing.outline import schema
from briefing.outline.check import check
from briefing.outline.scaffold import new_outline, scalar
from tests.conftest import run_cli


def run(*args: object) -> tuple[int, str]:
    result = run_cli(*args)
    return result.exit_code, result.stderr


def test_new_outline_passes_check_with_a_slide_per_theme(project: Path) -> None:
    path = project / "outlines" / "china.yaml"
    code, err = run("new", path, "--theme", "semiconductors", "-t", "human-rights")
    assert code == 0, err
    assert check(path) == []
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/outline.schema.json\n")
    data = yaml.safe_load(text)
    assert data["title"] == "China"
    assert data["date"] == dt.date.today()
    assert {"subtitle", "presenter", "marking"} <= set(data)
    assert [(s["title"], s.get("theme")) for s in data["slides"]] == [
        ("Bottom line up front", None),
        ("Semiconductors and supply chains", "semiconductors"),
        ("Human rights and political systems", "human-rights"),
        ("Outlook", None),
    ]
    assert data["slides"][0]["bullets"]
    keys = {k for k in data if k != "slides"} | {k for s in data["slides"] for k in s}
    lines = text.splitlines()
    for key in keys:  # every key is explained by a comment above its first use
        at = next(i for i, line in enumerate(lines) if line.lstrip(" -").startswith(f"{key}:"))
        assert lines[at - 1].lstrip().startswith("#"), key


def test_new_outline_is_valid_against_the_json_schema(tmp_path: Path, project: Path) -> None:
    text = new_outline(project / "outlines" / "a.yaml", ["defence-four-nos"], title="A: b")
    generated = schema.schema_for("outline")
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))
    jsonschema.validators.validator_for(generated)(generated).validate(data)
    assert data["title"] == "A: b"


def test_an_unknown_theme_is_one_line_with_a_suggestion(project: Path) -> None:
    path = project / "outlines" / "x.yaml"
    code, err = run("new", path, "-t", "semiconductor")
    assert code == 1
    assert err.strip().splitlines() == [
        "briefing: error: unknown theme 'semiconductor' (did you mean 'semiconductors'?); "
        "available: china-balancing, defence-four-nos, human-rights, semiconductors"
    ]
    assert not path.exists()


def test_it_never_overwrites(project: Path) -> None:
    path = project / "outlines" / "us-vietnam.yaml"
    before = path.read_bytes()
    code, err = run("new", path)
    assert code == 1
    assert "already exists" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["us-vietnam.yaml"]  # no temp file


def test_themes_from_another_folder_are_written_relative(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared" / "themes"
    elsewhere.mkdir(parents=True)
    (elsewhere / "ports.yaml").write_text("title: Ports\nkeywords: [port, harbour]\n")
    path = project / "outlines" / "ports.yaml"
    code, err = run("new", path, "--themes", elsewhere, "-t", "ports")
    assert code == 0, err
    assert yaml.safe_load(path.read_text())["themes"] == "../shared/themes"
    assert check(path) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [("x.txt", "outline files end in .yaml"), ("missing/x.yaml", "folder not found")],
)
def test_bad_paths_are_refused(project: Path, name: str, message: str) -> None:
    with pytest.raises(BriefingError, match=message):
        new_outline(project / "outlines" / name, [])
    assert not (project / "outlines" / name).exists()


@pytest.mark.parametrize(
    "value",
    ["Plain title", 'Defence and the "four nos"', "Why: a #hashtag", "yes", "- dash", "'q'"],
)
def test_titles_are_written_as_yaml_that_reads_back_unchanged(value: str) -> None:
    assert yaml.safe_load(f"title: {scalar(value)}") == {"title": value}
