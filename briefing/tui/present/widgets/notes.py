"""Speaker notes beside or under the slide: the outline's notes, full citations and context."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.compose.notes import speaker_notes
from briefing.deck import Deck
from briefing.tui.present.pacing import format_duration


def notes_text(deck: Deck, page: int) -> str:
    """What the notes panel shows for a page; the title page lists every cited source."""
    if page == 0:
        lines = ["Title page. Sources quoted in this deck:"]
        lines += [f"  - {s.full_citation()}" for s in deck.cited_sources] or ["  (none)"]
        lines += [f"warning: {w}" for w in deck.warnings]
        return "\n".join(lines)
    slide = deck.slides[page - 1]
    parts = []
    if slide.minutes:
        parts.append(f"Budget: {format_duration(slide.minutes * 60)}")
    parts.append(speaker_notes(slide, deck) or "(no notes for this slide)")
    parts += [f"warning: {w}" for w in slide.warnings]
    return "\n\n".join(parts)


class NotesPanel(VerticalScroll, can_focus=False):
    """Hidden until `n`; scrolls on its own with J and K."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Static(id="notes-text")  # held: it is filled in before the panel mounts
        self._deck: Deck | None = None
        self._texts: dict[int, str] = {}  # rendered once per page of a deck (Jinja2 is slow)

    def compose(self) -> ComposeResult:
        yield self.text

    def show(self, deck: Deck, page: int) -> None:
        self.border_title = "Notes \u00b7 title page" if page == 0 else f"Notes \u00b7 slide {page}"
        if deck is not self._deck:
            self._deck, self._texts = deck, {}
        if (text := self._texts.get(page)) is None:
            text = self._texts[page] = notes_text(deck, page)
        self.text.update(Content(text))
        self.scroll_home(animate=False)
