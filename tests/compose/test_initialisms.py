"""A phrase and its initials ("extended producer responsibility", "EPR") are one keyword."""

from __future__ import annotations

from pathlib import Path

from briefing.compose.evidence import concepts
from briefing.compose.ranking import rank_theme
from briefing.outline.themes import Theme
from briefing.sources.library import Library
from tests.conftest import write_folder

FILLER = (
    "The weather in the capital was mild for the season and the markets were calm all week.\n\n"
)


def _theme(tmp: Path, keywords: list[str], weights: dict[str, float] | None = None) -> Theme:
    return Theme(
        id="t",
        title="T",
        keywords=tuple(keywords),
        weights=weights or {},
        exclude=(),
        summary=None,
        path=tmp / "t.yaml",
        context=(),
    )


def test_initials_written_in_capitals_join_their_phrase(tmp_path):
    theme = _theme(
        tmp_path,
        ["World Trade Organization", "WTO", "missing in action", "MIA", "South East Asia", "sea"],
    )
    found = {c.keyword: c for c in concepts(theme)}
    assert found["World Trade Organization"].members == ("World Trade Organization", "WTO")
    assert found["World Trade Organization"].aliases == (("wto",),)
    assert "WTO" not in found
    assert found["missing in action"].aliases == (("mia",),)  # "in" counts: M-I-A
    # a lower-case word that happens to spell the initials is not an abbreviation of it
    assert "sea" in found and not found["South East Asia"].aliases


def test_a_phrase_spelt_out_and_abbreviated_is_not_two_keywords_agreeing(tmp_path):
    """A wire story names one keyword twice ("extended producer responsibility (EPR)"), a
    report's passage names two of the theme's keywords: the report's passage is the one about
    the theme. Counted as two keywords, the wire story came first."""
    wire = (
        "DA NANG, March 4 - Packaging firms will pay fees under new extended producer "
        "responsibility (EPR) rules from next year, and the EPR fund will be run by the "
        "environment ministry, officials said on Monday.\n\n"
    )
    report = (
        "Most plastic waste collected along the central coast is burned or buried, and less "
        "than a tenth reaches recycling plants, according to the survey of twelve provinces.\n\n"
    )
    docs = {"wire.txt": FILLER * 3 + wire, "report.txt": FILLER * 3 + report}
    library = Library(write_folder(tmp_path / "src", docs), db_path=tmp_path / "index.db")
    try:
        theme = _theme(
            tmp_path,
            ["extended producer responsibility", "EPR", "plastic waste", "recycling"],
        )
        ranked = rank_theme(library, theme)
        assert ranked[0].source == "report.txt"
        assert {"EPR", "extended producer responsibility"} <= set(
            next(c for c in ranked if c.source == "wire.txt").terms
        )
    finally:
        library.close()
