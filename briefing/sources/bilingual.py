"""Documents in two languages at once: a consulate's press release gives each paragraph in
Vietnamese and then in English, a ministry notice runs a summary in English after the original.
Judged whole, such a page reads as neither language; judged paragraph by paragraph, its English
can be quoted and its other language left out."""

from __future__ import annotations

from briefing.sources import quality
from briefing.sources.segment import Span

MIN_WORDS = 8  # a shorter paragraph (a dateline, a heading) says little about its language
# English prose has a fifth to a third of its words among the function words `quality` counts;
# Vietnamese or Polish prose almost none, German a few ("will", "in"). A paragraph between the
# bounds is no evidence either way.
ENGLISH_FROM = 0.10
OTHER_BELOW = 0.04
ENOUGH = 0.25  # each language must hold this share of the prose for the page to be bilingual
MIN_PARAGRAPHS = 2  # and this many paragraphs: one quoted line of another language is no page


MAY_BE_BELOW = 0.18  # a page's share of function words at which it may be half English


def may_be(sample: str, share: float | None = None) -> bool:
    """Whether a page whose first prose is `sample` may be bilingual: English prose has about a
    quarter of its words among the function words, a page half in another language less (most
    pages are read no further). `share`: the sample's english_share, if the caller has it."""
    if share is None:
        share = quality.english_share(sample)
    return share is not None and share < MAY_BE_BELOW


def split(text: str, spans: list[Span]) -> list[int] | None:
    """The indices of `spans` (prose paragraphs) not clearly in English, when English and
    another language each hold at least a quarter of the prose, in two paragraphs or more; None
    otherwise (a page in one language, or one quoting a line of another)."""
    english = other = total = 0
    english_paragraphs = other_paragraphs = 0
    unclear: list[int] = []
    for i, span in enumerate(spans):
        body = text[span.start : span.end]
        share = quality.english_share(body) or 0.0
        if share < ENGLISH_FROM:
            unclear.append(i)
        if len(body.split()) < MIN_WORDS:
            continue
        total += len(body)
        if share >= ENGLISH_FROM:
            english += len(body)
            english_paragraphs += 1
        elif share < OTHER_BELOW:
            other += len(body)
            other_paragraphs += 1
    if min(english_paragraphs, other_paragraphs) < MIN_PARAGRAPHS:
        return None
    if min(english, other) < ENOUGH * total:
        return None
    return unclear
