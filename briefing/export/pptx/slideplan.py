"""Plan a deck's slides: which text goes in which box at which size, so nothing overflows.

Pure (no pptx import): the .pptx writer only places what this plans. Text is measured with
textfit; content that does not fit at a readable size continues on a "(cont.)" slide.
A quote is never reworded or cut, except a single quote too long for an empty slide, which is
shown as a verbatim prefix ending at a word boundary, marked with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefing.compose.notes import speaker_notes
from briefing.deck import display_quote, quote_span
from briefing.errors import OutputError
from briefing.export.pptx.provenance import Provenance, quote_mark, shown, text_hash
from briefing.export.pptx.textfit import Para, paras_height, text_width

if TYPE_CHECKING:
    from briefing.deck import Deck, Excerpt, Slide

INSET_X, INSET_Y = 7.2, 3.6  # text box insets in points (PowerPoint's defaults)
BOX_SLACK = 4.0  # extra points under every box's text
GAP = 12.0  # points between boxes
TITLE_DESCENT = 0.1  # em kept free under a bottom-set title: glyph boxes reach below the line
BAR = 12.0  # room left of a quote for its accent bar
CONTENT_SIZES = tuple(range(24, 13, -1))  # quotes and bullets: never below 14 pt
SOURCE_SIZES = tuple(range(18, 11, -1))
TITLE_SIZES = tuple(range(32, 13, -1))
COVER_TITLE_SIZES = tuple(range(40, 21, -2))
COVER_SUB_SIZES = tuple(range(24, 13, -1))
CHROME_SIZES = (12.0, 11.0, 10.0, 9.0, 8.0)


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points from the top left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def text_width(self) -> float:
        return self.w - 2 * INSET_X

    def fits(self, paras: tuple[Para, ...]) -> bool:
        return box_height(paras, self.w) <= self.h


@dataclass(frozen=True)
class Frame:
    """Where things go on a slide of a given size: the default look or a template's layout."""

    width: float
    height: float
    cover_title: Box
    cover_subtitle: Box
    title: Box
    content: Box
    marking_top: Box
    marking_bottom: Box
    number: Box


def default_frame() -> Frame:
    """The built-in 16:9 look (960 x 540 pt): title and rule on top, marking top and bottom."""
    return Frame(
        width=960,
        height=540,
        cover_title=Box(64, 140, 832, 150),
        cover_subtitle=Box(64, 310, 832, 150),
        title=Box(48, 28, 864, 74),
        content=Box(48, 118, 864, 378),
        marking_top=Box(180, 4, 600, 22),
        marking_bottom=Box(180, 510, 600, 22),
        number=Box(852, 510, 60, 22),
    )


@dataclass(frozen=True)
class TextBox:
    """One text box: its role (for styling), place, paragraphs and shape name."""

    role: str  # title, subtitle, bullets, quote, sources, note, marking, number
    box: Box
    paras: tuple[Para, ...]
    name: str = ""
    align: str = "l"  # l, ctr, r
    anchor: str = "t"  # t or b: where the text sits when the box has room to spare
    bottom_inset: float = INSET_Y


@dataclass(frozen=True)
class Page:
    """One slide of the written deck."""

    kind: str  # cover, content, sources
    title: TextBox
    body: tuple[TextBox, ...]
    chrome: tuple[TextBox, ...]  # marking(s) and slide number
    notes: str


@dataclass(frozen=True)
class Item:
    """One unit of content that is never split across slides."""

    kind: str  # bullet, quote, source, note
    text: str
    excerpt: Excerpt | None = None
    shortened: bool = False

    def paras(self, size: float, first: bool) -> tuple[Para, ...]:
        gap = 0.0 if first else round(size * 0.45, 1)
        if self.kind == "bullet":
            return (Para(self.text, size, indent=round(size * 1.1, 1), space_before=gap),)
        if self.kind == "quote":
            assert self.excerpt is not None
            ref = f"[{self.excerpt.ref}] " if self.excerpt.ref else ""
            citation = f"\u2014 {ref}{self.excerpt.attribution()}"
            attribution = max(12.0, round(size * 0.72))
            return (
                Para(quote_mark(self.text, shortened=self.shortened), size),
                Para(citation, attribution, space_before=round(size * 0.3, 1)),
            )
        # A source hangs: its wrapped lines start under the citation, not under its number.
        hang = text_width(self.text.split(" ", 1)[0] + " ", size) if self.kind == "source" else 0
        return (Para(self.text, size, indent=hang, italic=self.kind == "note", space_before=gap),)


def box_height(paras: tuple[Para, ...], width: float) -> float:
    """Height a text box needs for `paras` at box width `width` (insets and slack included)."""
    return 2 * INSET_Y + BOX_SLACK + paras_height(paras, width - 2 * INSET_X)


def _groups(items: list[Item]) -> list[list[Item]]:
    """Consecutive bullets share a box, as do sources; each quote has a box of its own."""
    groups: list[list[Item]] = []
    for item in items:
        if groups and item.kind == groups[-1][0].kind and item.kind in ("bullet", "source"):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _group_paras(group: list[Item], size: float) -> tuple[Para, ...]:
    return tuple(p for i, item in enumerate(group) for p in item.paras(size, i == 0))


def _width(kind: str, area: Box) -> float:
    return area.w - BAR if kind == "quote" else area.w


def _item_height(item: Item, size: float, area: Box, *, first: bool) -> float:
    """Height `item`'s paragraphs add to its box (the box's insets and slack not included)."""
    width = _width(item.kind, area) - 2 * INSET_X
    return paras_height(item.paras(size, first), width)


def _paginate(items: list[Item], size: float, area: Box) -> list[list[Item]] | None:
    """Fill slides greedily in order at one size; None if some item alone does not fit.
    Heights are added up item by item, as _groups will box them, so this stays linear."""
    frame = 2 * INSET_Y + BOX_SLACK  # what box_height adds around a box's paragraphs
    pages: list[list[Item]] = [[]]
    used = 0.0
    for item in items:
        page = pages[-1]
        joins = bool(page) and page[-1].kind == item.kind and item.kind in ("bullet", "source")
        grow = _item_height(item, size, area, first=not joins)
        if not joins:
            grow += frame + (GAP if page else 0.0)
        if used + grow <= area.h:
            page.append(item)
            used += grow
            continue
        alone = frame + _item_height(item, size, area, first=True)
        if not page or alone > area.h:
            return None
        pages.append([item])
        used = alone
    return pages


def layout(items: list[Item], sizes: tuple[int, ...], area: Box) -> tuple[int, list[list[Item]]]:
    """The fewest slides that hold every item at a readable size, at the largest size that
    needs no more slides than that."""
    options = []
    for size in sizes:
        pages = _paginate(items, size, area)
        if pages is not None:
            options.append((size, pages))
            if len(pages) == 1:  # nothing needs fewer: smaller sizes need not be tried
                break
    if not options:
        raise OutputError("content does not fit a slide at the smallest readable size")
    fewest = min(len(p) for _, p in options)
    return next((s, p) for s, p in options if len(p) == fewest)


def place(items: list[Item], size: float, area: Box) -> tuple[TextBox, ...]:
    """Stack the items' boxes from the top of the content area; spare room widens the gaps
    between quotes a little (up to twice the usual) so a slide does not look top-heavy."""
    groups = _groups(items)
    paras = [_group_paras(g, size) for g in groups]
    widths = [_width(g[0].kind, area) for g in groups]
    heights = [box_height(p, w) for p, w in zip(paras, widths, strict=True)]
    gap = GAP
    if len(groups) > 1:
        spare = area.h - sum(heights) - GAP * (len(groups) - 1)
        gap += min(GAP, max(0.0, spare) / (len(groups) - 1))
    boxes, y = [], area.y
    for group, p, w, h in zip(groups, paras, widths, heights, strict=True):
        kind = group[0].kind
        x = area.x + (BAR if kind == "quote" else 0)
        name = _provenance(group[0]).name() if kind == "quote" else ""
        role = {"bullet": "bullets", "source": "sources"}.get(kind, kind)
        boxes.append(TextBox(role, Box(x, y, w, h), p, name))
        y += h + gap
    return tuple(boxes)


def _provenance(item: Item) -> Provenance:
    """The span a quote box shows: the excerpt (inside its own marks, when it is one whole
    quotation), or the shortened prefix of that."""
    e = item.excerpt
    assert e is not None
    first, last = quote_span(e.text)
    if item.shortened:  # display_quote maps one character to one, so offsets carry over
        last = first + _raw_prefix_len(display_quote(e.text), item.text)
    return Provenance(e.source.file, e.start + first, e.start + last, text_hash(e.text[first:last]))


def _raw_prefix_len(raw: str, shown_prefix: str) -> int:
    """How many characters of the raw excerpt the whitespace-normalised prefix covers."""
    words, pos = shown_prefix.split(), 0
    for word in words:
        pos = raw.index(word, pos) + len(word)
    return pos


def fit_title(text: str, box: Box, sizes: tuple[int, ...], what: str) -> TextBox:
    """A bold title at the largest size that fits its box, set on the box's bottom edge (on
    the rule below it) with room kept under the last line for the font's full descent."""
    for size in sizes:
        paras = (Para(text, size, bold=True),)
        extra = TITLE_DESCENT * size
        if box_height(paras, box.w) + extra <= box.h:
            return TextBox("title", box, paras, anchor="b", bottom_inset=INSET_Y + extra)
    raise OutputError(f"{what}: title too long to fit its slide at {sizes[-1]} pt: {text!r}")


def shorten(item: Item, size: int, area: Box, slide_label: str) -> tuple[Item, str | None]:
    """A quote that fits alone on a slide as it is, or its longest verbatim prefix that does."""
    if _paginate([item], size, area) is not None:
        return item, None
    from briefing.export.pptx.textfit import verbatim_prefix

    prefix = verbatim_prefix(
        item.text,
        lambda p: _paginate([replace(item, text=p, shortened=True)], size, area) is not None,
    )
    if prefix is None or item.excerpt is None:
        raise OutputError(f"{slide_label}: a {item.kind} is too long to fit a slide: {item.text!r}")
    words = (len(prefix.split()), len(item.text.split()))
    note = (
        f"{slide_label}: excerpt from {item.excerpt.source.file} is too long for one slide; "
        f"shown shortened to its first {words[0]} of {words[1]} words (notes carry it in full)"
    )
    return replace(item, text=prefix, shortened=True), note


def slide_items(slide: Slide) -> list[Item]:
    """What an outline slide shows: the analyst's bullets, then the quotes."""
    items = [Item("bullet", shown(b)) for b in slide.bullets]
    items += [Item("quote", shown(e.display_text()), e) for e in slide.excerpts]
    if not items and slide.theme:
        items.append(Item("note", "No passages matching this theme were found in the sources."))
    return items


def page_notes(slide: Slide, deck: Deck, items: list[Item], first: bool, number: int) -> str:
    """Speaker notes for one page of an outline slide: its notes, then its quotes' sources."""
    excerpts = tuple(i.excerpt for i in items if i.excerpt is not None)
    notes = slide.notes if first else f"(Continued from slide {number}.)"
    text = speaker_notes(replace(slide, notes=notes, excerpts=excerpts), deck)
    if not text:  # the outline gave no notes and there is nothing to cite: still say something
        lines = [slide.title, *(f"- {b}" for b in slide.bullets)]
        if slide.theme and not slide.excerpts:
            lines.append(
                f"No passages matched theme '{slide.theme}'; "
                f"`briefing excerpts {slide.theme}` lists the candidates."
            )
        text = "\n".join(lines)
    cut = [i.excerpt.source.file for i in items if i.shortened and i.excerpt]
    if cut:
        text += "\n\nShortened on the slide to fit; the full passage is above: " + ", ".join(cut)
    return text
