"""The XML of every part briefing authors: a planned slide and its notes page, as strings.
Pure: no pptx import.

Every property the layout was measured with is written explicitly (font, size, spacing,
insets, no autofit), so nothing inherited from a template's master can change it. Placeholders
are written as python-pptx clones them from a layout. Rendering the XML directly is several
times faster than python-pptx's shape API (cloning, then property setters), which dominated
the build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import count
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from briefing.export.pptx.slideplan import INSET_X, INSET_Y, Box, Page, TextBox
from briefing.export.pptx.textfit import FONT_NAME, LINE_SLACK, WIDTH_SLACK, line_height, wrap

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECLS = f'xmlns:a="{A_NS}" xmlns:p="{P_NS}" xmlns:r="{R_NS}"'
GROUP_PROPS = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
EMU_PER_PT = 12700
NAVY, INK, GREY, ACCENT, MAROON = "1F3864", "222222", "595959", "2E75B6", "7F0000"
COLOURS = {"title": NAVY, "marking": MAROON, "number": GREY, "subtitle": GREY, "note": GREY}
SLIDENUM_FIELD = "{5C2E0F8B-1E7A-4B43-9D0D-6B6A1F0E6C21}"  # fixed, for reproducible files
_CTRL = re.compile(r"[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]")  # not allowed in XML text
_ESCAPED = re.compile(r"_x([0-9A-F]{4})_")


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def xml_text(text: str) -> str:
    """Text for an a:t element: XML-escaped; control characters and the two non-characters
    XML forbids become OOXML's _xHHHH_, as PowerPoint writes them."""
    return escape(_CTRL.sub(lambda m: f"_x{ord(m.group()):04X}_", text))


def unescape_text(text: str) -> str:
    """Undo the _xHHHH_ escapes of control characters, as PowerPoint does on reading."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def least_text_height(tb: TextBox) -> float:
    """The height `tb`'s text takes at least: lines wrapped on the full width (no safety
    margin) and set solid, so a quote's bar never runs past the text it marks."""
    height = 0.0
    for p in tb.paras:
        width = (tb.box.text_width - p.indent) / WIDTH_SLACK
        lines = wrap(p.text, width, p.size, bold=p.bold, italic=p.italic)
        height += p.space_before + len(lines) * line_height(p.size) / LINE_SLACK
    return height


def txbody_xml(tb: TextBox, *, field: bool = False) -> str:
    """A complete p:txBody for `tb` (inside a shape: no namespace declarations); with
    `field`, its text is a slide-number field."""
    inset_x, inset_y, inset_b = emu(INSET_X), emu(INSET_Y), emu(tb.bottom_inset)
    parts = [
        "<p:txBody>",
        f'<a:bodyPr wrap="square" lIns="{inset_x}" tIns="{inset_y}" rIns="{inset_x}" '
        f'bIns="{inset_b}" rtlCol="0" anchor="{tb.anchor}"><a:noAutofit/></a:bodyPr><a:lstStyle/>',
    ]
    colour = COLOURS.get(tb.role, INK)
    for i, para in enumerate(tb.paras):
        indent = emu(para.indent)
        bullet = (
            '<a:buFont typeface="Arial"/><a:buChar char="\u2022"/>'
            if tb.role == "bullets"
            else "<a:buNone/>"
        )
        fill = ACCENT if tb.role == "quote" and i > 0 else colour
        run_props = (
            f'<a:rPr lang="en-GB" sz="{round(para.size * 100)}" b="{int(para.bold)}" '
            f'i="{int(para.italic)}" dirty="0"><a:solidFill><a:srgbClr val="{fill}"/>'
            f"</a:solidFill><a:latin typeface={quoteattr(FONT_NAME)}/>"
            f"<a:cs typeface={quoteattr(FONT_NAME)}/></a:rPr>"
        )
        text = xml_text(para.text)
        run = (
            f'<a:fld id="{SLIDENUM_FIELD}" type="slidenum">{run_props}<a:t>{text}</a:t></a:fld>'
            if field
            else f"<a:r>{run_props}<a:t>{text}</a:t></a:r>"
        )
        parts.append(
            f'<a:p><a:pPr marL="{indent}" indent="{-indent}" lvl="0" algn="{tb.align}">'
            '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{round(para.space_before * 100)}"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>{run}</a:p>'
        )
    parts.append("</p:txBody>")
    return "".join(parts)


class Placeholder(NamedTuple):
    """A placeholder a slide takes from its layout (or a notes page from its notes master)."""

    kind: str  # its p:ph type: title, ctrTitle, subTitle, body, sldImg, sldNum...
    attrs: str  # its p:ph attributes, defaults left out, as python-pptx writes a clone's


PH_DEFAULTS = (("type", "obj"), ("idx", "0"), ("orient", "horz"), ("sz", "full"))
PH_NAMES = {  # the body is a notes page's: slides get no body placeholder
    "title": "Title",
    "ctrTitle": "Title",
    "subTitle": "Subtitle",
    "body": "Notes Placeholder",
    "sldImg": "Slide Image Placeholder",
    "sldNum": "Slide Number Placeholder",
}
NOTES_BODY = Placeholder("body", 'type="body" idx="1"')  # for a notes master that has none


def placeholder(ph: Mapping[str, str]) -> Placeholder:
    """The placeholder a layout's (or notes master's) p:ph element with attributes `ph` gives."""
    attrs = " ".join(
        f'{k}="{ph[k]}"' for k, default in PH_DEFAULTS if ph.get(k, default) != default
    )
    return Placeholder(ph.get("type", "obj"), attrs)


def placeholder_sp(shape_id: int, ph: Placeholder, inner: str = "<p:spPr/>") -> str:
    """A placeholder shape; `inner` is its p:spPr and, for one holding text, its p:txBody."""
    base = PH_NAMES.get(ph.kind, "Placeholder")
    if 'orient="vert"' in ph.attrs:
        base = f"Vertical {base}"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(f"{base} {shape_id - 1}")}/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {ph.attrs}/></p:nvPr>'
        f"</p:nvSpPr>{inner}</p:sp>"
    )


def _xfrm(box: Box) -> str:
    return (
        f'<a:xfrm><a:off x="{emu(box.x)}" y="{emu(box.y)}"/>'
        f'<a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></a:xfrm>'
    )


def rect_sp(shape_id: int, name: str, box: Box, colour: str) -> str:
    """A filled rectangle without outline or text (rules, bars, bands)."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/><p:cNvSpPr/>'
        f'<p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(box)}<a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/>'
        "</a:ln></p:spPr></p:sp>"
    )


def textbox_sp(shape_id: int, tb: TextBox, *, field: bool = False) -> str:
    """A text box holding `tb`, named by its provenance or its role."""
    name = tb.name or {"marking": "Marking", "number": "Slide number"}.get(
        tb.role, tb.role.capitalize()
    )
    body = txbody_xml(tb, field=field)
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(tb.box)}'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>{body}</p:sp>'
    )


def slide_xml(
    page: Page, title: Placeholder, subtitle: Placeholder | None, *, decorate: bool
) -> str:
    """A whole p:sld for `page`: its title (and a cover's subtitle) in the layout's
    placeholders, then every other shape, bottom to top. `decorate` adds the default look's
    rule, band and quote bars, which an organisation's template does without."""
    ids = count(2)  # 1 is the shape tree itself
    shapes = [placeholder_sp(next(ids), title, _placed(page.title))]
    sub = next((tb for tb in page.body if tb.role == "subtitle"), None)
    if sub is not None and subtitle is not None:
        shapes.append(placeholder_sp(next(ids), subtitle, _placed(sub)))
    else:
        sub = None  # a layout without a subtitle placeholder gets it as a text box
    t = page.title.box
    if decorate and page.kind == "cover":
        shapes.append(rect_sp(next(ids), "Cover band", Box(t.x - 24, t.y, 8, t.h + 170), NAVY))
    elif decorate:
        rule = Box(t.x + INSET_X, t.y + t.h + 4, t.w - 2 * INSET_X, 2)
        shapes.append(rect_sp(next(ids), "Title rule", rule, ACCENT))
    for tb in page.body:
        if tb is sub:
            continue  # it went into the subtitle placeholder
        if tb.role == "quote":
            text_h = least_text_height(tb)
            bar = Box(tb.box.x - 12, tb.box.y + INSET_Y, 4, min(text_h, tb.box.h - 2 * INSET_Y))
            shapes.append(rect_sp(next(ids), "Quote bar", bar, ACCENT))
        shapes.append(textbox_sp(next(ids), tb))
    shapes += [textbox_sp(next(ids), tb, field=tb.role == "number") for tb in page.chrome]
    return (
        f"<p:sld {NSDECLS}><p:cSld><p:spTree>{GROUP_PROPS}<p:grpSpPr/>{''.join(shapes)}"
        "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    )


def notes_xml(text: str, placeholders: Sequence[Placeholder]) -> str:
    """A whole p:notes page: the notes master's slide image, notes and slide number
    placeholders, `text` in the notes one (a paragraph per line, as python-pptx sets it)."""
    shapes = []
    for shape_id, ph in enumerate(placeholders, 2):
        inner = f"<p:spPr/>{_plain_txbody(text)}" if ph.kind == "body" else "<p:spPr/>"
        shapes.append(placeholder_sp(shape_id, ph, inner))
    return (
        f"<p:notes {NSDECLS}><p:cSld><p:spTree>{GROUP_PROPS}<p:grpSpPr><a:xfrm>"
        '<a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{"".join(shapes)}</p:spTree></p:cSld>'
        "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    )


def _placed(tb: TextBox) -> str:
    """A placeholder's position and text: everything explicit, nothing inherited."""
    return f"<p:spPr>{_xfrm(tb.box)}</p:spPr>{txbody_xml(tb)}"


def _plain_txbody(text: str) -> str:
    """Unstyled text: a paragraph per line, a vertical tab as a line break, no empty runs."""
    paras = []
    for line in text.split("\n"):
        runs = [f"<a:r><a:t>{xml_text(r)}</a:t></a:r>" if r else "" for r in line.split("\v")]
        paras.append(f"<a:p>{'<a:br/>'.join(runs)}</a:p>")
    return f"<p:txBody><a:bodyPr/><a:lstStyle/>{''.join(paras)}</p:txBody>"
