"""Windows do not stop on a short sentence that leads into the next one."""

from __future__ import annotations

from briefing.sources.analysis import analyse

REPORT = """# Mekong Outlook: Cambodia's Dam Diplomacy

**Lower Mekong Review | 3 April 2024**

Prime Minister Hun Manet has called Cambodia's approach to upstream dams "river diplomacy", a \
phrase borrowed from a speech his father gave at a summit in Vientiane in 2019. In practice, \
the phrase names a bargaining strategy. Phnom Penh trades its silence on Chinese dams upstream \
for Chinese loans to build its own, and it keeps Vietnam, downstream, informed but not consulted.

Farmers in the delta see the cost every dry season. Salt water now reaches forty kilometres \
further inland than it did a decade ago, and rice yields in three provinces fell last year. \
The ministry calls this a crisis.
"""


def _texts() -> list[str]:
    _doc, result = analyse("mekong.md", "sha", REPORT)
    return [REPORT[w.start : w.end] for w in result.windows]


def test_a_window_runs_on_through_the_sentence_a_lead_in_announces():
    texts = _texts()
    lead_in = "In practice, the phrase names a bargaining strategy."
    assert not any(t.endswith(lead_in) for t in texts), texts
    from_start = [t for t in texts if t.startswith("Prime Minister Hun Manet")]
    assert any(lead_in in t and t.endswith("informed but not consulted.") for t in from_start)
    assert any(t.startswith(lead_in) and t.endswith("consulted.") for t in texts)


def test_a_short_sentence_that_ends_its_paragraph_still_ends_a_window():
    texts = _texts()
    assert any(
        t.startswith("Salt water now reaches") and t.endswith("The ministry calls this a crisis.")
        for t in texts
    ), texts


def test_every_window_is_whole_sentences_of_the_text():
    _doc, result = analyse("mekong.md", "sha", REPORT)
    for w in result.windows:
        text = REPORT[w.start : w.end]
        assert text[0].isupper() and text.rstrip().endswith("."), text
        assert len(text.split()) == w.words
