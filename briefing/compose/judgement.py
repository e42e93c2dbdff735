"""What judging one candidate window finds that depends only on its text and the theme.

Judging a window (which keywords it holds, how often, whether each has company, how it opens,
where a dateline ends, the surfaces it matched) reads its words and runs the openers' patterns:
most of what a re-rank costs in Python. None of it depends on the rest of the corpus, so it is
kept between runs by content (`hit_cache`, keyed by the document's content hash, the window's
and its paragraph's spans and the theme's key); what does depend on the corpus (each concept's
specificity: IDF and company) is applied afterwards by `relevance`, in the same order of
operations as judging from scratch, so the score is the same float either way.

A stored judgement is untrusted: `decode` returns False for anything not as `encode` writes it,
and `agrees` checks it against the paragraph's keyword hits (then the window is judged again).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

PARAGRAPH_SHARE = 0.3  # what a keyword elsewhere in the paragraph adds, relative to the window
LONE_KEYWORD = 0.45  # one keyword, nothing else in the paragraph: weak evidence
NEEDS_COMPANY = 0.15  # a `context:` keyword with no other theme keyword near it
REPEAT_BONUS = 0.15  # per repeated mention of a keyword in the window (at most two count)
DEFINITE_REFERENCE = 0.5  # opens on "The deal was hailed": the slide does not say which deal
CONNECTIVE = 0.85  # opens on "Meanwhile," or "Yet": leans back a little, but says what it means
EDITORIAL = 0.3  # "We spoke with Dr. X about ...": the page introducing itself, not evidence


@dataclass(frozen=True)
class Judgement:
    """A window's evidence before specificity: its concepts (in the order judging met them),
    their mentions and whether each lacks company, the paragraph's other concepts, and the
    window's openers."""

    inside: tuple[tuple[int, int, bool], ...]  # (concept, mentions, needs company)
    paragraph: tuple[int, ...]  # concepts elsewhere in the paragraph
    lone: bool  # one real keyword: weak evidence
    definite: bool  # opens on a definite reference ("The deal was hailed")
    connective: bool  # opens on a connective ("Meanwhile, ...")
    editorial: bool  # the publication talking about itself
    after: int  # where the words begin after a dateline (the window's start when none)
    terms: tuple[str, ...]  # the keyword surfaces it matched, as written


NO_EVIDENCE = "-"  # a window whose paragraph matched but which holds no keyword itself


def relevance(judged: Judgement, specificity: list[float], dangling: bool) -> float:
    """The window's relevance from its judgement and this corpus's specificities (the same
    operations, in the same order, as `evidence.rank` judging it from scratch)."""
    value = 0.0
    for i, mentions, alone in judged.inside:
        part = specificity[i] * (1 + REPEAT_BONUS * min(mentions - 1, 2))
        if alone:
            part *= NEEDS_COMPANY
        value += part
    value += PARAGRAPH_SHARE * sum(specificity[i] for i in judged.paragraph)
    if judged.lone:
        value *= LONE_KEYWORD  # one real keyword; a generic form is no company
    if judged.definite:
        value *= DEFINITE_REFERENCE
    elif dangling and judged.connective:
        value *= CONNECTIVE  # "Meanwhile, ..." names its subject; "He ..." does not
    if judged.editorial:
        value *= EDITORIAL
    return value


def encode(judged: Judgement | None) -> str:
    """A judgement as stored (NO_EVIDENCE for a window without evidence)."""
    if judged is None:
        return NO_EVIDENCE
    flags = [judged.lone, judged.definite, judged.connective, judged.editorial]
    spec = [[list(x) for x in judged.inside], list(judged.paragraph), flags, judged.after]
    return json.dumps([*spec, list(judged.terms)], separators=(",", ":"))


def decode(value: str, concepts: int, start: int, end: int) -> Judgement | bool | None:
    """The stored judgement of a window [start, end) of a theme with `concepts` concepts; None
    for NO_EVIDENCE; False when anything about it is not as `encode` writes it."""
    if value == NO_EVIDENCE:
        return None
    try:
        inside, paragraph, flags, after, terms = json.loads(value)
        parts = tuple((i, n, c) for i, n, c in inside)
    except (ValueError, TypeError):
        return False
    sound = (
        parts
        and all(_index(i, concepts) and type(n) is int and n >= 1 for i, n, _c in parts)
        and all(type(c) is bool for _i, _n, c in parts)
        and isinstance(paragraph, list)
        and all(_index(i, concepts) for i in paragraph)
        and isinstance(flags, list)
        and len(flags) == 4
        and all(type(f) is bool for f in flags)
        and type(after) is int
        and start <= after <= end
        and isinstance(terms, list)
        and all(isinstance(t, str) for t in terms)
    )
    if not sound:
        return False
    return Judgement(parts, tuple(paragraph), *flags, after, tuple(terms))


def agrees(
    judged: Judgement | None, hits: list[tuple[int, int, int]], start: int, end: int
) -> bool:
    """Whether a stored judgement says what the paragraph's hits (concept, start, end) say
    about the window [start, end): the same concepts, as often, and the paragraph's others."""
    mentions: dict[int, int] = {}
    for i, s, e in hits:
        if start <= s and e <= end:
            mentions[i] = mentions.get(i, 0) + 1
    if judged is None:
        return not mentions
    others = {i for i, _s, _e in hits} - mentions.keys()
    return (
        len(judged.inside) == len(mentions)
        and all(mentions.get(i) == n for i, n, _c in judged.inside)
        and len(judged.paragraph) == len(others)
        and set(judged.paragraph) == others
    )


def _index(i: object, concepts: int) -> bool:
    return type(i) is int and 0 <= i < concepts
