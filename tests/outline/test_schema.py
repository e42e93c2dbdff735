"""The JSON Schemas editors use: generated from the models, committed, and in agreement with
what `briefing` itself accepts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

import briefing.cli
from briefing.cli import cli
from briefing.outline import schema
from briefing.outline.models import OutlineFile, ThemeFile
from briefing.validation import check
from tests.conftest import ROOT

SHIPPED = sorted([*ROOT.glob("outlines/*.yaml"), *ROOT.glob("themes/*.yaml")])
MODELS = {"outline": OutlineFile, "theme": ThemeFile}


def as_json(value: Any) -> Any:
    """YAML data as an editor's JSON view sees it: a YAML date is the ISO string it was."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator(kind: str) -> jsonschema.protocols.Validator:
    """The real validator for the committed schema file, checking formats such as `date`."""
    found = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(found)
    cls.check_schema(found)
    return cls(found, format_checker=cls.FORMAT_CHECKER)


def errors(kind: str, data: Any) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(as_json(data))]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_is_valid_against_its_schema(path: Path) -> None:
    kind = "outline" if path.parent.name == "outlines" else "theme"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    assert errors(kind, yaml.safe_load(text)) == []


def test_shipped_files_exist() -> None:
    assert {p.parent.name for p in SHIPPED} == {"outlines", "themes"}


@pytest.mark.parametrize("kind", sorted(schema.SCHEMAS))
def test_committed_schemas_equal_a_fresh_generation(kind: str) -> None:
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema.render(kind), "stale: run `briefing schema` and commit it"
    assert schema.stale_schemas(ROOT / "schemas") == []


@pytest.mark.parametrize(
    ("kind", "data", "key"),
    [
        ("outline", {"title": "T", "slides": [{"title": "A"}], "tittle": "x"}, "tittle"),
        ("outline", {"title": "T", "slides": [{"title": "A", "exerpts": 2}]}, "exerpts"),
        ("outline", {"title": "T", "slides": [{"title": "A", "pins": [{"source": "s",
                     "quote": "q", "page": 2}]}]}, "page"),
        ("theme", {"title": "T", "keywords": ["k"], "colour": "red"}, "colour"),
    ],
)  # fmt: skip
def test_an_unknown_key_fails_like_the_model(kind: str, data: dict, key: str) -> None:
    found = errors(kind, data)
    assert len(found) == 1
    assert key in found[0]
    model, issues = check(MODELS[kind], data)
    assert model is None and [key in issue.message for issue in issues] == [True]


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("outline", {"title": "T", "slides": []}),
        ("outline", {"title": "T"}),
        ("outline", {"title": "T", "slides": [{"title": "A", "excerpts": 21}]}),
        ("outline", {"title": "T", "slides": [{"title": "A", "minutes": 0}]}),
        ("outline", {"title": "T", "date": "2023-13-45", "slides": [{"title": "A"}]}),
        ("outline", {"title": "", "slides": [{"title": "A"}]}),
        ("theme", {"title": "T", "keywords": []}),
        ("theme", {"title": "T", "keywords": ["k"], "weights": {"k": "heavy"}}),
    ],
)
def test_schema_and_model_reject_the_same_mistakes(kind: str, data: dict) -> None:
    assert errors(kind, data)
    model, issues = check(MODELS[kind], data)
    assert model is None and issues


def test_a_yaml_date_is_accepted_as_the_model_accepts_it() -> None:
    data = yaml.safe_load("title: T\ndate: 2023-11-20\nslides:\n  - title: A\n")
    assert isinstance(data["date"], dt.date)
    assert errors("outline", data) == []
    model, issues = check(OutlineFile, data)
    assert issues == [] and model is not None and model.date == dt.date(2023, 11, 20)


def walk(node: Any) -> list[dict]:
    if isinstance(node, dict):
        return [node, *(n for v in node.values() for n in walk(v))]
    if isinstance(node, list):
        return [n for v in node for n in walk(v)]
    return []


@pytest.mark.parametrize("kind", sorted(schema.SCHEMAS))
def test_every_object_forbids_unknown_keys_and_every_key_has_help(kind: str) -> None:
    generated = schema.schema_for(kind)
    assert generated["title"] and generated["description"]
    objects = [n for n in walk(generated) if isinstance(n.get("properties"), dict)]
    assert objects
    for node in objects:
        assert node["additionalProperties"] is False
        for name, prop in node["properties"].items():
            assert prop.get("description"), f"{name} has no description for editors"


def test_cli_writes_the_schemas_and_checks_them(tmp_path: Path) -> None:
    briefing.cli._register()
    runner = CliRunner()
    result = runner.invoke(cli, ["schema", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for kind in schema.SCHEMAS:
        assert (tmp_path / "out" / f"{kind}.schema.json").read_text() == schema.render(kind)
    assert runner.invoke(cli, ["schema", "--out", str(tmp_path / "out"), "--check"]).exit_code == 0
    (tmp_path / "out" / "theme.schema.json").write_text("{}\n")
    result = runner.invoke(cli, ["schema", "--out", str(tmp_path / "out"), "--check"])
    assert result.exit_code == 1
    assert "theme.schema.json: stale" in result.stdout
