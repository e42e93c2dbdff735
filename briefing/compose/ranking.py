"""Rank excerpt candidates for a theme: FTS5 BM25 relevance times priors for quality, length
and self-containedness. Results are cached per theme until the corpus changes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from briefing.compose import query
from briefing.deck import Excerpt
from briefing.outline.themes import Theme
from briefing.sources.library import Library

POOL = 400  # candidates fetched by BM25 before priors re-rank them
PER_WEIGHTED_TERM = 40  # extra candidates for each up-weighted keyword, so rare terms get seen
RANKING_VERSION = "5"


@dataclass(frozen=True)
class Candidate:
    """A ranked window: where it is, how it scored, and which keywords it matched."""

    source: str
    start: int
    end: int
    para_start: int
    para_end: int
    score: float
    relevance: float
    quality: float
    words: int
    dangling: bool
    terms: tuple[str, ...]


_SELECT = """
SELECT w.id, d.name, w.start, w.end, p.start, p.end, w.words, w.dangling,
    w.quality * d.quality, bm25(fts)
FROM fts JOIN windows w ON w.id = fts.rowid JOIN docs d ON d.id = w.doc
JOIN paras p ON p.id = w.para
WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?
"""


def length_prior(words: int) -> float:
    """Slide-sized is 20-60 words; shorter says too little, longer will not fit."""
    if words < 20:
        return max(0.4, 0.6 + 0.4 * (words - 10) / 10)
    if words > 60:
        return max(0.6, 1.0 - 0.4 * (words - 60) / 30)
    return 1.0


def prior(words: int, quality: float, dangling: bool) -> float:
    """Everything but relevance: clean, slide-sized, self-contained text ranks first.

    Quality is cubed so that a garbled document's passages fall below any clean passage of
    similar relevance, and only surface where nothing clean says the same.
    """
    return quality**3 * length_prior(words) * (0.4 if dangling else 1.0)


def rank_theme(library: Library, theme: Theme) -> list[Candidate]:
    """Every candidate for a theme, best first; deterministic for the same corpus and theme."""
    key = _cache_key(theme)
    row = library.db.execute("SELECT value FROM ranked WHERE key = ?", (key,)).fetchone()
    if row:
        return [Candidate(**{**c, "terms": tuple(c["terms"])}) for c in json.loads(row[0])]
    ranked = _rank(library, theme)
    with library.db:
        library.db.execute(
            "INSERT OR REPLACE INTO ranked VALUES (?, ?)",
            (key, json.dumps([asdict(c) for c in ranked])),
        )
    return ranked


def _cache_key(theme: Theme) -> str:
    spec = [RANKING_VERSION, theme.keywords, sorted(theme.weights.items()), theme.exclude]
    return "theme:" + hashlib.sha256(json.dumps(spec).encode()).hexdigest()


def _rank(library: Library, theme: Theme) -> list[Candidate]:
    match = query.theme_match(list(theme.keywords), list(theme.exclude))
    if match is None:
        return []
    rows = {r[0]: r for r in library.db.execute(_SELECT, (match, POOL))}
    extra: dict[int, tuple] = {}
    for keyword in theme.keywords:
        if theme.weight(keyword) > 1 and (single := query.theme_match([keyword], [])):
            unwanted = query.any_of(list(theme.exclude))
            single = f"{single} NOT ({unwanted})" if unwanted else single
            for r in library.db.execute(_SELECT, (single, PER_WEIGHTED_TERM)):
                if r[0] not in rows:
                    extra.setdefault(r[0], r)
    if extra:  # their BM25 for the whole theme, in one statement: FTS5 computes IDFs once
        scores = _bm25s(library, match, list(extra))
        for wid, r in extra.items():
            rows[wid] = (*r[:-1], scores.get(wid, 0.0))
    matched = _matched_terms(library, theme, list(rows))
    ranked = []
    for row in rows.values():
        terms = matched.get(row[0], ())
        coverage = sum(theme.weight(t) for t in terms) or 1.0
        ranked.append(_candidate(row, 1 + 0.25 * (coverage - 1), terms))
    ranked.sort(key=lambda c: (-c.score, c.source, c.start, c.end))
    return ranked


def _candidate(row: tuple, boost: float, terms: tuple[str, ...]) -> Candidate:
    """A Candidate from a `_SELECT` row: relevance is BM25 times the coverage boost."""
    _wid, name, start, end, p_start, p_end, words, dangling, quality, bm25 = row
    relevance = -bm25 * boost
    score = relevance * prior(words, quality, bool(dangling))
    return Candidate(
        name,
        start,
        end,
        p_start,
        p_end,
        round(score, 6),
        round(relevance, 6),
        quality,
        words,
        bool(dangling),
        terms,
    )


def _bm25s(library: Library, match: str, rowids: list[int]) -> dict[int, float]:
    """BM25 of some windows against `match`. `+rowid` keeps SQLite from handing FTS5 one
    rowid at a time (one full IDF computation each); the MATCH runs once instead."""
    return dict(
        library.db.execute(
            "SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?"
            " AND +rowid IN (SELECT value FROM json_each(?))",
            (match, json.dumps(rowids)),
        )
    )


def _matched_terms(library: Library, theme: Theme, ids: list[int]) -> dict[int, tuple[str, ...]]:
    """Window id -> the theme keywords it contains (in the theme's order), one per concept:
    "four nos" and "four no's" are the same evidence and count once."""
    found: dict[int, list[str]] = {}
    db = library.db
    # The candidates alone, in a scratch FTS5 table with the same tokenizer: each concept's
    # MATCH then scans a few hundred rows, not every window of the corpus.
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidates USING fts5("
        "text, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    db.execute("DELETE FROM temp.candidates")
    db.execute(
        "INSERT INTO temp.candidates(rowid, text) SELECT rowid, text FROM fts"
        " WHERE rowid IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
    )
    groups: dict[str, list[str]] = {}
    for keyword in theme.keywords:
        groups.setdefault(query.concept(keyword), []).append(keyword)
    for members in groups.values():
        keyword = max(members, key=lambda k: (theme.weight(k), -members.index(k)))
        match = query.any_of(members)
        if match is None:
            continue
        for (wid,) in db.execute(
            "SELECT rowid FROM temp.candidates WHERE candidates MATCH ?", (match,)
        ):
            found.setdefault(wid, []).append(keyword)
    return {wid: tuple(terms) for wid, terms in found.items()}


def to_excerpt(library: Library, c: Candidate) -> Excerpt:
    """A candidate as an Excerpt: its verbatim text, citation and surrounding paragraph."""
    text = library.text(c.source)
    return Excerpt(
        source=library.info(c.source),
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        score=c.score,
        terms=c.terms,
        paragraph=text[c.para_start : c.para_end],
        paragraph_start=c.para_start,
        **library.page_fields(c.source, c.start, c.end),
    )


def search(library: Library, text: str, limit: int = 20) -> list[Candidate]:
    """Free-text evidence search across the whole corpus (quoted phrases kept together)."""
    match = query.search_match(text)
    if match is None:
        return []
    terms = tuple(query.tokens(text))
    hits = [_candidate(row, 1.0, terms) for row in library.db.execute(_SELECT, (match, limit * 3))]
    hits.sort(key=lambda c: (-c.score, c.source, c.start))
    return hits[:limit]
