"""The candidates list ranks a theme with the outline's `language:`, as composing does."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.compose.composer import compose
from briefing.outline.load import load_outline
from briefing.outline.themes import load_themes
from briefing.sources.library import Library
from briefing.tui.present.candidates import candidate_rows
from tests.conftest import write

GERMAN = (
    "Die sogenannte Just Energy Transition Partnership (JETP) mit den G7-Staaten sieht "
    "Finanzhilfen für den Ausstieg aus der Kohle vor, doch bisher floss wenig Geld.\n\n"
)
ENGLISH = (
    "The Just Energy Transition Partnership (JETP) promised funds to retire coal plants "
    "early, but little of the money has been disbursed so far, officials said.\n\n"
)


@pytest.mark.parametrize(("language", "german_listed"), [("[en]", False), ("[en, de]", True)])
def test_candidates_follow_the_outline_language(tmp_path: Path, language, german_listed):
    write(tmp_path / "sources" / "de.txt", GERMAN + GERMAN.replace("G7", "G8"))
    write(tmp_path / "sources" / "en.txt", ENGLISH)
    write(tmp_path / "themes" / "jetp.yaml", "title: JETP\nkeywords: [JETP, coal]\n")
    path = write(
        tmp_path / "outline.yaml",
        f"title: T\nsources: sources\nthemes: themes\nlanguage: {language}\n"
        "slides:\n  - title: Coal\n    theme: jetp\n    excerpts: 1\n",
    )
    outline = load_outline(path)
    themes = load_themes(outline.themes_dir, {"jetp"})
    library = Library(outline.sources_dir, db_path=tmp_path / "index.db")
    try:
        deck = compose(outline, library, themes)
        rows = candidate_rows(outline, 1, deck, library, themes["jetp"])
        assert ("de.txt" in {r.source for r in rows}) is german_listed
        assert "en.txt" in {r.source for r in rows}
    finally:
        library.close()
