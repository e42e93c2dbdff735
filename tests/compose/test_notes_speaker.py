"""Speaker notes name whose words an excerpt reports, as the slide's attribution line does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.compose.composer import compose_file
from briefing.compose.notes import speaker_notes
from briefing.deck import Deck, Excerpt, Slide, SourceInfo
from briefing.outline.notes_context import notes_context
from tests.conftest import write

SOURCE = SourceInfo(
    "port.txt",
    title="Danang port expansion stalls",
    author="Lena Hartmann",
    publisher="Harbour Weekly",
    date=date(2024, 3, 5),
)


def _slide(speaker_name: str | None) -> Slide:
    excerpt = Excerpt(
        SOURCE,
        0,
        48,
        "The new berth will not open before 2026, she said.",
        paragraph="Port director Mai Linh Vo spoke on Monday. The new berth will not open "
        "before 2026, she said.",
        ref=1,
        speaker=speaker_name,
    )
    return Slide(title="Ports", theme="ports", excerpts=(excerpt,))


def test_notes_credit_the_reported_speaker_before_the_full_citation():
    notes = speaker_notes(_slide("Mai Linh Vo"))
    first = notes.splitlines()[0]
    assert first.startswith("[1] Mai Linh Vo, quoted in Lena Hartmann, \u201cDanang port")
    assert "Harbour Weekly, 5 Mar 2024" in first


def test_notes_of_the_authors_own_words_name_no_speaker():
    notes = speaker_notes(_slide(None))
    assert notes.splitlines()[0].startswith("[1] Lena Hartmann, \u201cDanang port")
    assert "quoted in" not in notes


def test_the_notes_template_can_read_the_speaker_and_attribution():
    deck = Deck(title="T", slides=(_slide("Mai Linh Vo"),))
    fields = notes_context(deck, 1, None)["excerpts"][0]
    assert fields["speaker"] == "Mai Linh Vo"
    assert fields["attribution"] == "Mai Linh Vo, quoted in Hartmann, Harbour Weekly, 5 Mar 2024"
    plain = notes_context(Deck(title="T", slides=(_slide(None),)), 1, None)["excerpts"][0]
    assert plain["speaker"] is None
    assert plain["attribution"] == "Hartmann, Harbour Weekly, 5 Mar 2024"


NEWS = """Danang port expansion stalls over dredging permits

By Lena Hartmann | Harbour Weekly | 5 March 2024

DANANG, Vietnam - Work on the deep-water container terminal at Lien Chieu has slowed because
dredging permits for the approach channel are still waiting for approval in Hanoi.

"We cannot berth the larger container ships until the channel is dredged to fourteen metres,"
said Tran Quoc Bao, deputy director of the Danang port authority.

The container terminal was meant to open in 2025 and would double the city's container capacity,
according to the provincial planning office.
"""

THEME = """title: Ports
keywords:
  - container terminal
  - channel
  - dredged
  - container ships
"""


def test_composed_notes_and_rendered_template_name_the_speaker(tmp_path: Path):
    write(tmp_path / "sources" / "port-news.txt", NEWS)
    write(tmp_path / "themes" / "ports.yaml", THEME)
    outline = write(
        tmp_path / "outline.yaml",
        "title: Ports\nsources: sources\nthemes: themes\nslides:\n"
        "  - title: Ports\n    theme: ports\n    excerpts: 2\n"
        '    notes: "{% for e in excerpts %}{{ e.attribution }}; {% endfor %}"\n',
    )
    deck = compose_file(outline)
    slide = deck.slides[0]
    quoted = [e for e in slide.excerpts if "fourteen metres" in e.text]
    assert quoted, [e.text for e in slide.excerpts]
    assert quoted[0].speaker is not None and "Tran Quoc Bao" in quoted[0].speaker
    assert "Tran Quoc Bao" in slide.notes  # the outline's template, via `attribution`
    notes = speaker_notes(slide, deck)
    line = next(ln for ln in notes.splitlines() if ln.startswith(f"[{quoted[0].ref}]"))
    assert line.startswith(f"[{quoted[0].ref}] {quoted[0].speaker}, quoted in ")
