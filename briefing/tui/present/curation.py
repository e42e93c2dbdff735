"""Curating a slide from the presentation: the analyst's pin / exclude choices on the
candidates screen are written back into the outline through briefing.outline.curate, the deck is
recomposed on the same slide, and the list refreshes.

The app only delegates to `Curation`; the candidates screen reports choices as messages and
never writes anything itself, and `Curation` reports a write back up with `CurationWritten`
rather than reaching into the app.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.message import Message

from briefing.deck import Deck
from briefing.errors import BriefingError, ValidationError
from briefing.outline import curate
from briefing.outline.load import parse_outline
from briefing.outline.themes import load_themes
from briefing.tui.present.candidates import Choice, candidate_rows
from briefing.tui.present.evidence import Evidence
from briefing.tui.present.screens.candidates import CandidatesScreen
from briefing.yamlpos import read_text

ACTIONS: dict[str, tuple[curate.Step, ...]] = {
    "pin": curate.PIN,
    "exclude": curate.EXCLUDE,
    "unpin": curate.UNPIN,
    "unexclude": curate.UNEXCLUDE,
}
DONE = {"pin": "Pinned", "exclude": "Excluded", "unpin": "Unpinned", "unexclude": "Un-excluded"}


def _clip(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


class CurationWritten(Message):
    """A choice was written into the outline: the deck must be composed again."""


class Curation:
    """The app's half: opens the candidates of the current slide, writes each choice into the
    outline, recomposes, and refreshes the list once the new deck is in."""

    def __init__(
        self, app: App[object], outline_path: Path, evidence: Evidence, deck: Deck
    ) -> None:
        self.app = app
        self.outline_path = outline_path
        self.evidence = evidence
        self.deck = deck  # the deck on screen, kept current by `deck_changed`
        self.loaded = self._read()  # the outline text the shown deck was composed from
        self.screen: CandidatesScreen | None = None

    def _read(self) -> str | None:
        try:
            return read_text(self.outline_path)
        except BriefingError:
            return None

    def open(self, page: int) -> None:
        """Show the candidates of slide `page`; slides without a theme have none."""
        slide = self.deck.slides[page - 1] if page else None
        if slide is None or not slide.theme:
            where = f"slide {page}" if page else "the title page"
            self.app.notify(
                f"No candidates on {where}: only slides with a theme have ranked excerpts",
                timeout=3,
            )
            return
        rows = self.rows(page)
        if rows is None:
            return
        heading = f"Candidates \u00b7 slide {page}: {slide.title} \u00b7 theme {slide.theme}"
        self.screen = CandidatesScreen(page, heading, rows)
        self.app.push_screen(self.screen)

    def rows(self, number: int) -> list[Choice] | None:
        """The candidate rows of slide `number`, or None (with a notification) if the outline
        or its theme cannot be read right now."""
        if self.loaded is None:
            self.loaded = self._read()
        try:
            outline, problems = parse_outline(self.outline_path, self.loaded)
            if outline is None or number > len(outline.model.slides):
                raise ValidationError(problems)
            theme_id = outline.model.slides[number - 1].theme
            themes = load_themes(outline.themes_dir, {theme_id} if theme_id else set())
            library = self.evidence.library()
            return candidate_rows(outline, number, self.deck, library, themes.get(theme_id or ""))
        except BriefingError as exc:
            message = str(exc) or "the outline has problems; run `briefing check` on it"
            self.app.notify(message, title="Cannot list candidates", severity="error", markup=False)
            return None

    def apply(self, action: str, choice: Choice, number: int) -> None:
        """Write one choice into the outline file, then recompose; never clobbers a change
        made on disk meanwhile (briefing.outline.curate reapplies the edit or refuses)."""
        path = self.outline_path
        before = self._read()
        try:
            new = curate.curate(
                path, number, ACTIONS[action], choice.source, choice.quote, loaded=self.loaded
            )
        except BriefingError as exc:
            self.app.notify(
                str(exc), title="Not written", severity="error", markup=False, timeout=10
            )
            self.loaded = None
            self._recompose()
            return
        if new == before:
            self.app.notify(f"Nothing to do: {action} changes nothing here", timeout=3)
            return
        note = ""
        if self.loaded is not None and before is not None and before != self.loaded:
            note = " (the outline had changed on disk; applied to the new version)"
        self.loaded = new
        self.app.notify(
            f"{DONE[action]} on slide {number}: \u201c{_clip(choice.quote)}\u201d{note}",
            timeout=4,
            markup=False,
        )
        self._refresh()
        self._recompose()

    def _recompose(self) -> None:
        self.app.post_message(CurationWritten())

    def deck_changed(self, deck: Deck) -> None:
        """A new deck is in: remember the text it came from and refresh an open list."""
        self.deck = deck
        self.loaded = self._read()
        self._refresh()

    def _refresh(self) -> None:
        screen = self.screen
        if screen is None or not screen.is_attached:
            self.screen = None
            return
        rows = self.rows(screen.number)
        if rows is not None:
            screen.show_rows(rows)
