"""An outline edit composes again only the slides whose excerpts it can change (`cache_reuse`),
and every edit still gives the deck that composing the edited outline afresh gives."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from briefing.compose import cache, cache_format, composer, ranking
from briefing.compose.cache import compose_cached
from briefing.sources import library
from tests.conftest import write

SOURCES = {
    "haiphong.txt": (
        "The harbour at Haiphong handles most of the north's container traffic. Port fees "
        "rose twice last year.\n\nDredging the port channel will take until 2027, the port "
        "authority said. A second terminal is planned.\n\nFishing boats share the harbour "
        "with the container ships, and the fishermen complain about the wash.\n"
    ),
    "danang.txt": (
        "Da Nang's port authority opened a cruise terminal in May. The harbour pilots "
        "want more tugs.\n\nRice from the central provinces leaves through the port at "
        "Tien Sa, where a new grain terminal stands.\n"
    ),
    "cantho.txt": (
        "Rice exports fell in the dry season. Farmers in the delta planted less rice.\n\n"
        "The harbour at Can Tho silted up in March, and rice barges waited a week.\n\n"
        "Salt water reached the rice paddies of the delta earlier than farmers expected.\n"
    ),
    "saigon.txt": (
        "Saigon port moved its container terminal to Cat Lai. Traffic at the harbour "
        "doubled in ten years.\n\nThe city's rice traders buy from the delta's farmers.\n"
    ),
}
THEMES = {
    "ports": "title: Ports\nkeywords: [harbour, port, terminal]\n",
    "farming": "title: Farming\nkeywords: [rice, farmers, paddies]\n",
}
OUTLINE = """\
title: Ports and rice
sources: sources
themes: themes
slides:
  - title: Summary
    bullets: [First point.]
    notes: "{{ deck.slides | join(', ') }}"
  - title: Harbours
    theme: ports
    excerpts: 2
  - title: More harbours
    theme: ports
    excerpts: 2
  - title: Farming
    theme: farming
    excerpts: 12
  - title: Pinned
    pins:
      - source: saigon.txt
        quote: The city's rice traders buy from the delta's farmers.
"""


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    for name, text in SOURCES.items():  # written a while ago: no "racily clean" stamps
        old = time.time() - 60
        os.utime(write(tmp_path / "sources" / name, text), (old, old))
    for name, text in THEMES.items():
        write(tmp_path / "themes" / f"{name}.yaml", text)
    return write(tmp_path / "deck.yaml", OUTLINE)


def _fresh(outline: Path) -> dict:
    """The deck composed afresh: no deck cache (stored rankings are the same either way)."""
    return composer.compose_file(outline).to_json()


def _edit(outline: Path, old: str, new: str) -> None:
    text = outline.read_text("utf-8")
    assert old in text
    outline.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def composed_slides(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the slides the composer composes anew (not taken from the last deck)."""
    seen: list[str] = []
    real = composer._slide

    def counting(library, themes, spec, *args):
        if spec.theme or spec.pins:  # a slide that quotes nothing is made anew: it costs nothing
            seen.append(spec.title)
        return real(library, themes, spec, *args)

    monkeypatch.setattr(composer, "_slide", counting)
    return seen


# A title alone is patched into the cached deck (test_cache_edit); with minutes the outline is
# validated and composed again, from the last deck's slides.
RETITLED = "title: Overview\n    minutes: 2"


def test_a_title_edit_opens_no_index_and_ranks_nothing(outline, monkeypatch, composed_slides):
    compose_cached(outline)

    def refuse(*_args, **_kwargs):
        raise AssertionError("a title edit opened the index or ranked a theme")

    with monkeypatch.context() as patch:
        patch.setattr(library.Library, "__init__", refuse)
        patch.setattr(ranking, "rank_theme", refuse)
        _edit(outline, "title: More harbours", "title: Harbours, continued\n    minutes: 3")
        deck = compose_cached(outline).to_json()
    assert composed_slides == ["Harbours", "More harbours", "Farming", "Pinned"]  # first run only
    assert deck == _fresh(outline)
    farming = deck["slides"][3]
    assert farming["warnings"] and farming["warnings"][0].startswith("slide 4 'Farming': ")


@pytest.mark.parametrize(
    ("old", "new", "anew"),
    [
        # the last themed slide asks for fewer: the slides before it keep their excerpts
        ("excerpts: 12", "excerpts: 1", ["Farming", "Pinned"]),
        # a slide that takes passages the next one would have: that one is composed again
        ("excerpts: 2\n  - title: More", "excerpts: 1\n  - title: More", None),
        # a new slide on a theme already ranked, before the others
        ("slides:\n", "slides:\n  - title: Ports first\n    theme: ports\n    excerpts: 1\n", None),
        # a pin: every slide's passages are kept off pinned ones
        (
            "  - title: Harbours\n",
            "  - title: Harbours\n    pins:\n      - source: danang.txt\n"
            "        quote: The harbour pilots want more tugs.\n",
            None,
        ),
        # an exclusion on one slide
        (
            "  - title: Farming\n",
            "  - title: Farming\n    exclude:\n      - source: cantho.txt\n"
            "        quote: Rice exports fell in the dry season.\n",
            ["Farming", "Pinned"],
        ),
        # two slides swap places
        (
            "  - title: Harbours\n    theme: ports\n    excerpts: 2\n"
            "  - title: More harbours\n    theme: ports\n    excerpts: 2\n",
            "  - title: More harbours\n    theme: ports\n    excerpts: 2\n"
            "  - title: Harbours\n    theme: ports\n    excerpts: 2\n",
            [],
        ),
    ],
)
def test_an_edit_that_changes_a_choice_gives_the_fresh_deck(
    outline, composed_slides, old, new, anew
):
    compose_cached(outline)
    composed_slides.clear()
    _edit(outline, old, new)
    deck = compose_cached(outline).to_json()
    if anew is not None:  # the slides before the edit (and equal ones after) were kept
        assert composed_slides == anew
    assert deck == _fresh(outline)


def test_a_theme_edit_composes_its_slides_again(outline, composed_slides):
    compose_cached(outline)
    composed_slides.clear()
    write(outline.parent / "themes" / "farming.yaml", "title: Farming\nkeywords: [delta]\n")
    deck = compose_cached(outline).to_json()
    assert composed_slides == ["Farming", "Pinned"]
    assert deck == _fresh(outline)


def test_a_changed_source_keeps_no_slide(outline, composed_slides):
    compose_cached(outline)
    composed_slides.clear()
    _edit(outline, "title: Summary", RETITLED)
    changed = outline.parent / "sources" / "danang.txt"
    changed.write_text("The harbour pilots struck in June. " + changed.read_text("utf-8"), "utf-8")
    deck = compose_cached(outline).to_json()
    assert composed_slides == ["Harbours", "More harbours", "Farming", "Pinned"]
    assert deck == _fresh(outline)


def test_a_record_whose_excerpts_are_not_their_sources_is_not_reused(outline, composed_slides):
    compose_cached(outline)
    record = cache._record_path(outline)
    raw = record.read_bytes()
    found = cache_format.loads(raw, cache.Record)
    first = found.deck.slides[1].excerpts[0].text
    header, _, payload = raw.partition(b"\n")
    planted = payload.replace(json.dumps(first).encode(), json.dumps(first.upper()).encode())
    assert planted != payload
    sha = re.sub(
        rb'"sha256": "[0-9a-f]+"',
        b'"sha256": "' + cache_format.hashlib.sha256(planted).hexdigest().encode() + b'"',
        header,
    )
    record.write_bytes(sha + b"\n" + planted)
    composed_slides.clear()
    _edit(outline, "title: Summary", RETITLED)
    deck = compose_cached(outline).to_json()
    assert composed_slides == ["Harbours", "More harbours", "Farming", "Pinned"]
    assert deck == _fresh(outline)


def test_a_proof_that_fails_proves_nothing():
    from briefing.compose.cache_proof import Proof

    def broken() -> str:
        raise OSError("the folder went away")

    assert Proof(lambda: "abc").result() == "abc"  # from the forked process
    assert Proof(broken).result() == ""


def test_a_folder_touched_since_the_record_keeps_slides_only_once_the_index_agrees(
    outline, composed_slides
):
    compose_cached(outline)
    composed_slides.clear()
    _edit(outline, "title: Summary", RETITLED)
    touched = outline.parent / "sources" / "saigon.txt"
    os.utime(touched, (time.time() - 30, time.time() - 30))  # same bytes, a new time
    deck = compose_cached(outline).to_json()
    assert deck == _fresh(outline)
