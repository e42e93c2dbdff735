"""A quoted passage shown in its source: the full citation, where it is, and the surrounding
paragraph with the quoted words highlighted."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.deck import Excerpt

HIGHLIGHT = "bold $highlight-foreground on $highlight-background"


def highlighted(text: str, offset: int, spans: Iterable[tuple[int, int]]) -> Content:
    """`text` (which starts at source offset `offset`) with every source span in `spans`
    highlighted where it overlaps."""
    content = Content(text)
    for start, end in spans:
        a, b = max(0, start - offset), min(len(text), end - offset)
        if a < b:
            content = content.stylize(HIGHLIGHT, a, b)
    return content


def location(excerpt: Excerpt) -> str:
    """Where the quote can be found again: file, character offsets, and the URL if known."""
    where = f"{excerpt.source.file} \u00b7 characters {excerpt.start}\u2013{excerpt.end}"
    return f"{where} \u00b7 {excerpt.source.url}" if excerpt.source.url else where


class PassageCard(Vertical):
    """One excerpt in its paragraph; the selected card is outlined."""

    def __init__(self, number: int, excerpt: Excerpt) -> None:
        super().__init__(classes="passage")
        self.number = number
        self.excerpt = excerpt

    def compose(self) -> ComposeResult:
        e = self.excerpt
        yield Static(
            Content.assemble((f"[{self.number}] ", "bold $accent"), e.source.full_citation()),
            classes="passage-cite",
        )
        yield Static(Content(location(e)), classes="passage-meta")
        if e.paragraph:
            body = highlighted(e.paragraph, e.paragraph_start, [(e.start, e.end)])
        else:
            body = highlighted(e.text, e.start, [(e.start, e.end)])
        yield Static(body, classes="passage-text")


class Scroller(VerticalScroll, can_focus=False):
    """A scroll area that leaves every key to its screen (←/→ pick excerpts, not columns)."""
