"""A machine-translated page whose articles are right still ranks below clean pages: its
adjective-after-noun word order lowers the document's quality prior."""

from __future__ import annotations

from briefing.compose.ranking import prior
from briefing.sources.analysis import analyse, doc_quality

TRANSLATED = """Hydropower in the delta: need soon to have mechanism for investors

The province has coastline long, but until now still not have any dam was approved for survey.

According to the plan, hydropower still is the source main in the period transition, and the
investment for the grid is the task main of the province.

Many investors foreign has come to learn, but because not yet have the regulation so all wait.

The officials say, the dam projects also related to the issue protect the river and the farms.
"""

CLEAN = """Hydropower in the delta needs rules before investors commit

The province has a long river system, but no dam project has yet been approved for a survey.

Under the plan, hydropower remains the main source of power during the transition, and grid
investment is the province's main task.

Many foreign investors have visited, officials said, but they are waiting for rules on permits.
"""


def _document_prior(text: str) -> float:
    _doc, windows = analyse("page.txt", "0" * 40, text)
    return prior(60, doc_quality(windows.sentences, windows.garbled), False)


def test_a_translated_page_ranks_below_the_clean_page_on_the_same_facts():
    assert _document_prior(CLEAN) == prior(60, 1.0, False)
    assert _document_prior(TRANSLATED) < 0.5 * _document_prior(CLEAN)
