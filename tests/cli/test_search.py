"""`briefing search` as a user runs it, in a subprocess: verbatim hits with citations, the JSON
shape, and every kind of bad input as one clear line and a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def briefing(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m briefing ARGS...` in `cwd`, with the test's cache folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_hits_are_verbatim_slices_of_briefing_text(project: Path) -> None:
    result = briefing("search", "Vietnam", "-n", "4", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["query"] == "Vietnam"
    hits = payload["hits"]
    assert 1 <= len(hits) <= 4
    texts: dict[str, str] = {}
    for hit in hits:
        assert {"source", "start", "end", "text", "citation", "score"} <= hit.keys()
        assert isinstance(hit["start"], int) and isinstance(hit["end"], int)
        assert hit["citation"] and "vietnam" in hit["text"].lower()
        if hit["source"] not in texts:
            shown = briefing("text", project / "seeds" / hit["source"], cwd=project)
            assert shown.returncode == 0, shown.stderr
            texts[hit["source"]] = shown.stdout
        canonical = texts[hit["source"]]
        assert canonical[hit["start"] : hit["end"]] == hit["text"]


def test_text_output_names_source_offsets_citation_and_quotes_verbatim(project: Path) -> None:
    found = json.loads(briefing("search", '"supply chain"', "--json", cwd=project).stdout)["hits"]
    assert found
    result = briefing("search", '"supply chain"', cwd=project)
    assert result.returncode == 0, result.stderr
    first = found[0]
    assert f"{first['source']} [{first['start']}:{first['end']}]" in result.stdout
    assert first["citation"] in result.stdout
    assert first["text"] in result.stdout


def test_outline_and_sources_pick_the_folder(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "only.txt").write_text(
        "Zanzibar harbour trade grew in the spring. Nothing else happened there.\n", "utf-8"
    )
    hits = json.loads(
        briefing("search", "Zanzibar", "--sources", other, "--json", cwd=tmp_path).stdout
    )["hits"]
    assert [h["source"] for h in hits] == ["only.txt"]
    outline = project / "outlines" / "us-vietnam.yaml"
    via_outline = briefing("search", "Zanzibar", "--outline", outline, "--json", cwd=tmp_path)
    assert via_outline.returncode == 0, via_outline.stderr
    assert json.loads(via_outline.stdout)["hits"] == []


def test_limit_is_respected(project: Path) -> None:
    hits = json.loads(briefing("search", "Vietnam", "-n", "1", "--json", cwd=project).stdout)
    assert len(hits["hits"]) == 1


def test_words_that_say_nothing_are_not_required_beside_others(tmp_path: Path) -> None:
    """ "the partnership" finds what "partnership" finds, passages without "the" among them
    (a memo's terse lines, a headline); quoted, "the" is looked for; alone, it is searched."""
    folder = tmp_path / "memos"
    folder.mkdir()
    (folder / "memo.txt").write_text(
        "HANOI - Partnership talks resumed on Monday after a pause of two months, officials "
        "said.\n\nNegotiators expect partnership terms covering ports and rice exports soon.\n",
        "utf-8",
    )
    (folder / "report.txt").write_text(
        "The partnership with the port authority was signed in the spring by the ministers "
        "of both countries.\n\nThe weather delayed the harvest in the north of the country.\n",
        "utf-8",
    )

    def hits(query: str) -> list[tuple[str, int, int]]:
        result = briefing("search", query, "--sources", folder, "--json", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return [(h["source"], h["start"], h["end"]) for h in json.loads(result.stdout)["hits"]]

    plain = hits("partnership")
    assert {source for source, _s, _e in plain} == {"memo.txt", "report.txt"}
    assert hits("the partnership") == hits("Partnership of the") == plain
    quoted = hits('"the partnership"')
    assert quoted and {source for source, _s, _e in quoted} == {"report.txt"}
    assert {source for source, _s, _e in hits("the")} == {"report.txt"}


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["search", ""], "QUERY is empty"),
        (["search", "   "], "QUERY is empty"),
        (["search", '"'], "holds no words"),
        (["search", "?!"], "holds no words"),
        (["search", "NEAR("], "only search operators"),
        (["search", "AND OR"], "only search operators"),
        (["search", "Vietnam", "-n", "0"], "--limit"),
        (["search", "Vietnam", "-n", "-3"], "--limit"),
        (["search", "Vietnam", "--sources", "missing"], "sources folder missing does not exist"),
        (["search", "Vietnam", "--sources", "seeds/sources.yaml"], "is not a folder"),
        (["search", "Vietnam", "--outline", "nope.yaml"], "nope.yaml"),
    ],
)
def test_bad_input_is_one_clear_line(project: Path, args: list[str], fragment: str) -> None:
    result = briefing(*args, cwd=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert fragment in result.stderr, result.stderr
    assert result.stdout == ""
