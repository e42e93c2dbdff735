"""Outlines, themes and catalogues read the same through libyaml (C) as through PyYAML's own
parser: the same data, the same positions, and every problem worded and placed alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing import yamlpos
from briefing.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [*ROOT.glob("outlines/*.yaml"), *ROOT.glob("themes/*.yaml"), *ROOT.glob("seeds/*.yaml")]
)
DOCUMENTS = {
    "non-ASCII columns": 'title: "Việt Nam – ổn định"\nslides:\n  - {title: Đối tác, n: 3}\n',
    "scalars": "a: 2024-01-02\nb: 1.5e3\nc: yes\nd: ~\ne: '07'\nf: [1, two, 3.0]\n",
    "anchors": "base: &b {x: 1}\nuse: *b\nagain: *b\n",
    "nested 150 deep": "k: " + "[" * 150 + "]" * 150 + "\n",
    "nested 150 deep, blocks": "".join(" " * i + f"k{i}:\n" for i in range(150)) + " " * 150 + "x",
    "alias loop": "title: &t [a, *t]\n",
    "duplicate key": "title: A\nslides: []\ntitle: B\n",
    "bad date": "date: 2024-02-31\n",
    "tab indent": "slides:\n\t- title: A\n",
    "unclosed quote": 'title: "no end\nslides: []\n',
    "undefined alias": "n: *four\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "empty": "",
}


def _read(text: str, fast: object, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setattr(yamlpos, "_FAST", fast)
    try:
        found = yamlpos.load_located(Path("doc.yaml"), text)
    except ValidationError as exc:
        return ("problems", [str(p) for p in exc.problems])
    return (found.data, found.positions, found.key_positions)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize(
    "text",
    [*(p.read_text(encoding="utf-8") for p in FILES), *DOCUMENTS.values()],
    ids=[*(p.name for p in FILES), *DOCUMENTS],
)
def test_libyaml_reads_as_pyyaml_does(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _read(text, yaml.CSafeLoader, monkeypatch) == _read(text, None, monkeypatch)


def test_nesting_is_stopped_at_the_same_node(monkeypatch: pytest.MonkeyPatch) -> None:
    told = _read(DOCUMENTS["nested 150 deep"], getattr(yaml, "CSafeLoader", None), monkeypatch)
    assert told == ("problems", ["doc.yaml:1:103: nested more than 100 levels deep; flatten it"])


def test_a_key_counts_as_a_level_down(monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML's parser counts a mapping's key as a level below the mapping, as its value.
    text = DOCUMENTS["nested 150 deep, blocks"]
    told = _read(text, getattr(yaml, "CSafeLoader", None), monkeypatch)
    assert told == ("problems", ["doc.yaml:100:100: nested more than 100 levels deep; flatten it"])
