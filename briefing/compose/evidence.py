"""Topical evidence for a theme: which keywords a window really contains, and how much they say.

FTS5 finds the candidates (recall); this module judges them (precision):

- a keyword counts only where a word of the same lexeme is in the window (`lexeme`), so a stem
  collision ("normally" for "normalisation") is no evidence at all;
- a phrase and the initials the theme writes in capitals ("foreign direct investment", "FDI")
  are one concept: spelling a term out and abbreviating it is not two keywords agreeing;
- a keyword weighs its theme weight times its specificity: IDF over the corpus's windows, and how
  often, among the candidates, it shares a paragraph with another of the theme's keywords
  ("environment" and "import" keep other company than a climate or trade theme's);
- a passage whose only evidence is one keyword needs support from its paragraph (another theme
  keyword there) before it can compete with a passage about the theme; a keyword the theme file
  lists under `context:` never counts on its own. Beside a plain keyword it is that keyword's
  company, as the theme file says ("interference" beside "political system"), unless the hit is
  the generic form of a concept the theme means in another form ("balance sheet" when the
  theme's plain form is "balancing").
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from briefing.compose import hit_cache, judgement, lexeme, openers, query, searches
from briefing.outline.themes import Theme
from briefing.sources.library import Library

T = TypeVar("T")

PARAGRAPH_SHARE = 0.3  # what a keyword elsewhere in the paragraph adds, relative to the window
LONE_KEYWORD = 0.45  # one keyword, nothing else in the paragraph: weak evidence
NEEDS_COMPANY = 0.15  # a `context:` keyword with no other theme keyword near it
REPEAT_BONUS = 0.15  # per repeated mention of a keyword in the window (at most two count)
DEFINITE_REFERENCE = 0.5  # opens on "The deal was hailed": the slide does not say which deal
CONNECTIVE = 0.85  # opens on "Meanwhile," or "Yet": leans back a little, but says what it means
EDITORIAL = 0.3  # "We spoke with Dr. X about ...": the page introducing itself, not evidence
DF_CAP = 50_000  # counting a keyword's windows stops here: beyond it the word is common anyway


@dataclass(frozen=True)
class Concept:
    """Keywords with the same lemmas ("semiconductor", "semiconductors") are one concept, and
    so are a phrase and its initials ("foreign direct investment", "FDI")."""

    lemmas: tuple[str, ...]
    keyword: str  # the member the theme weights most
    members: tuple[str, ...]
    weight: float
    context: bool  # needs another theme keyword nearby to count
    plain_forms: tuple[str, ...] = ()  # members not under `context:`, lower case
    aliases: tuple[tuple[str, ...], ...] = ()  # other lemma runs of the same concept

    def generic(self, surface: str) -> bool:
        """Whether a hit of this concept is its generic `context:` form: "balance" in "balance
        sheet" when the theme lists "balance" as context but "balancing" as plain."""
        if not self.context:
            return False
        low = " ".join(surface.lower().split())
        return not any(low.startswith(form) for form in self.plain_forms)


def concepts(theme: Theme) -> list[Concept]:
    """The theme's keywords grouped into concepts, in the order the theme first names them."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for keyword in theme.keywords:
        key = lexeme.lemmas(keyword)
        if key:
            groups.setdefault(key, []).append(keyword)
    aliases = _initialisms(groups)
    context = {k.lower() for k in getattr(theme, "context", ())}
    out = []
    for key, members in groups.items():
        if key in aliases:
            continue  # counted with the phrase it abbreviates
        forms = [k for k, phrase in aliases.items() if phrase == key]
        members = members + [m for k in forms for m in groups[k]]
        best = max(members, key=lambda k: (theme.weight(k), -members.index(k)))
        out.append(
            Concept(
                key,
                best,
                tuple(members),
                theme.weight(best),
                any(m.lower() in context for m in members),
                tuple(m.lower() for m in members if m.lower() not in context),
                tuple(forms),
            )
        )
    return out


def _initialisms(groups: dict[tuple[str, ...], list[str]]) -> dict[tuple[str, ...], tuple]:
    """Phrase keys keyed by the one-word key that spells their initials, when the theme wrote
    that word in capitals ("FDI" for "foreign direct investment", "MIA" for "missing in
    action"): the same evidence, which must not count as two keywords agreeing."""
    by_initials = {"".join(w[0] for w in key): key for key in groups if len(key) > 1}
    return {
        key: by_initials[key[0]]
        for key, members in groups.items()
        if len(key) == 1
        and key[0] in by_initials
        and any(m.isupper() and len(m) > 1 for m in members)
    }


def counts(theme: Theme) -> list[query.Match]:
    """The full-text counts judging `theme` may ask for (its concepts' IDF), in order."""
    return [m for c in concepts(theme) if (m := query.any_of(list(c.members))) is not None]


def _idf(library: Library, concept: Concept, total: int) -> float:
    match = query.any_of(list(concept.members))
    if match is None or total == 0:
        return 1.0
    df = searches.count(library, match, DF_CAP)
    return max(0.5, math.log((total + 1) / (df + 1)))


def _find(concept: Concept, tokens: lexeme.Tokens) -> list[tuple[int, int]]:
    found = lexeme.find(concept.lemmas, tokens)
    for alias in concept.aliases:
        found += lexeme.find(alias, tokens)
    return found


def _outermost(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop a hit inside a longer one: "climate" in "climate change" is the same evidence."""
    return [
        h
        for h in hits
        if not any(
            o is not h and o[1] <= h[1] and h[2] <= o[2] and o[2] - o[1] > h[2] - h[1] for o in hits
        )
    ]


def rank(
    library: Library,
    theme: Theme,
    rows: list[tuple],
    make: Callable[[tuple, float, tuple[str, ...]], T],
) -> list[T]:
    """Judge FTS5 rows (id, name, start, end, p_start, p_end, ...) and return them as
    `make(row, relevance, surface_terms)`, best score first; rows without real evidence go."""
    found = concepts(theme)
    if not found or not rows:
        return []
    total = library.fulltext.windows  # the IDF's N, as the index counts
    wanted = lexeme.prefixes([form for c in found for form in (c.lemmas, *c.aliases)])

    def judge(text: str, p_start: int) -> list[tuple[int, int, int]]:
        """Which concepts a paragraph holds, where (one tokenisation per paragraph)."""
        tokens = lexeme.tokenize(text, p_start, wanted)
        return _outermost([(i, s, e) for i, c in enumerate(found) for s, e in _find(c, tokens)])

    # Kept between runs by content (hit_cache): a changed source re-tokenises only its own,
    # and judging reads only the paragraphs' texts (the windows lie inside them).
    kept = hit_cache.kept_theme(library, [repr(c) for c in found])
    paragraphs = hit_cache.paragraph_hits(library, kept, rows, judge)
    # Specificity: IDF, and how often the concept has theme company in its paragraphs.
    alone = [0] * len(found)
    seen = [0] * len(found)
    concepts_in: dict[tuple[str, int], set[int]] = {}  # each paragraph's concepts
    for where, paragraph in paragraphs.items():
        present = concepts_in[where] = {i for i, _s, _e in paragraph.hits}
        for i in present:
            seen[i] += 1
            if len(present) == 1:
                alone[i] += 1
    specificity = []
    for i, concept in enumerate(found):
        company = 1.0 - alone[i] / seen[i] if seen[i] else 0.5
        idf = _idf(library, concept, total) if seen[i] else 1.0
        specificity.append(concept.weight * idf * (0.5 + company))
    # What judging reads from each window's text is kept by content too: only new windows
    # are read (`judgement`); the arithmetic below is the same either way.
    stored = kept.stored.windows
    spans: set[tuple[str, int, int, int, int]] = set()
    # A keyword listed whole under `context:` counts beside a plain one, as its company too.
    whole_context = {i for i, c in enumerate(found) if c.context and not c.plain_forms}
    ranked = []
    for row in rows:
        name, start, end, p_start = row[1], row[2], row[3], row[4]
        paragraph = paragraphs[(name, p_start)]
        inside = [h for h in paragraph.hits if start <= h[1] and h[2] <= end]
        if not inside:
            continue  # FTS5 matched a stem collision, or only the paragraph matches
        mentioned = [h[0] for h in inside]
        in_window = set(mentioned)
        present = concepts_in[(name, p_start)]
        in_para = present - in_window
        span = (paragraph.sha or "", start, end, p_start, row[5])
        judged = stored.get(span) if paragraph.sha else None
        if judged is None or not judged.plain <= present:
            judged = _judge(library, found, row, paragraph, inside, in_window)
            if paragraph.sha and judgement.storable(judged):
                kept.fresh.windows[span] = judged
        if paragraph.sha:
            spans.add(span)
        plain = judged.plain
        company = plain | (present & whole_context)
        relevance = 0.0
        for i in in_window:
            value = specificity[i] * (1 + REPEAT_BONUS * min(mentioned.count(i) - 1, 2))
            if not plain:  # no plain concept here, this one's or another's
                value *= NEEDS_COMPANY
            relevance += value
        relevance += PARAGRAPH_SHARE * sum(map(specificity.__getitem__, in_para))
        if not plain or len(company) <= 1:
            relevance *= LONE_KEYWORD  # one real keyword; a generic form is no company
        if judged.definite:
            relevance *= DEFINITE_REFERENCE
        elif row[7] and judged.connective:
            relevance *= CONNECTIVE  # "Meanwhile, ..." names its subject; "He ..." does not
            row = (*row[:7], False, *row[8:])
        if judged.editorial:
            relevance *= EDITORIAL
        if judged.after != start:  # quote from after "HANOI, Aug 22 (Reuters) - "
            row = (row[0], row[1], judged.after, *row[3:])
        ranked.append(make(row, relevance, judged.terms))
    hit_cache.remember(library, kept, spans)
    ranked.sort(key=lambda c: (-c.score, c.source, c.start, c.end))  # type: ignore[attr-defined]
    return ranked


def _judge(
    library: Library,
    found: list[Concept],
    row: tuple,
    paragraph: hit_cache.Paragraph,
    inside: list[tuple[int, int, int]],
    in_window: set[int],
) -> judgement.Judgement:
    """What a window's text says: its plain concepts, openers, dateline and surfaces."""
    name, start, end, p_start = row[1], row[2], row[3], row[4]
    text = (  # a window outside its paragraph (never written so) reads its source
        _Span(paragraph.text, p_start)
        if p_start <= start and end <= row[5]
        else _Span(library.text(name), 0)
    )
    plain = frozenset(i for i, s, e in paragraph.hits if not found[i].generic(text[s:e]))
    opening = text[start:end]
    terms: list[str] = []
    for i in sorted(in_window):
        for _j, s, e in (h for h in inside if h[0] == i):
            surface = " ".join(text[s:e].split())
            if surface.lower() not in (t.lower() for t in terms):
                terms.append(surface)
    return judgement.Judgement(
        plain,
        openers.definite_reference(opening) is not None,
        openers.connective_only(opening),
        openers.editorial(opening),
        text.dateline_end(start, end),
        tuple(terms),
    )


class _Span:
    """A paragraph's text sliced by source offsets, as the whole source's text would be."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.start = text, start

    def __getitem__(self, span: slice) -> str:
        return self.text[span.start - self.start : span.stop - self.start]

    def dateline_end(self, start: int, end: int) -> int:
        """`openers.dateline_end` in source offsets (its pattern looks only inside the span)."""
        return openers.dateline_end(self.text, start - self.start, end - self.start) + self.start
