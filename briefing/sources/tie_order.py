"""Which of the windows that score the same a top-k search keeps: the first in key order.

Ties are common (a wire story syndicated twenty times, a boilerplate sentence), and the
windows kept at a cut decide a theme's pool and a search's list. A window's key is made
from its document's name and where it starts in it, never from its id: ids are handed
out in the order windows were indexed, and an edited document's windows get new ones at
the end, so ties by id gave an index updated by edits other lists than one built from the
same folder at once. Ties go to a document picked by a hash of its name (no document
always wins), then to its earliest window. Windows whose keys are equal (one document's
windows starting together, or past the first MiB) stay in id order, which within one
document is its order.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right

DOC_BITS = 43  # of a hash of the document's name: 10,000 names share one with odds ~1e-5
PLACE_BITS = 20  # the window's start (characters): later windows of a document share a key
KEY_BITS = DOC_BITS + PLACE_BITS  # 63: Tantivy's i64 fast field holds it
PLACE_MAX = (1 << PLACE_BITS) - 1
BLOCK_BITS = 10  # the key's top bits are its block (`blk`): 1,024 blocks to probe ties in

Hit = tuple[float, object]  # Tantivy's (score, address)


def document_part(name: str) -> int:
    """The part of every key in the document `name` that comes from its name."""
    digest = hashlib.blake2b(name.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - DOC_BITS) << PLACE_BITS


def key(document: int, start: int) -> int:
    """The key of a window starting at `start` in the document whose part is `document`."""
    return document | min(start, PLACE_MAX)


def block_shift() -> int:
    """A key shifted right this far is its block (the `blk` field that probes filter on)."""
    return KEY_BITS - BLOCK_BITS


def blocks() -> int:
    """How many blocks there are (keys are spread evenly over them, whatever the corpus)."""
    return 1 << BLOCK_BITS


def descending(hit: Hit) -> float:
    """The bisection key of hits ranked best first (their scores negated: ascending)."""
    return -hit[0]


def above_and_tied(hits: list[Hit], cut: float) -> tuple[list[Hit], list[Hit]]:
    """Of hits ranked best first, those scoring above `cut` and those scoring `cut`, found
    by bisection (the tied are often thousands), not a scan."""
    above = bisect_left(hits, -cut, key=descending)
    return hits[:above], hits[above : bisect_right(hits, -cut, key=descending)]


def in_order(scored: list[tuple[float, tuple[int, int]]]) -> list[tuple[int, float]]:
    """(score, (key, id)) pairs as (id, score), best first, equal scores in key order."""
    return [(i, s) for s, (_k, i) in sorted(scored, key=lambda h: (-h[0], h[1]))]
