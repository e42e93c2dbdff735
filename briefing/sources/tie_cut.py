"""The best k of a full-text search's hits, windows scoring the same in key order.

Tantivy returns equal scores in its own order (its segments, the order windows were indexed
in); a deck must not depend on that, so ties are ordered by each window's key
(`tie_order`). `ranked` orders the ties a search holds whole; when those at the cut spill past
it, `probed` finds the first in key order by probing blocks of keys from the lowest, and says
when one wider search would be cheaper. Nothing here imports Tantivy: the searcher and the
block filter come from `fulltext`, the only module that does.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from briefing.sources import tie_order
from briefing.sources.text_match import Damaged

FIRST_PROBE = 64  # the first probe for ties takes this share of the blocks (1/64)
PROBE_SHARE = 5  # probes for ties stop at this share of the blocks (1/5): a probe scores a
# match ~3.5x slower than a plain search does, so past that one plain search is cheaper
PROBE_FETCH = 65536  # more ties than this in one probe: a plain search

Hit = tuple[float, Any]  # (score, the window's address in the index)
Within = Callable[[Any, int, int], Any]  # a query's matches in key blocks [lo, hi)


class Searcher(Protocol):
    def search(self, query: Any, limit: int, count: bool = ...) -> Any: ...
    def fast_field_values(self, field: str, addresses: list[Any]) -> list[Any]: ...


def ranked(searcher: Searcher, hits: Sequence[Hit], k: int) -> list[tuple[int, float]]:
    """The best `k` of `hits` (best first, holding every window tied with the k-th unless
    there were more than the search fetched) as (id, score), equal scores in key order."""
    if not hits:
        return []
    cut = hits[min(k, len(hits)) - 1][0]
    above, tied = tie_order.above_and_tied(hits, cut)  # above: fewer than k, all kept
    found = keyed(searcher, above + tied)
    scored = [(s, h) for (s, _a), h in zip(above, found, strict=False)]
    ties = sorted(found[len(above) :])
    return tie_order.in_order(scored) + [(i, cut) for _k, i in ties[: k - len(above)]]


def probed(
    searcher: Searcher, query: Any, hits: Sequence[Hit], k: int, within: Within
) -> list[tuple[int, float]] | None:
    """The best `k` of `hits` and the probes' ties; None if probing costs more than fetching."""
    cut = hits[k - 1][0]
    above, _tied = tie_order.above_and_tied(hits, cut)
    found = keyed(searcher, above)
    ties = _first_ties(searcher, query, cut, set(found), k - len(above), within)
    if ties is None:
        return None
    scored = [(s, h) for (s, _a), h in zip(above, found, strict=True)]
    return tie_order.in_order(scored) + [(i, cut) for _k, i in ties]


def keyed(searcher: Searcher, hits: Sequence[Hit]) -> list[tuple[int, int]]:
    """The (key, id) of each of `hits`, in their order."""
    addresses = [a for _s, a in hits]
    keys = searcher.fast_field_values("key", addresses)
    ids = searcher.fast_field_values("id", addresses)
    if any(v is None for v in keys) or any(v is None for v in ids):
        raise Damaged("a window without its id or key")
    return list(zip(map(int, keys), map(int, ids), strict=True))


def _first_ties(
    searcher: Searcher,
    query: Any,
    cut: float,
    above: set[tuple[int, int]],
    need: int,
    within: Within,
) -> list[tuple[int, int]] | None:
    """The first `need` (key, id) in key order of the windows scoring exactly `cut`, or
    None when finding them by probes would cost more than one search of every match.
    Probes take blocks of keys from the lowest, each every match in its blocks scoring
    `cut` or more; once the ties found reach `need`, no window in a later block (higher
    keys) can displace them. A probe's scores are the query's own (its block filter adds
    0.0); a hit above the cut that the first search did not have would mean they differ,
    and ends the probing."""
    blocks = tie_order.blocks()
    budget = blocks // PROBE_SHARE
    lo, width, found = 0, max(1, blocks // FIRST_PROBE), []
    while lo + width <= budget:
        hits = _probe(searcher, within(query, lo, lo + width), len(above) + need + 256, cut)
        if hits is None:
            return None
        keys = keyed(searcher, hits)
        if any((s > cut) != (h in above) for (s, _a), h in zip(hits, keys, strict=True)):
            return None  # scored differently from the first search: fall back
        found += [h for (s, _a), h in zip(hits, keys, strict=True) if s == cut]
        lo += width
        if len(found) >= need:
            return sorted(found)[:need]
        # as many blocks again as the ties found so far say the rest needs, and a quarter
        width = -(-(need - len(found)) * lo * 5 // (4 * len(found))) if found else width * 4
    return None


def _probe(searcher: Searcher, within: Any, fetch: int, cut: float) -> list[Hit] | None:
    """Every match of `within` (a query held to some blocks) scoring `cut` or more, best
    first; None if there are more than PROBE_FETCH."""
    while fetch <= PROBE_FETCH:
        hits = searcher.search(within, fetch, count=False).hits
        if len(hits) < fetch or hits[-1][0] < cut:
            return hits[: bisect_right(hits, -cut, key=tie_order.descending)]
        fetch *= 4
    return None
