"""The excerpt-quality harness (bench/quality/evaluate.py) without composing: its gold files
validate, a run of one part judges only that part's gold, and quotes from an .html page are judged
on the page's canonical text (what `briefing text` prints), never on its markup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
QUALITY = ROOT / "bench" / "quality"
PAGE = "asia-rail-lao-cai-haiphong.html"


evaluate = load_script("bench_quality_evaluate", QUALITY / "evaluate.py")


def _seed_gold(n: int = 6) -> list[dict]:
    """The first n seed passages of gold.yaml's china-balancing theme (real, verbatim quotes)."""
    data = yaml.safe_load((QUALITY / "gold.yaml").read_text(encoding="utf-8"))
    seeds = [e for e in data["themes"]["china-balancing"]["gold"] if e["source"][:1].isdigit()]
    return [{"source": e["source"], "quote": e["quote"]} for e in seeds[:n]]


def _gold_file(tmp_path: Path, extra: list[dict], part: str = "mini") -> Path:
    """A one-part gold file over a docs folder holding one saved web page."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copy2(QUALITY / "docs-fresh" / PAGE, docs / PAGE)
    gold = {
        "docs_dir": str(docs),
        "split": {part: {"themes": ["china-balancing"], "docs": [PAGE]}},
        "themes": {"china-balancing": {"gold": _seed_gold() + extra}},
    }
    path = tmp_path / f"gold-{part}.yaml"
    path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    return path


FRESH_PARTS = ["fresh"] + [f"fresh{n}" for n in range(2, 15)]


def test_the_shipped_gold_files_validate(capsys):
    assert [p.name for p in evaluate.GOLD_FILES] == ["gold.yaml"] + [
        f"gold-{part}.yaml" for part in FRESH_PARTS
    ]
    assert evaluate.main(["--validate-only"]) == 0
    out = capsys.readouterr().out
    assert "gold.yaml ok: parts tune, holdout; 8 themes" in out
    for part in FRESH_PARTS:
        assert f"gold-{part}.yaml ok: parts {part}; 8 themes" in out


def test_gold_option_replaces_the_default_files(capsys):
    assert evaluate.main(["--validate-only", "--gold", str(QUALITY / "gold.yaml")]) == 0
    out = capsys.readouterr().out
    assert "gold.yaml ok" in out
    for part in FRESH_PARTS:
        assert f"gold-{part}.yaml" not in out


def test_one_part_loads_only_its_own_gold():
    parts, themes = evaluate.load_gold(evaluate.GOLD_FILES, "tune")
    assert list(parts) == ["tune"]
    assert "fresh" not in themes  # gold-fresh.yaml's split is read, its passages are not judged
    parts, themes = evaluate.load_gold(evaluate.GOLD_FILES, "fresh")
    assert list(parts) == ["fresh"]
    assert sorted(themes["fresh"]) == sorted(p.stem for p in (QUALITY / "themes").glob("*.yaml"))
    assert all(doc in parts["fresh"].docs for doc in ("oped-chip-packaging-bet.html", PAGE))
    assert "fresh2" not in themes
    parts, themes = evaluate.load_gold(evaluate.GOLD_FILES, "fresh2")
    assert list(parts) == ["fresh2"]
    assert list(themes) == ["fresh2"]  # neither fresh nor tune is judged on a fresh2 run
    assert sorted(themes["fresh2"]) == sorted(p.stem for p in (QUALITY / "themes").glob("*.yaml"))
    assert parts["fresh2"].docs_dir == QUALITY / "docs-fresh2"
    assert parts["fresh2"].docs == sorted(p.name for p in (QUALITY / "docs-fresh2").iterdir())
    assert "fresh3" not in themes


@pytest.mark.parametrize(
    "part",
    [
        "fresh3",
        "fresh4",
        "fresh5",
        "fresh6",
        "fresh7",
        "fresh8",
        "fresh9",
        "fresh10",
        "fresh11",
        "fresh12",
    ],
)
def test_a_blind_part_loads_only_its_own_gold(part: str) -> None:
    parts, themes = evaluate.load_gold(evaluate.GOLD_FILES, part)
    assert list(themes) == [part]  # no other part's gold is judged on its run
    assert sorted(themes[part]) == sorted(p.stem for p in (QUALITY / "themes").glob("*.yaml"))
    assert parts[part].docs_dir == QUALITY / f"docs-{part}"
    assert parts[part].docs == sorted(p.name for p in (QUALITY / f"docs-{part}").iterdir())


def test_an_unknown_part_is_one_clear_line(capsys):
    assert evaluate.main(["--part", "nope", "--validate-only"]) == 2
    err = capsys.readouterr().err.strip()
    parts = (
        "tune, holdout, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9,"
        " fresh10, fresh11, fresh12, fresh13, fresh14"
    )
    assert err == f"evaluate.py: no part 'nope' in the gold files; parts: {parts}"


def test_html_quotes_are_judged_on_canonical_text(tmp_path: Path, capsys):
    # Across two paragraphs: in the canonical text, not in the markup (a </p><p> lies between).
    across = "a job that can take two days.\n\nThat is supposed to end."
    assert across not in (QUALITY / "docs-fresh" / PAGE).read_text(encoding="utf-8")
    good = _gold_file(tmp_path, [{"source": PAGE, "quote": across}])
    assert evaluate.main(["--validate-only", "--gold", str(good)]) == 0
    assert "gold-mini.yaml ok: parts mini; 1 themes, 7 gold passages" in capsys.readouterr().out


def test_a_quote_from_the_markup_is_rejected(tmp_path: Path, capsys):
    markup = "Share on Facebook"  # a share widget: in the file, not in the canonical text
    assert markup in (QUALITY / "docs-fresh" / PAGE).read_text(encoding="utf-8")
    bad = _gold_file(tmp_path, [{"source": PAGE, "quote": markup}])
    assert evaluate.main(["--validate-only", "--gold", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "china-balancing.gold[6]: quote is not a verbatim substring of" in err
    assert PAGE in err


def test_an_html_document_in_no_part_is_an_error(tmp_path: Path, capsys):
    gold = _gold_file(tmp_path, [])
    shutil.copy2(QUALITY / "docs-fresh" / "oped-chip-packaging-bet.html", tmp_path / "docs")
    assert evaluate.main(["--validate-only", "--gold", str(gold)]) == 2
    err = capsys.readouterr().err
    assert "documents in no part: oped-chip-packaging-bet.html" in err


def test_a_part_name_in_two_files_is_an_error(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = _gold_file(tmp_path / "a", []), _gold_file(tmp_path / "b", [])
    with pytest.raises(evaluate.HarnessError, match="part 'mini' is also in"):
        evaluate.load_gold([first, second])
