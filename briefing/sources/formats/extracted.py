"""What an extractor returns: a source's canonical text plus the pages and metadata it knows."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from briefing.errors import BriefingError
from briefing.sources.author_names import as_name, placeholder

META_KEYS = ("title", "author", "publisher", "date", "url")


class ExtractError(BriefingError):
    """A document cannot be turned into text; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class PageSpan:
    """One page's text as `text[start:end]`, its 1-based number and its printed label, if any."""

    number: int
    start: int
    end: int
    label: str | None = None

    @property
    def name(self) -> str:
        """How a citation names this page: the printed label when there is one, else the number."""
        return self.label or str(self.number)


@dataclass(frozen=True)
class Extracted:
    """A source's canonical text (what excerpt offsets index) and what its extractor knows.

    `pages` is empty for formats without pages; `meta` always holds every key of META_KEYS
    (None when the document does not say); `extractor` names the extractor and its version and
    belongs in any cache key, since a new version may produce different text.
    """

    text: str
    pages: tuple[PageSpan, ...] = ()
    meta: dict[str, str | None] = field(default_factory=dict, hash=False)
    extractor: str = ""

    def page_at(self, offset: int) -> PageSpan | None:
        """The page holding the character at `offset` (text between pages counts as the page
        before it); None when the document has no pages."""
        if not self.pages:
            return None
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the text (0..{len(self.text)})")
        starts = [page.start for page in self.pages]
        return self.pages[max(bisect_right(starts, offset) - 1, 0)]

    def pages_for(self, start: int, end: int) -> tuple[PageSpan, ...]:
        """Every page that the span `text[start:end]` crosses, in order."""
        first = self.page_at(start)
        if first is None:
            return ()
        last = self.page_at(max(end - 1, start))
        assert last is not None
        return tuple(p for p in self.pages if first.number <= p.number <= last.number)

    def citation_pages(self, start: int, end: int) -> str | None:
        """ "p. 4" or "pp. 4-5" (printed labels where the PDF has them) for a span; None
        when the document has no pages."""
        pages = self.pages_for(start, end)
        if not pages:
            return None
        first, last = pages[0].name, pages[-1].name
        return f"p. {first}" if first == last else f"pp. {first}-{last}"


def empty_meta() -> dict[str, str | None]:
    """A metadata dict with every known key present and unknown (None)."""
    return dict.fromkeys(META_KEYS)


def clean_value(value: object) -> str | None:
    """A metadata value as one line of text, or None when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_WEB_ADDRESS = re.compile(r"https?://[^\s…]+", re.IGNORECASE)


def web_address(value: str | None) -> str | None:
    """`value` when it is one whole web address (http or https), else None: a file on someone's
    disk is no source's address, nor one a browser cut short with "…"."""
    text = clean_value(value)
    return text if text and _WEB_ADDRESS.fullmatch(text) else None


def join_authors(value: str | None) -> str | None:
    """Authors listed with semicolons, as trafilatura gives them and Word and LibreOffice store
    them ("A; B; C"), as one byline: "A, B and C"; a tool's placeholder is no author, and a
    sentence about an author is reduced to the name it opens with, if any."""
    names = (as_name(clean_value(part) or "") for part in (value or "").split(";"))
    return join_names([n for n in names if n and not placeholder(n)])


def join_names(names: list[str]) -> str | None:
    """Several people as one byline: "A", "A and B", "A, B and C" (repeats dropped)."""
    unique = list(dict.fromkeys(names))
    if len(unique) <= 1:
        return unique[0] if unique else None
    return ", ".join(unique[:-1]) + " and " + unique[-1]
