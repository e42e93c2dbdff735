"""Plan a whole deck: a title slide, the outline's slides (with "(cont.)" slides where content
runs over), then a Sources slide; each with marking, slide number and speaker notes. Pure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.errors import OutputError
from briefing.export.pptx.slideplan import (
    CHROME_SIZES,
    CONTENT_SIZES,
    COVER_SUB_SIZES,
    COVER_TITLE_SIZES,
    SOURCE_SIZES,
    TITLE_SIZES,
    Box,
    Frame,
    Item,
    Page,
    TextBox,
    fit_title,
    layout,
    page_notes,
    place,
    shorten,
    slide_items,
)
from briefing.export.pptx.textfit import Para

if TYPE_CHECKING:
    from briefing.deck import Deck

QUOTE_SIZE = 20  # points: the size of quotations across a deck, where every slide allows it


def plan_deck(deck: Deck, frame: Frame) -> tuple[list[Page], list[str]]:
    """Every slide of the written deck, in order, and warnings about shortened quotes."""
    pages: list[Page] = [_cover(deck, frame)]
    warnings: list[str] = []
    slides: list[list[Item]] = []
    for number, slide in enumerate(deck.slides, 1):
        label = f"slide {number} '{slide.title}'"
        items: list[Item] = []
        for item in slide_items(slide):
            if item.kind == "quote":
                item, note = shorten(item, CONTENT_SIZES[-1], frame.content, label)
                warnings += [note] if note else []
            items.append(item)
        slides.append(items)
    quote_size = _quote_size(slides, frame.content)
    for number, (slide, items) in enumerate(zip(deck.slides, slides, strict=True), 1):
        label = f"slide {number} '{slide.title}'"
        sizes = (quote_size,) if any(i.kind == "quote" for i in items) else CONTENT_SIZES
        try:
            size, groups = layout(items, sizes, frame.content)
        except OutputError as exc:
            raise OutputError(f"{label}: {exc}") from None
        first_no = len(pages) + 1
        for i, group in enumerate(groups):
            title = slide.title if i == 0 else f"{slide.title} (cont.)"
            pages.append(
                Page(
                    "content",
                    fit_title(title, frame.title, TITLE_SIZES, label),
                    place(group, size, frame.content),
                    (),
                    page_notes(slide, deck, group, i == 0, first_no),
                )
            )
    pages += _sources(deck, frame)
    return [_with_chrome(p, n, deck, frame) for n, p in enumerate(pages, 1)], warnings


def _quote_size(slides: list[list[Item]], area: Box) -> int:
    """One size for every slide that quotes: the largest, up to QUOTE_SIZE, at which each of
    those slides can be laid out (on "(cont.)" slides where needed), rather than a size per
    slide that shrinks with the number of quotes it holds."""
    quoting = [items for items in slides if any(i.kind == "quote" for i in items)]
    for size in (s for s in CONTENT_SIZES if s <= QUOTE_SIZE):
        try:
            for items in quoting:
                layout(items, (size,), area)
        except OutputError:
            continue
        return size
    return CONTENT_SIZES[-1]


def _cover(deck: Deck, frame: Frame) -> Page:
    title = fit_title(deck.title, frame.cover_title, COVER_TITLE_SIZES, "title slide")
    meta = " \u00b7 ".join(
        x for x in (deck.presenter, f"{deck.date.day} {deck.date:%B %Y}" if deck.date else "") if x
    )
    body: tuple[TextBox, ...] = ()
    if deck.subtitle or meta:
        body = (_fit_subtitle(deck.subtitle, meta, frame.cover_subtitle),)
    notes = [deck.title]
    notes += [x for x in (deck.subtitle, meta, deck.marking) if x]
    count = len(deck.cited_sources)
    notes.append(
        f"This deck quotes {count} source{'s' * (count != 1)} verbatim. Each quote's full "
        "citation and the paragraph around it are in its slide's notes; the last slide lists "
        "every source."
    )
    return Page("cover", title, body, (), "\n\n".join(notes))


def _fit_subtitle(subtitle: str | None, meta: str, box: Box) -> TextBox:
    for size in COVER_SUB_SIZES:
        paras = []
        if subtitle:
            paras.append(Para(subtitle, size))
        if meta:
            gap = round(size * 0.8, 1) if subtitle else 0.0
            paras.append(Para(meta, max(14.0, round(size * 0.75)), bold=True, space_before=gap))
        if box.fits(tuple(paras)):
            return TextBox("subtitle", box, tuple(paras))
    raise OutputError("title slide: subtitle too long to fit at the smallest readable size")


def _sources(deck: Deck, frame: Frame) -> list[Page]:
    cited = deck.cited_sources
    items = [Item("source", f"[{n}] {s.full_citation()}") for n, s in enumerate(cited, 1)]
    if not items:
        items = [Item("note", "No sources are quoted in this deck.")]
    size, groups = layout(items, SOURCE_SIZES, frame.content)
    files = "\n".join(f"[{n}] {s.file}: {s.full_citation()}" for n, s in enumerate(cited, 1))
    notes = (
        "Every source quoted in this deck, in order of first citation, with its file name "
        f"in the sources folder:\n{files}"
        if cited
        else "No sources are quoted in this deck."
    )
    pages = []
    for i, group in enumerate(groups):
        title = "Sources" if i == 0 else "Sources (cont.)"
        box = fit_title(title, frame.title, TITLE_SIZES, "sources slide")
        pages.append(Page("sources", box, place(group, size, frame.content), (), notes))
    return pages


def _with_chrome(page: Page, number: int, deck: Deck, frame: Frame) -> Page:
    """Add the classification marking (top and bottom) and the slide number."""
    chrome = []
    if deck.marking:
        for box in (frame.marking_top, frame.marking_bottom):
            chrome.append(_fit_line("marking", deck.marking, box, "ctr", bold=True))
    chrome.append(_fit_line("number", str(number), frame.number, "r", bold=False))
    return Page(page.kind, page.title, page.body, tuple(chrome), page.notes)


def _fit_line(role: str, text: str, box: Box, align: str, *, bold: bool) -> TextBox:
    for size in CHROME_SIZES:
        paras = (Para(text, size, bold=bold),)
        if box.fits(paras):
            return TextBox(role, box, paras, align=align)
    raise OutputError(f"the {role} {text!r} is too long to fit on a slide")
