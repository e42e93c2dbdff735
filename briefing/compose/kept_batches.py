"""A theme's kept evidence as batches: each paragraph's keyword hits and text, and each
window's judgement, written together and checked once per batch.

Stored one row per item, a re-rank after one changed source checked a checksum and parsed a
JSON value per paragraph and per window (~600 of each per theme at 10,000 documents, most of
what reading them back cost). A batch holds every item one ranking computed anew, under one
checksum, as columns (one JSON list per field, the paragraphs' texts concatenated after the
JSON), so reading it back parses one small JSON text and checks each column whole: its type,
its bounds, each hit inside its paragraph, each dateline inside its window. A batch whose
checksum holds but whose columns do not is not trusted at all (its items are computed again).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from itertools import accumulate, chain, repeat
from operator import le, lt, sub

from briefing.compose.judgement import Judgement

Hits = list[tuple[int, int, int]]  # (concept index, start, end) in source offsets
Para = tuple[str, int, int]  # (document sha, paragraph start, end)
Window = tuple[str, int, int, int, int]  # (sha, start, end, paragraph start, paragraph end)
_TEXTS = b"\x00"  # between the JSON (which never holds a raw NUL) and the texts


@dataclass
class Batch:
    """Paragraphs (their text and hits) and window judgements of one theme."""

    paragraphs: dict[Para, tuple[str, Hits]] = field(default_factory=dict)
    windows: dict[Window, Judgement] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.paragraphs) + len(self.windows)

    def update(self, other: Batch) -> None:
        """Add `other`'s items (its own win where both hold one: they are the same content)."""
        self.paragraphs.update(other.paragraphs)
        self.windows.update(other.windows)

    def only(self, paragraphs: set[Para], windows: set[Window]) -> Batch:
        """The items among `paragraphs` and `windows`."""
        return Batch(
            {k: v for k, v in self.paragraphs.items() if k in paragraphs},
            {k: v for k, v in self.windows.items() if k in windows},
        )


def checksum(key: str, value: bytes) -> int:
    """The checksum a batch of theme `key` holding `value` is stored with."""
    return zlib.crc32(value, zlib.crc32(key.encode()))


def encode(batch: Batch) -> bytes:
    """A batch as stored: JSON columns, a NUL, the paragraphs' texts in their order."""
    shas: dict[str, int] = {}
    para: list[list[int]] = [[], [], [], []]  # document, start, end, number of hits
    hits: list[list[int]] = [[], [], []]  # concept, start, end (in paragraph order)
    texts = []
    for (sha, start, end), (text, found) in batch.paragraphs.items():
        row = (shas.setdefault(sha, len(shas)), start, end, len(found))
        for column, value in zip(para, row, strict=True):
            column.append(value)
        texts.append(text)
        for hit in found:
            for column, number in zip(hits, hit, strict=True):
                column.append(number)
    win: list[list] = [[] for _ in range(9)]  # document, spans, plain, flags, after, terms
    for (sha, *spans), j in batch.windows.items():
        flags = int(j.definite) * 4 + int(j.connective) * 2 + int(j.editorial)
        doc = shas.setdefault(sha, len(shas))
        fields = (doc, *spans, sorted(j.plain), flags, j.after, list(j.terms))
        for column, field_value in zip(win, fields, strict=True):
            column.append(field_value)
    head = json.dumps({"shas": list(shas), "p": para, "h": hits, "w": win}, ensure_ascii=False)
    return head.encode() + _TEXTS + "".join(texts).encode()


def decode(value: bytes, concepts: int) -> Batch:
    """The items of a stored batch (its checksum already checked) for a theme of `concepts`
    concepts; none when anything about it is not as `encode` writes it."""
    head, _, tail = value.partition(_TEXTS)
    try:
        raw = json.loads(head)
        return _checked(raw["shas"], raw["p"], raw["h"], raw["w"], tail.decode(), concepts)
    except (ValueError, TypeError, KeyError, IndexError):  # UnicodeDecodeError is a ValueError
        return Batch()


def _checked(shas: list, para: list, hits: list, win: list, text: str, concepts: int) -> Batch:
    """The batch from its columns, each checked whole; ValueError (or TypeError, IndexError
    from a column of the wrong shape) when one is not as written."""
    _check(_typed(shas, str) and len(para) == 4 and len(hits) == 3 and len(win) == 9)
    docs, starts, ends, counts = para
    _check(all(_typed(c, int) and len(c) == len(docs) for c in para))
    _check(_typed(hits[0], int) and all(_typed(c, int) and len(c) == len(hits[0]) for c in hits))
    _check(_within(docs, 0, len(shas)) and all(map(le, starts, ends)))
    lengths = list(map(sub, ends, starts))
    _check(sum(lengths) == len(text) and min(counts, default=0) >= 0)
    _check(sum(counts) == len(hits[0]) and _within(hits[0], 0, concepts))
    owner = list(chain.from_iterable(map(repeat, range(len(docs)), counts)))
    _check(all(map(le, map(starts.__getitem__, owner), hits[1])) and all(map(lt, hits[1], hits[2])))
    _check(all(map(le, hits[2], map(ends.__getitem__, owner))))
    triples = list(zip(*hits, strict=True))
    text_at = [0, *accumulate(lengths)]
    hit_at = [0, *accumulate(counts)]
    paragraphs = {
        (shas[docs[k]], starts[k], ends[k]): (
            text[text_at[k] : text_at[k + 1]],
            triples[hit_at[k] : hit_at[k + 1]],
        )
        for k in range(len(docs))
    }
    return Batch(paragraphs, _windows(shas, win, concepts))


def _windows(shas: list, win: list, concepts: int) -> dict[Window, Judgement]:
    """The judgements of a batch's window columns, each column checked whole."""
    docs, starts, ends, p_starts, p_ends, plain, flags, after, terms = win
    _check(all(_typed(c, int) and len(c) == len(docs) for c in (*win[:5], flags, after)))
    _check(len(plain) == len(terms) == len(docs) and _typed(plain, list) and _typed(terms, list))
    _check(_within(docs, 0, len(shas)) and _within(flags, 0, 8))
    _check(all(map(le, starts, after)) and all(map(le, after, ends)))
    concept_lists = list(chain.from_iterable(plain))
    _check(_typed(concept_lists, int) and _within(concept_lists, 0, concepts))
    surfaces = list(chain.from_iterable(terms))
    _check(all(terms) and _typed(surfaces, str) and all(surfaces))
    keys = zip(map(shas.__getitem__, docs), starts, ends, p_starts, p_ends, strict=True)
    judged = map(
        Judgement,
        map(frozenset, plain),
        [f & 4 != 0 for f in flags],
        [f & 2 != 0 for f in flags],
        [f & 1 != 0 for f in flags],
        after,
        map(tuple, terms),
    )
    return dict(zip(keys, judged, strict=True))


def _typed(values: list, kind: type) -> bool:
    """A list whose items are all exactly `kind` (a bool is no int here)."""
    return type(values) is list and set(map(type, values)) <= {kind}


def _within(values: list[int], low: int, high: int) -> bool:
    return not values or (low <= min(values) and max(values) < high)


def _check(sound: bool) -> None:
    if not sound:
        raise ValueError("not as written")
