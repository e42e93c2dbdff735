"""Where each quote on a slide came from, written into the deck so `briefing verify` can
re-check it later against the sources. Pure: no pptx import.

Provenance lives in the name of the shape that holds the quote. The name travels with the
shape when slides are reordered, duplicated or copied into another deck, survives a save in
PowerPoint and a round trip through LibreOffice (custom XML parts and tags do not always), and
is invisible on the slide; in PowerPoint's Selection Pane it reads as a useful label.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from briefing.deck import inner_quotes
from briefing.sources.quotes import locate_quote

OPEN, CLOSE, ELLIPSIS, DASH = "\u201c", "\u201d", "\u2026", "\u2014"
_SPACES = " \t\r\n\v\f\u2028\u2029"
_BREAKS = re.compile(f"[{_SPACES}]*[\t\r\n\v\f\u2028\u2029][{_SPACES}]*")
_NAME = re.compile(r"^Excerpt (\d+)-(\d+) of (.+) #([0-9a-f]{16})$")


def text_hash(text: str) -> str:
    """A short fingerprint of the verbatim source text (whitespace as in the source)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def shown(text: str) -> str:
    """An excerpt as a slide shows it: a line break or tab (hard-wrapped source files), with
    the spaces around it, becomes one space. Everything else is untouched, non-breaking
    spaces and double spaces included."""
    return _BREAKS.sub(" ", text).strip(_SPACES)


def quote_mark(body: str, *, shortened: bool) -> str:
    """The quotation as set on the slide: curly quotes, and an ellipsis when shortened."""
    return f"{OPEN}{body}{ELLIPSIS if shortened else ''}{CLOSE}"


@dataclass(frozen=True)
class Provenance:
    """A quote's source file, its character span there, and the hash of that span's text."""

    source: str
    start: int
    end: int
    digest: str

    def name(self) -> str:
        return f"Excerpt {self.start}-{self.end} of {self.source} #{self.digest}"

    @classmethod
    def parse(cls, name: str) -> Provenance | None:
        match = _NAME.match(name)
        if not match:
            return None
        start, end, source, digest = match.groups()
        return cls(source, int(start), int(end), digest)


def looks_like_quote(first: str, second: str) -> bool:
    """Whether a text box reads as a quotation with its attribution line under it."""
    body = first.strip()
    return body.startswith(OPEN) and body.endswith(CLOSE) and second.strip().startswith(DASH)


_REF = re.compile(r"^\[\d+\] ")


def check_attribution(prov: Provenance, line: str, citation: str) -> str | None:
    """What is wrong with a quote's attribution line, or None when it names its source (its
    "[n] " pointer to the Sources slide is not part of the citation)."""
    shown = _REF.sub("", line.strip().removeprefix(f"{DASH} "), count=1)
    if shown == citation or shown.endswith(f", quoted in {citation}"):
        return None  # reported speech names its speaker first; the source is what is checked
    return (
        f"attribution edited: the line under the quote from {prov.source} should read "
        f"\u201c{DASH} {citation}\u201d"
    )


def check_quote(prov: Provenance, shape_text: str, source_text: str | None) -> str | None:
    """What is wrong with one quote on a slide, or None when it still matches its source."""
    body = shape_text.strip()
    if not (body.startswith(OPEN) and body.endswith(CLOSE)):
        return f"quote edited: its quotation marks are gone (from {prov.source})"
    body = body[1:-1]
    body = body.removesuffix(ELLIPSIS)
    if source_text is None:
        return f"source {prov.source} is missing or unreadable"
    current = source_text[prov.start : prov.end]
    if text_hash(current) != prov.digest:
        moved = locate_quote(source_text, body)
        where = f"; the quoted words are now at {moved[0]}-{moved[1]}" if moved else ""
        return (
            f"source changed: {prov.source} characters {prov.start}-{prov.end} "
            f"no longer hold the quoted text{where}"
        )
    if shown(body) not in (shown(current), shown(inner_quotes(current))):
        # a slide sets inner double quotes as single marks (briefing.deck.display_quote); that
        # one transformation, and no other edit, still counts as verbatim
        return (
            f"quote edited: the slide no longer matches {prov.source} "
            f"characters {prov.start}-{prov.end} verbatim"
        )
    return None
