"""The ranked candidates of one slide as a list: rank and score, where each stands (on the
slide, pinned, excluded), a snippet, the citation and the theme keywords it matched."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.tui.present.candidates import Choice

SNIPPET = 150


def snippet(text: str, limit: int = SNIPPET) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def badges(choice: Choice) -> list[tuple[str, str]]:
    """(label, style) pairs saying where the excerpt stands."""
    found: list[tuple[str, str]] = []
    if choice.pinned:
        found.append((" PINNED ", "bold reverse $accent"))
    if choice.excluded:
        found.append((" EXCLUDED ", "bold reverse $error"))
    if choice.on_slide:
        found.append((" on the slide ", "bold reverse $success"))
    if choice.start is None:
        found.append(("quote no longer found in its source", "bold $error"))
    if choice.blocked:
        found.append(("overlaps an excluded passage", "$warning"))
    if choice.elsewhere:
        slides = ", ".join(str(n) for n in choice.elsewhere)
        found.append((f"shown on slide {slides}", "$foreground-muted"))
    return found


def prompt(choice: Choice) -> Content:
    """Three lines: rank, score, badges and matched terms; the quote; the citation."""
    rank = f"#{choice.rank}" if choice.rank else "\u2013"
    score = f"score {choice.score:.2f}" if choice.score is not None else "not ranked"
    head: list[str | tuple[str, str] | Content] = [(f"{rank:>4} ", "bold $accent"), score]
    for label, style in badges(choice):
        head += ["  ", (label, style)]
    terms = ", ".join(choice.terms) if choice.terms else "no theme keywords"
    return Content.assemble(
        *head,
        (f"  matched: {terms}", "$foreground-muted"),
        "\n     ",
        (snippet(choice.quote), "$foreground"),
        "\n     ",
        (f"\u2014 {choice.citation}", "$foreground-muted"),
    )


class CandidateList(OptionList):
    """Shows `Choice` rows and keeps the highlighted one across refreshes."""

    def __init__(self, rows: list[Choice], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Choice] = []
        self.show(rows)

    @property
    def current(self) -> Choice | None:
        """The highlighted candidate, if any."""
        index = self.highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def show(self, rows: list[Choice]) -> None:
        """Replace the rows, staying on the same excerpt (or the same place) if it is gone."""
        before = self.current
        index = self.highlighted or 0
        self.rows = list(rows)
        self.clear_options()
        self.add_options(Option(prompt(c)) for c in self.rows)
        keys = [c.key for c in self.rows]
        if before is not None and before.key in keys:
            index = keys.index(before.key)
        if self.rows:
            self.highlighted = min(index, len(self.rows) - 1)
