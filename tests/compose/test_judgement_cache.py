"""Window judgements kept between runs by content: a re-rank after a change judges only the
changed source's windows, gives the deck an empty cache gives (byte for byte), and a damaged
judgement is judged again, never trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.compose import openers
from briefing.compose.cache import compose_cached
from briefing.compose.composer import compose_file
from briefing.outline.themes import Theme
from tests.compose.ranked import damage_batches, rank_fresh, trade_theme
from tests.conftest import write_folder

DOCS = {  # openers, a dateline, a lone keyword and a context form: every judgement field
    "wire.txt": "HANOI, Aug 22 (Reuters) - Exports of electronics rose by a fifth, officials "
    "said, as tariffs on phones fell.\n\nThe deal was hailed by exporters as a trade win.\n",
    "ports.txt": "Meanwhile, shipping lines added routes after exports of textiles doubled, "
    "and the trade ministry expects tariffs to fall.\n\nHe said trade would grow.\n",
    "farms.txt": "We spoke with Dr. Lan about rice exports and tariffs in the region.\n\n"
    "Farmers said the weather had been kind, and trade in coffee grew.\n",
}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "src", DOCS)


@pytest.fixture
def theme(tmp_path: Path) -> Theme:
    return trade_theme(
        tmp_path,
        ("exports", "tariffs", "trade", "routes"),
        weights={"exports": 2.0},
        context=("routes",),
    )


def _judged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The window texts whose openers are judged from now on."""
    seen: list[str] = []
    real = openers.editorial
    monkeypatch.setattr(openers, "editorial", lambda text: seen.append(text) or real(text))
    return seen


def _change(sources: Path) -> Path:
    changed = sources / "ports.txt"
    changed.write_text(changed.read_text("utf-8") + "\nTariffs on exports fell.\n", "utf-8")
    return changed


def test_a_re_rank_after_a_change_judges_only_the_changed_sources_windows(
    tmp_path, sources, theme, monkeypatch
):
    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    assert {c.source for c in first} == set(DOCS)
    text = _change(sources).read_text("utf-8")
    seen = _judged(monkeypatch)
    after = rank_fresh(sources, db, theme)
    assert seen and all(window in text for window in seen)  # the others' were read back
    monkeypatch.undo()
    assert after == rank_fresh(sources, tmp_path / "fresh.db", theme)


def test_judgements_read_back_give_every_field_as_judging_does(tmp_path, sources, theme):
    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    Path(f"{db}.rankings").unlink()  # rank again from the kept judgements
    again = rank_fresh(sources, db, theme)
    assert again == first
    assert any(c.start != c.para_start for c in again if c.source == "wire.txt")  # dateline


def _damaged(columns: list[list], damage: str) -> None:
    """Damage every kept window: columns document, start, end, paragraph start and end,
    plain concepts, flags, dateline end, terms."""
    rows = range(len(columns[0]))
    if damage == "checksum":  # an opener flag flipped, as a flipped bit might
        columns[6] = [flags ^ 4 for flags in columns[6]]
    elif damage == "span":  # other windows' judgements
        columns[1] = [start + 1 for start in columns[1]]
    elif damage == "fields":
        del columns[-1]
    else:
        where, value = {
            "concept": (5, [99]),  # no such concept
            "absent": (5, [0, 1, 2, 3]),  # concepts the paragraph does not hold
            "dateline": (7, 999999),  # beyond the window
            "flags": (6, 8),
            "flag type": (6, "100"),
            "no terms": (8, []),
            "empty term": (8, [""]),
        }[damage]
        columns[where] = [value for _ in rows]


@pytest.mark.parametrize(
    "damage",
    [
        "checksum",
        "span",
        "concept",
        "absent",
        "dateline",
        "flags",
        "flag type",
        "no terms",
        "empty term",
        "fields",
    ],
)
def test_damaged_judgements_are_judged_again_never_trusted(tmp_path, sources, theme, damage):
    db = tmp_path / "index.db"
    first = rank_fresh(sources, db, theme)
    Path(f"{db}.rankings").unlink()

    def change(batch: dict, texts: str) -> str:
        assert len(batch["w"][0]) >= len(first)
        _damaged(batch["w"], damage)
        return texts

    damage_batches(db, change, matching_crc=damage != "checksum")
    assert rank_fresh(sources, db, theme) == first


def test_a_compose_after_a_change_prints_the_deck_a_fresh_cache_prints(project, monkeypatch):
    outline = project / "outlines" / "us-vietnam.yaml"
    compose_cached(outline)  # indexes, ranks and judges every theme's windows
    for changed in sorted((project / "seeds").glob("*.txt"))[:2]:
        changed.write_text(
            changed.read_text("utf-8") + "\nMeanwhile, semiconductor exports and the four nos "
            "framed the talks with China on human rights.\n",
            encoding="utf-8",
        )
    after = json.dumps(compose_cached(outline).to_json(), ensure_ascii=False, indent=2)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "empty-cache"))
    fresh = json.dumps(compose_file(outline).to_json(), ensure_ascii=False, indent=2)
    assert after == fresh
