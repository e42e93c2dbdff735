"""The projected slide: the title page, or a slide's title, bullets and attributed quotations."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from briefing.deck import Deck, Excerpt, Slide
from briefing.tui.hanging import hanging

BULLET = Content.styled("\u2022", "$accent bold")


def quotation(excerpt: Excerpt) -> str:
    """The quote as the slide shows it: verbatim words, with line breaks joined, in one pair
    of quotes (an excerpt that is itself a quotation keeps its words, not its own marks)."""
    return f"\u201c{' '.join(excerpt.display_text().split())}\u201d"


def plain(text: str, classes: str) -> Static:
    """A Static that shows `text` literally: outline and source text is never markup."""
    return Static(Content(text), classes=classes)


def title_page(deck: Deck) -> list[Widget]:
    """Title, subtitle, presenter and date, the marking, and what the deck holds."""
    widgets: list[Widget] = []
    if deck.marking:
        widgets.append(plain(f" {deck.marking} ", "marking-badge"))
    widgets.append(plain(deck.title, "deck-title"))
    if deck.subtitle:
        widgets.append(plain(deck.subtitle, "deck-subtitle"))
    meta = [deck.presenter, f"{deck.date.day} {deck.date:%B %Y}" if deck.date else None]
    if any(meta):
        widgets.append(plain(" \u00b7 ".join(m for m in meta if m), "deck-meta"))
    minutes = sum(s.minutes or 0 for s in deck.slides)
    facts = [f"{len(deck.slides)} slides"]
    if minutes:
        facts.append(f"{minutes:g} minutes planned")
    if deck.cited_sources:
        facts.append(f"{len(deck.cited_sources)} sources quoted")
    widgets.append(plain(" \u00b7 ".join(facts), "deck-facts"))
    return widgets


def slide_page(slide: Slide, number: int) -> list[Widget]:
    """A slide: numbered title, its theme, the analyst's bullets, then each quotation."""
    # The number in its own column, the title wrapping beside it: one widget, as a bullet is.
    widgets: list[Widget] = [
        hanging(
            Content.styled(str(number), "$accent bold"),
            Content.styled(slide.title, "$primary bold"),
            len(str(number)) + 2,
            "slide-heading",
        )
    ]
    if slide.pending:
        topic = slide.theme_title or slide.theme
        widgets.append(plain(f"composing excerpts on {topic}\u2026", "slide-theme"))
    elif slide.theme_title:
        count = len(slide.excerpts)
        widgets.append(
            plain(f"{count} excerpt{'s' * (count != 1)} on {slide.theme_title}", "slide-theme")
        )
    for bullet in slide.bullets:
        widgets.append(hanging(BULLET, Content(bullet), 3, "bullet"))
    for n, excerpt in enumerate(slide.excerpts, 1):
        # One widget per quotation (text, then the attribution): fewer widgets, faster changes.
        cite = f"\u2014 {excerpt.attribution()}  [{n}]"
        quote = Content.assemble(quotation(excerpt), "\n", (cite, "$foreground-muted"))
        widgets.append(Static(quote, classes="quote"))
    if not slide.bullets and not slide.excerpts and not slide.pending:
        widgets.append(plain("(this slide has no bullets and no excerpts yet)", "slide-empty"))
    return widgets


class Page(Vertical):
    """A page's column of widgets. It draws nothing of its own (no background, no border):
    BLANK lets Textual fill its lines without styling each one, which showing it again after
    it was hidden would otherwise cost, for every line of the screen, on every slide change."""

    BLANK = True


class SlideView(VerticalScroll, can_focus=False):
    """Shows one page of the deck; long pages scroll, nothing is cut."""

    class Shown(Message):
        """A page has been laid out and painted: the benchmark and tests wait for this."""

        def __init__(self, page: int) -> None:
            super().__init__()
            self.page = page

    def __init__(self, deck: Deck, *, page: int | None = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self._deck = deck
        self._pages: dict[int, Vertical] = {}  # built on first visit, kept mounted but hidden
        self._current: Vertical | None = None
        self._page = page  # the page composed first; None: start empty, `show` fills it in
        # Whether each page needed a scrollbar at a given size: set before the page is laid
        # out again, so a switch is one layout pass at the right width, not two (re-wrapping).
        self._bars: dict[tuple[int, int, int], bool] = {}

    def compose(self) -> ComposeResult:
        # The first page is in the very first frame, not one message later.
        if self._page is not None:
            self._current = self._pages[self._page] = self._build(self._deck, self._page)
            yield self._current

    def on_mount(self) -> None:
        # Created here, so this view is its sender and it bubbles all the way to the app (a
        # message does not bubble past the node whose handler created it).
        if self._page is not None:
            self.call_after_refresh(self.post_message, self.Shown(self._page))

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Take the new page's height without a second layout pass: the view's own size never
        depends on its page (Textual re-lays the screen out whenever a virtual size changes)."""
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    @staticmethod
    def _build(deck: Deck, page: int) -> Vertical:
        if page == 0:
            return Page(*title_page(deck), classes="title-body")
        return Page(*slide_page(deck.slides[page - 1], page), classes="slide-body")

    @property
    def body(self) -> Vertical | None:
        """The page on screen (the others stay mounted, hidden)."""
        return self._current

    @property
    def shown(self) -> list[Widget]:
        """The widgets of the page on screen."""
        return [] if self._current is None else list(self._current.children)

    def show(self, deck: Deck, page: int) -> None:
        """Show page `page` (0 = title page). Pages are built once per deck and then only
        hidden and shown, which keeps a slide change to a single layout pass."""
        if self._page is not None:
            self._bars[(self._page, *self.size)] = self.show_vertical_scrollbar
        if deck is not self._deck:
            self._deck = deck
            self._pages = {}
            self._current = None
            self._bars = {}
            self.remove_children()
        bar = self._bars.get((page, *self.size))
        if bar is not None and bar != self.show_vertical_scrollbar:
            self.show_vertical_scrollbar = bar
            self.vertical_scrollbar.display = bar
        self._page = page
        body = self._pages.get(page)
        if body is None:
            body = self._pages[page] = self._build(deck, page)
            self.mount(body)
        if self._current is not None and self._current is not body:
            self._current.display = False
        body.display = True
        self._current = body
        self.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self.post_message, self.Shown(page))
