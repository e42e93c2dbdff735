"""The projected slide: the title page, or a slide's title, bullets and attributed quotations."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from briefing.deck import Deck, Excerpt, Slide
from briefing.tui.hanging import hanging
from briefing.tui.picture import Picture, picture

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

    def __init__(
        self, deck: Deck, *, page: int | None = 0, ahead: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._deck = deck
        self._ahead = ahead  # build the next page's widgets once a page has been painted
        self._pages: dict[int, Vertical] = {}  # built on first visit, kept mounted but hidden
        self._current: Vertical | None = None
        self._page = page  # the page composed first; None: start empty, `show` fills it in
        # Whether each page needed a scrollbar at a given size: set before the page is laid
        # out again, so a switch is one layout pass at the right width, not two (re-wrapping).
        self._bars: dict[tuple[int, int, int], bool] = {}
        # What each page painted, by what its look depends on: a page shown again is these
        # lines in one widget, with no page of widgets to lay out and paint (issue 13).
        self._pictures: dict[tuple[object, ...], list[Strip]] = {}
        self._picture: Picture | None = None  # mounted when a page is first shown again
        self._visible: Widget | None = None  # the page or the picture on screen

    def compose(self) -> ComposeResult:
        # The first page is in the very first frame, not one message later.
        if self._page is not None:
            self._current = self._pages[self._page] = self._build(self._deck, self._page)
            self._visible = self._current
            yield self._current

    def on_mount(self) -> None:
        # Created here, so this view is its sender and it bubbles all the way to the app (a
        # message does not bubble past the node whose handler created it).
        if self._page is not None:
            key = self._key(self._page)
            self.call_after_refresh(self._painted, self._page, self._current, key)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._unpicture())

    def on_resize(self) -> None:
        self._unpicture()

    def _unpicture(self) -> None:
        """A picture is of one size and one theme: on a change, the page's own widgets again."""
        shown, body, page = self._picture, self._current, self._page
        if shown is None or shown is not self._visible or body is None or page is None:
            return
        shown.display = False
        body.display = True
        self._visible = body
        self.call_after_refresh(self._keep, page, body, self._key(page))

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
        """The page on screen (the others stay mounted, hidden; shown again, its picture is
        displayed in its place)."""
        return self._current

    @property
    def shown(self) -> list[Widget]:
        """The widgets of the page on screen."""
        return [] if self._current is None else list(self._current.children)

    def _key(self, page: int) -> tuple[object, ...] | None:
        """What a page's look depends on besides the deck: the view's size and scrollbar, the
        screen's classes (its size band) and the colour theme. None: not on a screen."""
        if not self.is_attached:
            return None
        classes = frozenset(self.screen.classes)
        return (page, *self.outer_size, self.show_vertical_scrollbar, classes, self.app.theme)

    def _keep(self, page: int, body: Widget | None, key: tuple[object, ...] | None) -> None:
        """After a page of widgets has been painted: keep its picture, if it is still shown
        and nothing its look depends on changed since it was shown (the layout that was
        painted may then be of the old size, classes or scrollbar, not of `key`)."""
        if key is None or body is None or body is not self._visible or not body.display:
            return
        if key == self._key(page) and (lines := picture(body)):
            self._pictures[key] = lines

    def _painted(self, page: int, body: Widget | None, key: tuple[object, ...] | None) -> None:
        """After a page has been painted: keep its picture, then say it is shown."""
        self._keep(page, body, key)
        self.post_message(self.Shown(page))
        if self._ahead:
            self.call_later(self._build_ahead, self._deck, page + 1)

    def _build_ahead(self, deck: Deck, page: int) -> None:
        """Build and mount, hidden, the page a presenter most likely shows next: its first
        showing is then a layout and a paint, not widgets made and styled as well."""
        wanted = deck is self._deck and page <= len(deck.slides) and page not in self._pages
        if wanted and self.is_attached:  # not while the app quits
            body = self._pages[page] = self._build(deck, page)
            body.display = False
            self.mount(body)

    def show(self, deck: Deck, page: int) -> None:
        """Show page `page` (0 = title page). A page is built once per deck; shown again at
        the same size, its picture is shown instead of its widgets (see `Picture`)."""
        if self._page is not None:
            self._bars[(self._page, *self.size)] = self.show_vertical_scrollbar
        if deck is not self._deck:
            self._deck = deck
            self._pages = {}
            self._current = self._visible = self._picture = None
            self._bars = {}
            self._pictures = {}
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
        key = self._key(page)
        lines = None if key is None else self._pictures.get(key)
        if lines is not None:
            if self._picture is None:
                self._picture = Picture()
                self.mount(self._picture)
            self._picture.show(lines)
            shown: Widget = self._picture
        else:
            shown = body
        if self._visible is not None and self._visible is not shown:
            self._visible.display = False
        shown.display = True
        self._current, self._visible = body, shown
        self.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self._painted, page, None if shown is self._picture else body, key)
