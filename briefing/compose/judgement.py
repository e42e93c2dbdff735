"""What judging a candidate window reads from its text, kept between runs by content.

Judging a window takes its keyword hits (kept per paragraph, `hit_cache`) and then reads its
text: which hits are the generic `context:` form of their concept, whether it opens on a
definite reference, a connective or the publication talking about itself, where a dateline
ends, the surfaces it matched. That reading (the openers' patterns, slicing) was most of what a
re-rank cost in Python, and none of it depends on the rest of the corpus, so it is kept by
content (the document's hash, the window's and its paragraph's spans, the theme's key); the
arithmetic over hits and specificities is done afresh, by the same code either way.

A stored judgement is untrusted: `decode` returns None for anything not as `encode` writes it,
and the caller checks its plain concepts against the paragraph's hits (then the window is
judged again).
"""

from __future__ import annotations

from dataclasses import dataclass

FIELD, TERM = "\x1e", "\x1f"  # separators; a surface holding one is not kept


@dataclass(frozen=True)
class Judgement:
    """A window's reading of its text, for one theme."""

    plain: frozenset[int]  # concepts of the paragraph's hits not in their generic form
    definite: bool  # opens on a definite reference ("The deal was hailed")
    connective: bool  # opens on a connective ("Meanwhile, ...")
    editorial: bool  # the publication talking about itself
    after: int  # where the words begin after a dateline (the window's start when none)
    terms: tuple[str, ...]  # the keyword surfaces it matched, as written


def encode(judged: Judgement) -> str | None:
    """A judgement as stored; None when a surface could not be told apart when read back."""
    if not judged.terms or any(not t or FIELD in t or TERM in t for t in judged.terms):
        return None
    flags = "".join(
        "1" if f else "0" for f in (judged.definite, judged.connective, judged.editorial)
    )
    plain = ",".join(map(str, sorted(judged.plain)))
    return FIELD.join((plain, flags, str(judged.after), TERM.join(judged.terms)))


def decode(value: str, concepts: int, start: int, end: int) -> Judgement | None:
    """The stored judgement of a window [start, end) of a theme with `concepts` concepts, or
    None when anything about it is not as `encode` writes it."""
    fields = value.split(FIELD)
    if len(fields) != 4:
        return None
    plain, flags, after, terms = fields
    numbers = plain.split(",") if plain else []
    if not all(_digits(n) and int(n) < concepts for n in numbers):
        return None
    if len(flags) != 3 or flags.strip("01") or not _digits(after):
        return None
    if not (start <= int(after) <= end) or not terms or not all(terms.split(TERM)):
        return None
    definite, connective, editorial = (f == "1" for f in flags)
    plain_set = frozenset(int(n) for n in numbers)
    return Judgement(
        plain_set, definite, connective, editorial, int(after), tuple(terms.split(TERM))
    )


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()
