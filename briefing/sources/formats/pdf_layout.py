"""PDF lines to prose: join wrapped lines into paragraphs and undo the hyphens that line
breaking added, keeping each page's text offsets (pdf_furniture drops headers and footers first).

Works on positioned lines (PDF user space, y grows upwards) so it can be tested without PDFium.
The rules are deliberately simple and geometric; see each function's docstring.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise
from statistics import median

# A left part ending in one of these keeps its hyphen: "well-/known" -> "well-known".
KEEP_HYPHEN = frozenset(
    "all anti co cross ex half multi non post pre quasi self semi so well".split()
)
HYPHENS = "-\u2010\x02"  # ASCII, Unicode hyphen, and PDFium's marker for a line-end hyphen
SENTENCE_END = tuple('.!?:;"”’)')


@dataclass(frozen=True)
class Line:
    """One line of text on a page, with its box (PDF points, y up) and font size."""

    text: str
    page: int  # 0-based
    left: float
    bottom: float
    right: float
    top: float
    size: float


class Metrics:
    """The body text's geometry on a page (or in the whole document): font size, baseline
    step, and the margins of the column each line sits in, so two-column pages work too."""

    def __init__(self, lines: list[Line], size: float, leading: float) -> None:
        self.size = size
        self.leading = leading
        self._lines = sorted(lines, key=lambda ln: ln.left)
        self._lefts = [ln.left for ln in self._lines]
        self._columns: dict[int, tuple[float, float]] = {}

    def column(self, line: Line) -> tuple[float, float]:
        """Left and right margins around `line`: among body lines starting within three ems
        of it, the leftmost start and the 90th percentile of their ends."""
        key = round(line.left)
        if key not in self._columns:
            reach = 3 * self.size
            near = self._lines[
                bisect_left(self._lefts, line.left - reach) : bisect_right(
                    self._lefts, line.left + reach
                )
            ]
            if near:
                self._columns[key] = (near[0].left, _quantile([ln.right for ln in near], 0.9))
            else:
                self._columns[key] = (line.left, line.right)
        return self._columns[key]


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def line_step(pages: list[list[Line]], size: float) -> float:
    """The baseline step between lines of one paragraph in body type: the steps between
    consecutive body lines fall into a cluster for wrapped lines and larger ones for paragraph
    spacing, so the lowest cluster (its median, from the 10th percentile to 1.15 times that)
    is taken, not the overall median, which a page of one-line paragraphs would make the
    paragraph spacing; 1.2 times the size if no two body lines follow each other."""
    steps = sorted(
        a.bottom - b.bottom
        for lines in pages
        for a, b in pairwise([ln for ln in lines if abs(ln.size - size) <= 0.1 * size])
        if 0.5 * size < a.bottom - b.bottom < 3 * size
    )
    if not steps:
        return 1.2 * size
    low = _quantile(steps, 0.1)
    return median(s for s in steps if s <= 1.15 * low)


def measure(pages: list[list[Line]]) -> list[Metrics]:
    """Per page, the geometry of its body text (lines in the body font size, the median);
    pages with fewer than six body lines borrow the whole document's."""
    every = [ln for lines in pages for ln in lines]
    size = median(ln.size for ln in every) if every else 10.0
    size = size or 10.0

    def body(lines: list[Line]) -> list[Line]:
        return [ln for ln in lines if abs(ln.size - size) <= 0.1 * size]

    leading = line_step(pages, size)
    document = Metrics(body(every) or every, size, leading)
    out = []
    for lines in pages:
        own = body(lines)
        out.append(Metrics(own, size, leading) if len(own) >= 6 else document)
    return out


def _room_for_next(a: Line, b: Line, m: Metrics) -> bool:
    """Would b's first word have fitted at the end of line a? Then a ended its paragraph."""
    words = b.text.split()
    if not words or not a.text:
        return False
    char = (a.right - a.left) / max(len(a.text), 1)
    return m.column(a)[1] - a.right > (len(words[0]) + 2) * char


def _indented(line: Line, m: Metrics) -> bool:
    return line.left > m.column(line)[0] + 0.8 * m.size


def breaks_between(a: Line, b: Line, ma: Metrics, mb: Metrics) -> bool:
    """Does a paragraph end between line a and the next line b? Yes on a change of font size,
    a gap wider than 1.3 baseline steps, a first-line indent after a sentence end, or when a
    stops short of the margin by more than b's first word. Across pages (or columns) only the
    size, indent and short-line rules apply, so a paragraph can run on."""
    if abs(a.size - b.size) > 0.12 * max(a.size, b.size, 1.0):
        return True
    display = a.size > 1.15 * ma.size  # a title set in large type may be broken by hand
    if not display and _room_for_next(a, b, ma):
        return True
    if _indented(b, mb) and not _indented(a, ma) and a.text.rstrip().endswith(SENTENCE_END):
        return True
    if a.page != b.page or b.bottom >= a.bottom + 0.5 * b.size:  # new page, or a column
        return _indented(b, mb) and not _indented(a, ma)
    step = a.bottom - b.bottom
    scale = max(a.size, b.size) / (ma.size or 1.0)
    return step > 1.3 * ma.leading * scale


ABUTTING = 0.1  # of the type size: a piece this close to the one before it continues it
WORD_GAP = 0.6  # of the type size: a piece at most this far after it is its next word


def rejoin_pieces(lines: list[Line]) -> list[Line]:
    """A page's lines with those PDFium read in pieces made whole again: a piece on the same
    baseline that starts where the one before it ends continues it with no space between,
    one a word's space after it with a space (Chromium draws a soft hyphen's dash, and a word
    split at a soft hyphen it did not break at, as text of their own: "Bundes" "‐", "liefer"
    "ketten"; on such a page PDFium may give a printed header word by word)."""
    whole: list[Line] = []
    for line in lines:
        before = whole[-1] if whole else None
        gap = line.left - before.right if before is not None else 0.0
        if (
            before is None
            or abs(line.bottom - before.bottom) > ABUTTING * before.size
            or not -ABUTTING * before.size <= gap <= WORD_GAP * before.size
        ):
            whole.append(line)
            continue
        space = "" if gap <= ABUTTING * before.size else " "
        whole[-1] = replace(
            before,
            text=before.text + space + line.text,
            right=line.right,
            top=max(before.top, line.top),
        )
    return whole


_LEADING_WORD = re.compile(r"[\w'’]*")


class Lexicon:
    """The words a document spells, to say whether a hyphen at a line's end belongs to the word
    ("chip-/packaging", where "chip-packaging" stands elsewhere within a line) or was added by
    the layout. Its text is joined only when a line-end hyphen first asks, and each question is
    a substring search: most PDFs ask none, and a long report asks a few."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._text: str | None = None

    @classmethod
    def of(cls, pages: list[list[Line]]) -> Lexicon:
        return cls([line.text for lines in pages for line in lines])

    def keeps_hyphen(self, word: str, tail: str) -> bool:
        """Does the document spell `word-tail` whole within a line, and never `wordtail`?"""
        if self._text is None:
            self._text = "\n".join(self._lines).lower()
        return self._spells(f"{word}-{tail}".lower()) and not self._spells(f"{word}{tail}".lower())

    def _spells(self, word: str) -> bool:
        """Is `word` in the text as a word of its own, not part of a longer word or compound?"""
        text = self._text or ""
        at = text.find(word)
        while at >= 0:
            if not (_joins(text, at - 1, -1) or _joins(text, at + len(word), 1)):
                return True
            at = text.find(word, at + 1)
        return False


def _joins(text: str, at: int, away: int) -> bool:
    """Does the character at `at` carry a word on: a letter, digit or apostrophe, or a hyphen
    with one of those beyond it (`away`: the direction out of the word)?"""
    if at >= 0 and text[at : at + 1] == "-":
        at += away
    return at >= 0 and (char := text[at : at + 1]) != "" and (char.isalnum() or char in "_'’")


def join_lines(a: str, b: str, lexicon: Lexicon | None = None) -> tuple[str, str]:
    """How line a continues into line b: (a as kept, separator). A line-end hyphen is dropped
    when b starts lowercase and the part before it is not a known prefix ("self", "well",
    "co", ...) nor already hyphenated, unless the document (`lexicon`) spells the hyphenated
    compound within a line and never the two parts run together; otherwise kept with no
    space. A soft hyphen is always dropped; after an em dash set close ("aside—then") or a
    slash nothing is inserted; otherwise (a spaced dash too: "HANOI —") a single space."""
    if a.endswith("\u00ad"):
        return a[:-1], ""
    if a[-1:] in HYPHENS and len(a) > 1 and a[-2].isalpha():
        left = re.search(r"[\w'’-]*$", a[:-1])
        word = left.group(0) if left else ""
        keep = "-" in word or word.lower() in KEEP_HYPHEN or not b[:1].islower()
        if not keep and lexicon is not None:
            rest = _LEADING_WORD.match(b)
            keep = lexicon.keeps_hyphen(word, rest.group(0) if rest else "")
        return (a[:-1] + "-" if keep else a[:-1]), ""
    if a.endswith(("—", "/")) and not a.endswith(" —"):  # a spaced dash keeps its space
        return a, ""
    return a, " "


def assemble(pages: list[list[Line]]) -> tuple[str, list[tuple[int, int]], list[list[Line]]]:
    """Canonical text from body lines: paragraphs joined by a blank line; returns the text,
    each page's (start, end) offsets, and the paragraphs as lists of lines."""
    metrics = measure(pages)
    lexicon = Lexicon.of(pages)
    paragraphs: list[list[Line]] = []
    prev: Line | None = None
    for lines in pages:
        for line in lines:
            if prev is None or breaks_between(prev, line, metrics[prev.page], metrics[line.page]):
                paragraphs.append([line])
            else:
                paragraphs[-1].append(line)
            prev = line
    parts: list[str] = []
    length = 0
    spans: list[list[int] | None] = [None] * len(pages)

    def put(piece: str, page: int | None) -> None:
        nonlocal length
        if page is not None and piece:
            span = spans[page]
            if span is None:
                spans[page] = [length, length + len(piece)]
            else:
                span[1] = length + len(piece)
        parts.append(piece)
        length += len(piece)

    for p, para in enumerate(paragraphs):
        if p:
            put("\n\n", None)
        for i, line in enumerate(para):
            if i + 1 < len(para):
                kept, sep = join_lines(line.text, para[i + 1].text, lexicon)
                put(kept, line.page)
                put(sep, None)
            else:
                put(line.text, line.page)
    text = "".join(parts)
    out: list[tuple[int, int]] = []
    cursor = 0
    for span in spans:
        if span is None:
            out.append((cursor, cursor))
        else:
            out.append((span[0], span[1]))
            cursor = span[1]
    return text, out, paragraphs
