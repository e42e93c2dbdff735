"""A user can keep a passage that cleaning removed: a `keep:` entry in sources.yaml makes it
quotable again, and taking the entry out removes it again; `sources -v` shows which is which."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import briefing, write

RESCUED = (
    "Hanoi's decision to subscribe to the chip-packaging accord with Washington was the most "
    "consequential trade choice of the year, officials in both capitals said."
)
PAGE = f"""Vietnam's chip ambitions meet a tight labour market

By Linh Tran and Mark Ellis

HANOI (Reuters) - Vietnam wants a larger share of the world's semiconductor assembly, but its
factories are short of engineers, executives and officials said on Tuesday.

{RESCUED}

Packaging and testing plants near Hanoi employ about 20,000 people, and investors say training
is now the bottleneck for the semiconductor industry.
"""


def found(sources: Path, cwd: Path) -> bool:
    result = briefing("search", "chip-packaging accord", "--sources", sources, "--json", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    hits = json.loads(result.stdout)["hits"] if result.returncode == 0 else []
    return any("chip-packaging accord" in hit["text"] for hit in hits)


def removed_lines(sources: Path, cwd: Path) -> str:
    result = briefing("sources", "-v", "--sources", sources, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_keep_rescues_a_passage_cleaning_removed_and_undoing_it_removes_it(tmp_path: Path):
    sources = tmp_path / "sources"
    write(sources / "reuters-chips.txt", PAGE)
    assert "subscribe to the chip-packaging" in removed_lines(sources, tmp_path)
    assert not found(sources, tmp_path)  # the word "subscribe" made it a subscribe prompt

    catalogue = write(
        sources / "sources.yaml",
        f'reuters-chips.txt:\n  keep:\n    - "{RESCUED[:60]}"\n',
    )
    assert found(sources, tmp_path)
    assert "subscribe to the chip-packaging" not in removed_lines(sources, tmp_path)

    catalogue.write_text("reuters-chips.txt:\n  title: Chips\n", encoding="utf-8")
    assert not found(sources, tmp_path)


def test_a_keep_entry_must_be_a_list_of_text(tmp_path: Path):
    sources = tmp_path / "sources"
    write(sources / "reuters-chips.txt", PAGE)
    write(sources / "sources.yaml", "reuters-chips.txt:\n  keep: 42\n")
    result = briefing("sources", "--sources", sources, cwd=tmp_path)
    assert result.returncode != 0
    assert "sources.yaml:2" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
