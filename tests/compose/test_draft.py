"""The draft deck `present` paints first: the outline's own slides, without composing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefing.compose.cache import compose_cached
from briefing.compose.draft import draft_deck
from briefing.errors import ValidationError


def test_the_draft_has_the_composed_decks_slides_without_excerpts(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    draft, deck = draft_deck(outline), compose_cached(outline)
    assert (draft.title, draft.subtitle, draft.marking) == (deck.title, deck.subtitle, deck.marking)
    assert [s.title for s in draft.slides] == [s.title for s in deck.slides]
    assert [s.bullets for s in draft.slides] == [s.bullets for s in deck.slides]
    assert [s.line for s in draft.slides] == [s.line for s in deck.slides]
    assert all(not s.excerpts for s in draft.slides)
    assert [s.pending for s in draft.slides] == [s.theme is not None for s in deck.slides]
    assert not any(s.pending for s in deck.slides)


def test_a_broken_outline_fails_before_anything_is_shown(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    outline.write_text(outline.read_text(encoding="utf-8").replace("title:", "titel:", 1))
    with pytest.raises(ValidationError, match="titel"):
        draft_deck(outline)


def test_the_draft_loads_neither_the_index_nor_the_ranking(project):
    script = (
        "import sys; from pathlib import Path; from briefing.compose.draft import draft_deck;"
        f"draft_deck(Path({str(project / 'outlines' / 'us-vietnam.yaml')!r}));"
        "heavy = [m for m in ('briefing.compose.ranking', 'briefing.sources.index', 'syntok',"
        " 'jinja2', 'briefing.compose.speaker') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
