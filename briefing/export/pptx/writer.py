"""Write a composed deck as PowerPoint, and read quotes back for `verify`.

The only module that imports `pptx`. It places what deckplan laid out (measured with
real font metrics, so no text overflows) and takes care of what a circulated file needs:
16:9, markings, slide numbers, notes, clean document properties, reproducible bytes and an
atomic write.
"""

from __future__ import annotations

import io
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER as PH
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.util import Emu, Pt

from briefing.errors import BriefingError, OutputError, display_path
from briefing.export.pptx import package as deckfile
from briefing.export.pptx.deckplan import plan_deck
from briefing.export.pptx.drawingml import (
    NOTES_BODY,
    Placeholder,
    notes_xml,
    placeholder,
    slide_xml,
    unescape_text,
)
from briefing.export.pptx.slideplan import Box, Frame, Page, default_frame
from briefing.export.pptx.textfit import metrics
from briefing.packages import TooLarge, check_unpacked

if TYPE_CHECKING:
    from datetime import datetime

    from pptx.presentation import Presentation as PresentationType
    from pptx.slide import NotesMaster, SlideLayout

    from briefing.deck import Deck

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><TotalTime>0</TotalTime><Application>briefing</Application>'
    "<PresentationFormat>{format}</PresentationFormat><Slides>{slides}</Slides>"
    "<Notes>{slides}</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


Opened = tuple["PresentationType", Frame, tuple["SlideLayout", "SlideLayout"]]


def open_template(template: Path | None = None) -> Opened:
    """The presentation the slides go into, where they are placed, and the two layouts
    (content, cover): python-pptx's default made 16:9, or an organisation's template. Once
    per build; `build` opens it while the deck is composed (and loads the font metrics the
    layout measures with, meanwhile too)."""
    metrics()
    return _open_template(template) if template else _open_default()


def build_pptx(
    deck: Deck, out: Path, template: Path | None = None, opened: Opened | None = None
) -> tuple[int, list[str]]:
    """Write `deck` to `out` (atomically, reproducibly); return the slide count and layout
    warnings (quotes shortened to fit). `opened`: `open_template(template)`'s result."""
    deckfile.check_destination(out)
    when = deckfile.build_time(deck.date)
    prs, frame, layouts = opened if opened is not None else open_template(template)
    pages, warnings = plan_deck(deck, frame)
    add_page = _SlideWriter(prs, layouts, decorate=template is None)
    for page in pages:
        add_page(page)
    _set_properties(prs, deck, when, widescreen=template is None, slides=len(pages))
    deckfile.write_atomic(out, deckfile.zip_entries(_package_entries(prs), when))
    return len(pages), warnings


class _EntryWriter(PackageWriter):
    """python-pptx's package writer, collecting {zip member: bytes} instead of writing a zip,
    so the deck is compressed once, reproducibly, by briefing.export.pptx.package."""

    def entries(self) -> dict[str, bytes]:
        collected: dict[str, bytes] = {}

        class Sink:
            def write(self, uri: PackURI, blob: bytes) -> None:
                collected[uri.membername] = blob

        sink = Sink()
        self._write_content_types_stream(sink)  # type: ignore[arg-type]
        self._write_pkg_rels(sink)  # type: ignore[arg-type]
        self._write_parts(sink)  # type: ignore[arg-type]
        return collected


def _package_entries(prs: PresentationType) -> dict[str, bytes]:
    package = prs.part.package
    return _EntryWriter(io.BytesIO(), package._rels, tuple(package.iter_parts())).entries()


def _open_default() -> tuple[PresentationType, Frame, tuple[SlideLayout, SlideLayout]]:
    """python-pptx's default template made 16:9, its 4:3 layouts widened to match."""
    prs = Presentation()
    old = prs.slide_width
    prs.slide_width, prs.slide_height = Pt(960), Pt(540)
    scale = prs.slide_width / old
    for part in (prs.slide_master, *prs.slide_layouts):
        for tag in ("a:off", "a:ext"):
            for el in part.element.iter(qn(tag)):
                key = "x" if tag == "a:off" else "cx"
                el.set(key, str(round(int(el.get(key)) * scale)))
    _strip_package(prs)
    return prs, default_frame(), (prs.slide_layouts[1], prs.slide_layouts[0])


def _open_template(path: Path) -> tuple[PresentationType, Frame, tuple[SlideLayout, SlideLayout]]:
    """An organisation's template: its slides dropped, its layouts picked by placeholder type."""
    name = display_path(path)
    if not path.is_file():
        raise OutputError(f"template {name} not found")
    try:
        check_unpacked(path)
    except TooLarge as exc:
        raise OutputError(f"template {name}: {exc}; use another template") from None
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many types for a bad file
        raise OutputError(f"template {name} is not a PowerPoint file: {exc}") from None
    for sld in list(prs.slides._sldIdLst):
        prs.part.drop_rel(sld.rId)
        prs.slides._sldIdLst.remove(sld)
    for ext in prs.part._element.findall(qn("p:extLst")):  # section lists name dropped slides
        prs.part._element.remove(ext)
    _strip_package(prs)
    cover = _pick(prs, name, "title slide layout", [PH.CENTER_TITLE, PH.TITLE], [PH.SUBTITLE])
    content = _pick(prs, name, "content layout", [PH.TITLE], [PH.BODY, PH.OBJECT])
    width, height = prs.slide_width.pt, prs.slide_height.pt
    default = default_frame()
    sx, sy = width / default.width, height / default.height

    def scaled(b: Box) -> Box:
        return Box(b.x * sx, b.y * sy, b.w * sx, b.h)

    frame = Frame(
        width=width,
        height=height,
        cover_title=_need(cover, name, PH.CENTER_TITLE, PH.TITLE),
        cover_subtitle=_need(cover, name, PH.SUBTITLE),
        title=_need(content, name, PH.TITLE),
        content=_need(content, name, PH.BODY, PH.OBJECT),
        marking_top=scaled(default.marking_top),
        marking_bottom=_ph_box(content, PH.FOOTER) or scaled(default.marking_bottom),
        number=_ph_box(content, PH.SLIDE_NUMBER) or scaled(default.number),
    )
    return prs, frame, (content, cover)


def _pick(prs: PresentationType, name: str, what: str, title: list, body: list) -> SlideLayout:
    """The layout with a placeholder of each kind asked for (fewest placeholders wins)."""
    found = []
    for layout in prs.slide_layouts:
        types = {ph.placeholder_format.type for ph in layout.placeholders}
        if types & set(title) and types & set(body):
            found.append((len(layout.placeholders), layout))
    if not found:
        kinds = " or ".join(t.name for t in body)
        have = ", ".join(layout.name for layout in prs.slide_layouts) or "none"
        raise OutputError(
            f"template {name} lacks a {what}: no layout has a title placeholder and a "
            f"{kinds} placeholder (layouts: {have})"
        )
    return min(found, key=lambda pair: pair[0])[1]


def _ph_box(layout: SlideLayout, *types: PH) -> Box | None:
    """Where a layout's placeholder of one of `types` sits (inherited from the master)."""
    for ph in layout.placeholders:
        if ph.placeholder_format.type in types and ph.width and ph.height:
            return Box(Emu(ph.left).pt, Emu(ph.top).pt, Emu(ph.width).pt, Emu(ph.height).pt)
    return None


def _need(layout: SlideLayout, template: str, *types: PH) -> Box:
    box = _ph_box(layout, *types)
    if box is None:
        kinds = " or ".join(t.name for t in types)
        raise OutputError(f"template {template}: layout {layout.name!r} gives its {kinds} no size")
    return box


def _strip_package(prs: PresentationType) -> None:
    """Drop what a template carries but the deck must not: its thumbnail (a picture of the
    template, not the deck) and printer settings."""
    package = prs.part.package
    for rId, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rId)
    for rId, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.drop_rel(rId)


class _SlideWriter:
    """Adds each planned page as a slide and its notes page, parts whose XML
    briefing.export.pptx.drawingml renders, related as python-pptx relates them. (python-pptx's
    add_slide and notes_slide clone every placeholder and then query the tree by XPath;
    with the property setters after them, that was most of a build's own time.)"""

    def __init__(
        self, prs: PresentationType, layouts: tuple[SlideLayout, SlideLayout], *, decorate: bool
    ) -> None:
        self._prs, self._decorate = prs, decorate
        self._layouts = [(layout, *_title_placeholders(layout)) for layout in layouts]
        self._notes: list[Placeholder] | None = None  # the notes master's, once it exists
        package = prs.part.package
        taken = {part.partname for part in package.iter_parts()}
        self._names = (
            (PackURI(f"/ppt/slides/slide{n}.xml"), PackURI(f"/ppt/notesSlides/notesSlide{n}.xml"))
            for n in count(1)
            if f"/ppt/slides/slide{n}.xml" not in taken
            and f"/ppt/notesSlides/notesSlide{n}.xml" not in taken
        )

    def __call__(self, page: Page) -> None:
        layout, title, subtitle = self._layouts[page.kind == "cover"]
        package, pres = self._prs.part.package, self._prs.part
        slide_name, notes_name = next(self._names)
        xml = slide_xml(page, title, subtitle, decorate=self._decorate)
        slide = SlidePart(slide_name, CT.PML_SLIDE, package, parse_xml(xml))
        slide.relate_to(layout.part, RT.SLIDE_LAYOUT)
        self._prs.slides._sldIdLst.add_sldId(pres.relate_to(slide, RT.SLIDE))
        master = pres.notes_master_part  # python-pptx adds its default one if there is none
        if self._notes is None:
            self._notes = _notes_placeholders(master.notes_master)
        notes = NotesSlidePart(
            notes_name, CT.PML_NOTES_SLIDE, package, parse_xml(notes_xml(page.notes, self._notes))
        )
        notes.relate_to(master, RT.NOTES_MASTER)
        notes.relate_to(slide, RT.SLIDE)
        slide.relate_to(notes, RT.NOTES_SLIDE)


def _title_placeholders(layout: SlideLayout) -> tuple[Placeholder, Placeholder | None]:
    """A layout's title placeholder and its subtitle one (None when it has none)."""
    found = [placeholder(ph.element.ph.attrib) for ph in layout.placeholders]
    title = next((p for p in found if p.kind in ("title", "ctrTitle")), None)
    if title is None:
        raise OutputError(f"slide layout {layout.name!r} has no title placeholder")
    return title, next((p for p in found if p.kind == "subTitle"), None)


def _notes_placeholders(master: NotesMaster) -> list[Placeholder]:
    """What a notes page takes from the notes master (as python-pptx clones it): the slide
    image, the notes and the slide number; a notes placeholder is added if the master has none."""
    found = [placeholder(ph.element.ph.attrib) for ph in master.placeholders]
    found = [p for p in found if p.kind in ("sldImg", "body", "sldNum")]
    return found if any(p.kind == "body" for p in found) else [*found, NOTES_BODY]


def _set_properties(
    prs: PresentationType, deck: Deck, when: datetime | None, *, widescreen: bool, slides: int
) -> None:
    """Document properties from the outline, nothing left from python-pptx's template."""
    cp = prs.core_properties
    themes = dict.fromkeys(s.theme_title for s in deck.slides if s.theme_title)
    cp.title, cp.subject = deck.title, deck.subtitle or ""
    cp.author = cp.last_modified_by = deck.presenter or ""
    cp.keywords, cp.comments, cp.category = "; ".join(themes), "", ""
    cp.revision = 1
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for el in cp._element.findall(qn(tag)):
            cp._element.remove(el)
    if when is not None:
        cp.created = cp.modified = cp.last_printed = when
    fmt = "Widescreen" if widescreen else "Custom"
    for part in prs.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part.blob = APP_XML.format(format=fmt, slides=slides).encode()  # type: ignore[misc]


def read_quotes(path: Path) -> list[tuple[int, str, str, str]]:
    """(slide number, shape name, first paragraph, second paragraph) of every text shape in a
    deck: a quote box's first paragraph is the quotation, the next its attribution. For
    `verify`, which treats the file as untrusted: anything unreadable is one clear error."""
    shown = str(path)  # as the user typed it
    try:
        check_unpacked(path)
    except TooLarge as exc:
        raise BriefingError(f"{shown}: {exc}; give the file `briefing build` wrote") from None
    try:
        prs = Presentation(str(path))
        found = []
        for number, slide in enumerate(prs.slides, 1):
            for shape in slide.shapes:
                if not shape.has_text_frame:
                    continue
                paras = [unescape_text(p.text) for p in shape.text_frame.paragraphs[:2]]
                paras += [""] * (2 - len(paras))
                found.append((number, str(shape.name or ""), paras[0], paras[1]))
    except Exception:  # noqa: BLE001 - python-pptx raises many types for a bad file
        raise BriefingError(
            f"{shown}: not a readable PowerPoint deck (.pptx); give the file `briefing build` wrote"
        ) from None
    return found
