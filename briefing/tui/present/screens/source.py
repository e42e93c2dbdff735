"""`s`: the evidence behind the slide. Each excerpt inside its full source paragraph, highlighted,
with the full citation; `f` shows the whole source text scrolled to the excerpt."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from briefing.deck import Excerpt
from briefing.errors import BriefingError
from briefing.tui.present.widgets.passage import PassageCard, Scroller, highlighted, location

TextFor = Callable[[str], str]  # source file name -> its full text


class SourceScreen(Screen[None]):
    """Passages of one slide (or one search hit); Esc returns to where it was opened."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,s", "dismiss", "back", show=False),
        Binding("right,tab,l", "select(1)", "next excerpt", show=False),
        Binding("left,shift+tab,h", "select(-1)", "previous excerpt", show=False),
        Binding("f", "toggle_full", "whole source", show=False),
        Binding("down,j", "scroll(1)", show=False),
        Binding("up,k", "scroll(-1)", show=False),
        Binding("pagedown,space", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
    ]

    def __init__(
        self, excerpts: tuple[Excerpt, ...], heading: str, text_for: TextFor, selected: int = 0
    ) -> None:
        super().__init__()
        self.excerpts = excerpts
        self.heading = heading
        self.text_for = text_for
        self.selected = min(selected, max(0, len(excerpts) - 1))
        self.full = False  # whole source text instead of paragraphs

    def compose(self) -> ComposeResult:
        yield Static(Content(self.heading), classes="screen-heading")
        yield Static(id="source-tabs")
        yield Scroller(id="source-body")
        hint = (
            "\u2190\u2192 excerpt \u00b7 f whole source \u00b7 \u2191\u2193 scroll \u00b7 Esc back"
        )
        yield Static(Content(hint), classes="screen-hint")

    def on_mount(self) -> None:
        self.render_body()

    def render_body(self) -> None:
        """Rebuild the tabs and the body for the current mode and selection."""
        self.query_one("#source-tabs", Static).update(self._tabs())
        body = self.query_one("#source-body", Scroller)
        body.remove_children()
        if not self.excerpts:
            body.mount(Static(Content("This slide quotes no sources."), classes="passage-meta"))
            return
        if self.full and self._mount_full(body):
            return
        self.full = False
        cards = [PassageCard(n, e) for n, e in enumerate(self.excerpts, 1)]
        cards[self.selected].add_class("-selected")
        body.mount_all(cards)
        target = cards[self.selected]
        self.call_after_refresh(body.scroll_to_widget, target, animate=False, top=True)

    def _tabs(self) -> Content:
        """Numbered pills for the excerpts, the selected one lit, then where it comes from."""
        if not self.excerpts:
            return Content("")
        parts: list[Content] = []
        for n in range(1, len(self.excerpts) + 1 if len(self.excerpts) > 1 else 0):
            style = "reverse bold $accent" if n - 1 == self.selected else "$foreground-muted"
            parts.append(Content.styled(f" {n} ", style))
        where = "whole source" if self.full else "in its paragraph"
        label = f"  excerpt {self.selected + 1} of {len(self.excerpts)}, {where}"
        return Content(" ").join(parts) + Content.styled(label, "$foreground-muted")

    def _mount_full(self, body: Scroller) -> bool:
        """The whole source of the selected excerpt, split round its paragraph so the view can
        scroll to it; every excerpt of this screen from the same source is highlighted."""
        excerpt = self.excerpts[self.selected]
        try:
            text = self.text_for(excerpt.source.file)
        except BriefingError as exc:
            self.notify(str(exc), title="Cannot open the source", severity="error", markup=False)
            return False
        start = excerpt.paragraph_start if excerpt.paragraph else excerpt.start
        end = start + len(excerpt.paragraph) if excerpt.paragraph else excerpt.end
        spans = [(e.start, e.end) for e in self.excerpts if e.source.file == excerpt.source.file]
        paragraph = Static(highlighted(text[start:end], start, spans), classes="full-focus")
        # The blank lines between paragraphs become the focus paragraph's margin.
        before = text[:start].rstrip("\n")
        after = text[end:].lstrip("\n")
        after_at = len(text) - len(after)
        body.mount_all(
            [
                Static(Content(excerpt.source.full_citation()), classes="passage-cite"),
                Static(Content(f"{location(excerpt)} \u00b7 whole text"), classes="passage-meta"),
                Static(highlighted(before, 0, spans), classes="full-text"),
                paragraph,
                Static(highlighted(after, after_at, spans), classes="full-text"),
            ]
        )
        self.call_after_refresh(body.scroll_to_center, paragraph, animate=False)
        return True

    def action_select(self, step: int) -> None:
        if self.excerpts:
            self.selected = (self.selected + step) % len(self.excerpts)
            self.render_body()

    def action_toggle_full(self) -> None:
        self.full = not self.full
        self.render_body()

    def action_scroll(self, lines: int) -> None:
        self.query_one(Scroller).scroll_relative(y=lines * 2, animate=False)

    def action_page(self, pages: int) -> None:
        body = self.query_one(Scroller)
        body.scroll_relative(y=pages * max(1, body.size.height - 2), animate=False)
