"""What judging a candidate window reads from its text, kept between runs by content.

Judging a window takes its keyword hits (kept per paragraph, `hit_cache`) and then reads its
text: which hits are the generic `context:` form of their concept, whether it opens on a
definite reference, a connective or the publication talking about itself, where a dateline
ends, the surfaces it matched. That reading (the openers' patterns, slicing) was most of what a
re-rank cost in Python, and none of it depends on the rest of the corpus, so it is kept by
content (the document's hash, the window's and its paragraph's spans, the theme's key), in
the theme's batches (`kept_batches`); the arithmetic over hits and specificities is done
afresh, by the same code either way.

A stored judgement is untrusted: a batch is read back only when its columns are as written,
and the caller checks its plain concepts against the paragraph's hits (then the window is
judged again).
"""

from __future__ import annotations

from typing import NamedTuple


class Judgement(NamedTuple):
    """A window's reading of its text, for one theme (a tuple: a re-rank reads back ~600 per
    theme)."""

    plain: frozenset[int]  # concepts of the paragraph's hits not in their generic form
    definite: bool  # opens on a definite reference ("The deal was hailed")
    connective: bool  # opens on a connective ("Meanwhile, ...")
    editorial: bool  # the publication talking about itself
    after: int  # where the words begin after a dateline (the window's start when none)
    terms: tuple[str, ...]  # the keyword surfaces it matched, as written


def storable(judged: Judgement) -> bool:
    """Whether a judgement can be kept: it names the surfaces it matched (every judged window
    has one), none empty."""
    return bool(judged.terms) and all(judged.terms)
