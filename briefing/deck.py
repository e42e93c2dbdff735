"""The composed deck: a plain, immutable model that every output (JSON, text, .pptx, TUI) reads.

It imports neither `textual` nor `pptx`; outputs depend on it, never the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourceInfo:
    """Who said it, where and when. `None` fields are unknown, never guessed."""

    file: str  # the document's file name inside the sources folder
    title: str | None = None
    author: str | None = None
    cite_as: str | None = None  # the author as short citations show it, when not the surname
    publisher: str | None = None
    date: date | None = None
    url: str | None = None

    @property
    def author_surname(self) -> str | None:
        if self.cite_as:
            return self.cite_as
        if not self.author:
            return None
        first = self.author.split(",")[0].split(" and ")[0].strip()
        return first.split()[-1] if first else None

    @property
    def date_text(self) -> str | None:
        return f"{self.date.day} {self.date:%b %Y}" if self.date else None

    def short_citation(self) -> str:
        """The attribution line under a quote: "Stromseth, Nikkei Asia, 18 Sep 2023"."""
        parts = [self.author_surname, self.publisher, self.date_text]
        known = [p for p in parts if p]
        if known:
            return ", ".join(known)
        if self.title:
            title = self.title if len(self.title) <= 48 else self.title[:47].rstrip() + "\u2026"
            return f"\u201c{title}\u201d (author and date unknown)"
        return self.file

    def full_citation(self) -> str:
        """Author, "Title", Publisher, date (and the URL when known), with "unknown" where a
        field is not known."""
        title = f"\u201c{self.title}\u201d" if self.title else f"untitled ({self.file})"
        parts = [
            self.author or f"author {UNKNOWN}",
            title,
            self.publisher or f"publisher {UNKNOWN}",
            self.date_text or f"date {UNKNOWN}",
        ]
        if self.url:
            parts.append(self.url)
        citation = ", ".join(parts)
        return citation[0].upper() + citation[1:]


@dataclass(frozen=True)
class Excerpt:
    """A verbatim slice of one source: `text == source_text[start:end]`."""

    source: SourceInfo
    start: int
    end: int
    text: str
    score: float = 0.0
    terms: tuple[str, ...] = ()  # the theme keywords this excerpt matched
    paragraph: str = ""  # the whole source paragraph around it, for notes and the source view
    paragraph_start: int = 0
    pinned: bool = False
    page: int | None = None  # PDF sources: the 1-based page the quote starts on
    page_label: str | None = None  # that page's printed label, where the PDF has one
    pages: str | None = None  # "p. 4" or "pp. 4-5", as a citation names them
    ref: int = 0  # the source's number on the deck's Sources list (0: not numbered yet)
    speaker: str | None = None  # who said it, when the source reports someone's words

    @property
    def citation(self) -> str:
        """The source's short citation, with the page(s) a PDF quote is on."""
        short = self.source.short_citation()
        return f"{short}, {self.pages}" if self.pages else short

    def attribution(self) -> str:
        """The line under the quote: the citation, or, for reported speech,
        "Tran Nam Tien, quoted in Stromseth, Nikkei Asia, 18 Sep 2023"."""
        return f"{self.speaker}, quoted in {self.citation}" if self.speaker else self.citation

    def display_text(self) -> str:
        """The text as set between quotation marks on a slide (see `display_quote`)."""
        return display_quote(self.text)

    def to_json(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.page is not None:
            extra = {"page": self.page, "page_label": self.page_label}
        if self.source.url:
            extra["url"] = self.source.url
        return {
            "source": self.source.file,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 4),
            "terms": list(self.terms),
            "citation": self.citation,
            "pinned": self.pinned,
            "ref": self.ref,
            "speaker": self.speaker,
            "attribution": self.attribution(),
            **extra,
        }


_OPENERS = '"\u201c'
_CLOSERS = '"\u201d'
# Double quotation marks inside the slide's own pair become single ones, one character for
# one, so a shown prefix maps back to the source at the same offsets. Single marks are never
# touched: they are apostrophes as often as quotes ("Vietnam's", "the '90s").
_INNER = str.maketrans(
    {"\u201c": "\u2018", "\u201d": "\u2019", "\u201e": "\u201a", "\u201f": "\u201b", '"': "'"}
)


def quote_span(text: str) -> tuple[int, int]:
    """The part of `text` a slide shows between its own quotation marks: all of it, or, when
    the text is itself one whole quotation, what lies inside its outer pair."""
    body = text.strip()
    if len(body) < 2 or body[0] not in _OPENERS or body[-1] not in _CLOSERS:
        return 0, len(text)
    lead = len(text) - len(text.lstrip())
    whole = lead + 1, lead + len(body) - 1
    if body[0] == '"' or body[-1] == '"':
        if body.count('"') != 2 or body[0] != body[-1]:
            return 0, len(text)  # straight quotes pair up ambiguously: only a lone pair is dropped
        return whole
    depth = 0
    for c in body[1:-1]:  # curly quotes nest: the opening mark must close at the very end
        depth += (c == "\u201c") - (c == "\u201d")
        if depth < 0:
            return 0, len(text)
    return whole if depth == 0 else (0, len(text))


def inner_quotes(text: str) -> str:
    """`text` with its double quotation marks as single ones (same length, same offsets)."""
    return text.translate(_INNER)


def display_quote(text: str) -> str:
    """The one form every output sets between a slide's quotation marks: a whole quotation
    loses its own outer pair, and double quotes inside become single marks, so a quote never
    shows doubled marks. Display only: an excerpt's `text` stays verbatim."""
    start, end = quote_span(text)
    return inner_quotes(text[start:end])


@dataclass(frozen=True)
class Slide:
    """One outline slide after composition."""

    title: str
    theme: str | None = None  # theme id
    theme_title: str | None = None
    excerpts: tuple[Excerpt, ...] = ()
    bullets: tuple[str, ...] = ()
    notes: str = ""  # the outline's notes, rendered (see briefing.compose.notes)
    minutes: float | None = None  # time budget for the live presentation
    requested: int = 0  # how many excerpts the outline asked for
    line: int = 0  # line of this slide in the outline file, for editors and messages
    warnings: tuple[str, ...] = ()
    pending: bool = False  # a draft's theme slide: its excerpts are still being composed

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "theme": self.theme,
            "excerpts": [e.to_json() for e in self.excerpts],
            "bullets": list(self.bullets),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Deck:
    """A whole briefing, ready for any output."""

    title: str
    slides: tuple[Slide, ...]
    subtitle: str | None = None
    presenter: str | None = None
    date: date | None = None
    marking: str | None = None  # classification marking shown on every slide
    outline_path: Path | None = None
    sources_dir: Path | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def cited_sources(self) -> tuple[SourceInfo, ...]:
        """Every source quoted anywhere in the deck, once, in order of first citation."""
        seen: dict[str, SourceInfo] = {}
        for slide in self.slides:
            for excerpt in slide.excerpts:
                seen.setdefault(excerpt.source.file, excerpt.source)
        return tuple(seen.values())

    def numbered(self) -> Deck:
        """This deck with each excerpt's `ref` set to its source's number on the Sources
        list (order of first citation), so a reader goes from a quote to its reference."""
        numbers = {s.file: n for n, s in enumerate(self.cited_sources, 1)}
        slides = tuple(
            replace(s, excerpts=tuple(replace(e, ref=numbers[e.source.file]) for e in s.excerpts))
            for s in self.slides
        )
        return replace(self, slides=slides)

    def to_json(self) -> dict[str, Any]:
        """The `compose --json` shape from CONTRACT.md, with extra keys the contract allows."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "presenter": self.presenter,
            "date": self.date.isoformat() if self.date else None,
            "marking": self.marking,
            "slides": [s.to_json() for s in self.slides],
            "sources": [
                {
                    "ref": n,
                    "source": s.file,
                    "title": s.title,
                    "author": s.author,
                    "publisher": s.publisher,
                    "date": s.date.isoformat() if s.date else None,
                    "url": s.url,
                    "citation": s.full_citation(),
                }
                for n, s in enumerate(self.cited_sources, 1)
            ],
            "warnings": list(self.warnings),
        }
