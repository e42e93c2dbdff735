"""Rank excerpt candidates for a theme: full-text BM25 finds them (top-k), evidence judges
their relevance, times priors for quality, length and self-containedness. Results are cached
per theme until the corpus changes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from briefing.compose import evidence, hit_cache, hit_file, lexeme, query, searches
from briefing.compose.candidate import Candidate
from briefing.compose.rank_cache import RankCache, code_digest
from briefing.deck import Excerpt
from briefing.outline.themes import Theme
from briefing.sources.library import Library

if TYPE_CHECKING:  # the outline models only where an outline is composed
    from briefing.outline.load import Outline

POOL = 400  # candidates fetched by BM25 before priors re-rank them
PER_WEIGHTED_TERM = 40  # extra candidates for each up-weighted keyword, so rare terms get seen
RANKING_VERSION = "11"

_rank_caches: WeakKeyDictionary[Library, RankCache] = WeakKeyDictionary()  # one per library
# Each document's language, and a bilingual one's other language and paragraphs.
_Languages = dict[str, tuple[str | None, tuple[str, set[tuple[int, int]]] | None]]


_ROWS = """
SELECT w.id, d.name, w.start, w.end, p.start, p.end, w.words, w.dangling, w.quality * d.quality,
  CASE WHEN d.skipped IS NULL THEN d.sha END,
  json_extract(d.meta, '$.language'), json_extract(d.meta, '$.other_language')
FROM windows w JOIN docs d ON d.id = w.doc JOIN paras p ON p.id = w.para
WHERE w.id IN (SELECT value FROM json_each(?))
"""


def _top(library: Library, match: query.Match, limit: int) -> list[tuple]:
    """The best `limit` windows for `match` as rows (id, name, start, end, p_start, p_end,
    words, dangling, quality, bm25), best first; bm25 is negated, lower is better, as FTS5's
    was. Ranked by the full-text index first, joined to their rows after."""
    return _joined(library, [library.fulltext.top(match, limit)])[0]


def _joined(
    library: Library, lists: list[list[tuple[int, float]]]
) -> tuple[list[tuple], _Languages]:
    """Hit lists (id, score) as rows, in order, each window once (its first hit), and the
    languages of their documents; one query joins them all, the languages too."""
    ids = list(dict.fromkeys(i for hits in lists for i, _ in hits))
    if not ids:
        return [], {}
    found, shas, languages = {}, {}, {}
    for row in library.db.execute(_ROWS, (json.dumps(ids),)):
        found[row[0]] = row[:-3]
        shas[row[1]] = row[-3]
        if row[-3] is not None and row[1] not in languages:  # once a document (not skipped)
            languages[row[1]] = (row[-2], _other(row[-1]))
    hit_cache.remember_shas(library, shas)  # judging them then asks for no document's hash
    seen: set[int] = set()
    rows = []
    for hits in lists:
        for i, score in hits:
            if i in found and i not in seen:
                seen.add(i)
                rows.append((*found[i], -score))
    return rows, languages


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


def rank_theme(
    library: Library, theme: Theme, languages: tuple[str, ...] = ("en",)
) -> list[Candidate]:
    """Every candidate for a theme, best first; deterministic for the same corpus and theme.
    Only documents written in one of `languages` are quoted (ISO 639-1 codes)."""
    languages = _codes(languages)
    key = _cache_key(theme, languages)
    rankings = _rankings(library)
    found = rankings.get(library, key)
    if found is None:
        found = _rank(library, theme, languages)
        rankings.put(key, found)
        lexeme.remember()
    return found


def for_slides(
    library: Library, themes: dict[str, Theme], outline: Outline, kept: Mapping[int, object]
) -> AbstractContextManager[None]:
    """`searches.ahead` for the themes of the outline's slides composed anew (not `kept`),
    with the rankings they make written together when the block ends."""
    ranked = [
        themes[spec.theme]
        for number, spec in enumerate(outline.model.slides)
        if number not in kept and spec.theme in themes
    ]
    if not ranked:
        return nullcontext()
    languages = tuple(outline.model.language)
    return _ahead_and_batched(library, ranked, languages)


@contextmanager
def _ahead_and_batched(
    library: Library, themes: list[Theme], languages: tuple[str, ...]
) -> Iterator[None]:
    """The themes' rankings made before their slides are composed, with their searches
    started ahead, and written once at the end; the stored ones are read first, in one
    query; the hits file kept open throughout (`hit_file.kept_open`). All are ranked here: a
    process with an index open runs Tantivy's threads, and a fork of it could wait forever
    on the index's meta lock (`forked.single_threaded`)."""
    rankings, codes = _rankings(library), _codes(languages)
    keys = {_cache_key(theme, codes): theme for theme in themes}
    rankings.prefetch(library, list(keys))
    unranked = [theme for key, theme in keys.items() if rankings.get(library, key) is None]
    with rankings.batched(), hit_file.kept_open():
        with searches.ahead(library, lambda: planned(library, unranked, languages)):
            for theme in unranked:
                rank_theme(library, theme, languages)
        yield


def planned(
    library: Library, themes: list[Theme], languages: tuple[str, ...]
) -> Iterator[searches.Request]:
    """The full-text searches and counts that ranking `themes` (in order) will ask for, for
    the themes the rankings cache does not hold: so they can be started ahead."""
    rankings, codes = _rankings(library), _codes(languages)
    keys = set()
    for theme in themes:
        key = _cache_key(theme, codes)
        if key in keys or rankings.get(library, key) is not None:
            continue
        keys.add(key)
        yield from (("top", match, limit) for match, limit in _searches(theme))
        for match in evidence.counts(theme):
            yield ("count", match, evidence.DF_CAP)


def _codes(languages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({lang.lower().split("-")[0] for lang in languages})) or ("en",)


def _rankings(library: Library) -> RankCache:
    rankings = _rank_caches.get(library)
    if rankings is None:
        rankings = _rank_caches[library] = RankCache(library)
    return rankings


def _cache_key(theme: Theme, languages: tuple[str, ...]) -> str:
    spec = [
        languages,
        RANKING_VERSION,
        code_digest(),
        theme.keywords,
        sorted(theme.weights.items()),
        theme.exclude,
        theme.context,
    ]
    return "theme:" + hashlib.sha256(json.dumps(spec).encode()).hexdigest()


def _searches(theme: Theme) -> list[tuple[query.Match, int]]:
    """A theme's full-text searches (match, k): the pool, then a few of every keyword's own,
    so rare terms are seen; none when the theme has no words to look for."""
    match = query.theme_match(list(theme.keywords), list(theme.exclude))
    if match is None:
        return []
    found = [(match, POOL)]
    for keyword in theme.keywords:
        if not (single := query.theme_match([keyword], list(theme.exclude))):
            continue
        limit = PER_WEIGHTED_TERM if theme.weight(keyword) > 1 else PER_WEIGHTED_TERM // 2
        found.append((single, limit))
    return found


def _rank(library: Library, theme: Theme, languages: tuple[str, ...]) -> list[Candidate]:
    planned = _searches(theme)
    if not planned:
        return []
    lists = [searches.top(library, match, limit) for match, limit in planned]
    rows, written_in = _joined(library, lists)
    foreign, passages = _other_languages(written_in, languages)
    kept = [
        r
        for r in rows
        if r[1] not in foreign and (r[1] not in passages or (r[4], r[5]) not in passages[r[1]])
    ]
    return evidence.rank(library, theme, kept, _candidate_with)


def _other_languages(
    written_in: _Languages, languages: tuple[str, ...]
) -> tuple[set[str], dict[str, set[tuple[int, int]]]]:
    """Of the documents `written_in` (each one's language, and a bilingual one's other), those
    written in a language the deck does not quote (unknown counts as allowed), and the
    paragraphs of bilingual ones written in such a language."""
    allowed = ("und", *languages)
    whole: set[str] = set()
    paragraphs: dict[str, set[tuple[int, int]]] = {}
    for name, (lang, other) in written_in.items():
        if lang and lang not in allowed:
            whole.add(name)
        elif other and other[0] not in allowed:
            paragraphs[name] = other[1]
    return whole, paragraphs


def _other(stored: str | None) -> tuple[str, set[tuple[int, int]]] | None:
    """A bilingual document's other language and paragraphs, from its stored metadata; None
    when there are none or the record is damaged (the whole document is then quoted as English)."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
        return str(value["language"]), {(int(a), int(b)) for a, b in value["spans"]}
    except (ValueError, KeyError, TypeError):
        return None


def _candidate_with(row: tuple, relevance: float, terms: tuple[str, ...]) -> Candidate:
    """A Candidate from a `_top` row whose relevance was judged from its evidence."""
    _wid, name, start, end, p_start, p_end, words, dangling, quality, _bm25 = row
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


def _candidate(row: tuple, boost: float, terms: tuple[str, ...]) -> Candidate:
    """A Candidate from a `_top` row: relevance is BM25 times the coverage boost."""
    return _candidate_with(row, -row[-1] * boost, terms)


def window_texts(library: Library, ranked: list[Candidate]) -> Callable[[Candidate], str]:
    """Each candidate's text: from its paragraph's text the hit cache keeps (loaded for the
    whole ranking at the first call) where it can, else from its source. Keeping passages
    apart by their words read ~700 whole sources per recompose at 10,000 documents."""
    kept: dict[tuple[str, int], str] | None = None

    def text_of(c: Candidate) -> str:
        nonlocal kept
        if kept is None:
            kept = hit_cache.paragraph_texts(
                library, {(r.source, r.para_start, r.para_end) for r in ranked}
            )
        paragraph = kept.get((c.source, c.para_start))
        inside = c.para_start <= c.start <= c.end <= c.para_end
        if paragraph is not None and inside and len(paragraph) == c.para_end - c.para_start:
            return paragraph[c.start - c.para_start : c.end - c.para_start]
        return library.text(c.source)[c.start : c.end]

    return text_of


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
    terms = query.search_terms(match)
    hits = [_candidate(row, 1.0, terms) for row in _top(library, match, limit * 3)]
    hits.sort(key=lambda c: (-c.score, c.source, c.start))
    return hits[:limit]
