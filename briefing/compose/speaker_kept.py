"""Who speaks in each excerpt, kept between runs by content.

Attribution reads an excerpt's source around it with ~200 patterns, compiled on first use
(~0.1-0.3 s of a recompose), and its answer depends only on that source's text and the
excerpt's and paragraph's spans. So it is kept in the hits file (`hit_cache`) under this
code's digest and the source's content hash: a recompose after a source changed attributes
only the excerpts that are new since, and compiles no pattern when there are none. A kept
answer is untrusted like the rest of that file: one whose checksum fails is worked out again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefing.compose import hit_cache, window_cache
from briefing.compose.rank_cache import code_digest
from briefing.deck import Excerpt
from briefing.sources.library import Library

NOBODY = "-"  # kept for an excerpt in the source's own voice (a name is never just this)


def with_speakers(
    library: Library, excerpts: list[Excerpt], attribute: Callable[[Library, Excerpt], Excerpt]
) -> list[Excerpt]:
    """`attribute(library, excerpt)` for each excerpt (it sets `speaker`), read back where
    the same source text and spans were attributed before."""
    if not excerpts:
        return []
    key = f"speaker:{code_digest()}"
    shas = hit_cache.doc_shas(library, {e.source.file for e in excerpts})
    spans = [
        (shas.get(e.source.file, ""), e.start, e.end, e.paragraph_start, _end(e)) for e in excerpts
    ]
    kept = window_cache.values(library, key, {s for s in spans if s[0]})
    done, fresh = [], []
    for excerpt, span in zip(excerpts, spans, strict=True):
        known = kept.get(span)
        if known:
            who = None if known == NOBODY else known
            done.append(replace(excerpt, speaker=who) if who else excerpt)  # as `attribute` does
            continue
        found = attribute(library, excerpt)
        done.append(found)
        if span[0] and found.speaker != NOBODY and (found.speaker is None or found.speaker):
            fresh.append((span, found.speaker or NOBODY))
    if fresh:
        window_cache.remember(library, key, fresh)
    return done


def _end(excerpt: Excerpt) -> int:
    return excerpt.paragraph_start + len(excerpt.paragraph)
