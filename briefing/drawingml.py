"""DrawingML text for one planned text box, as an XML string. Pure: no pptx import.

Every property the layout was measured with is written explicitly (font, size, spacing,
insets, no autofit), so nothing inherited from a template's master can change it. Building
the XML directly is also several times faster than python-pptx's property setters.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from briefing.slideplan import INSET_X, INSET_Y, Box, Page, TextBox
from briefing.textfit import FONT_NAME

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
EMU_PER_PT = 12700
NAVY, INK, GREY, ACCENT, MAROON = "1F3864", "222222", "595959", "2E75B6", "7F0000"
COLOURS = {"title": NAVY, "marking": MAROON, "number": GREY, "subtitle": GREY, "note": GREY}
SLIDENUM_FIELD = "{5C2E0F8B-1E7A-4B43-9D0D-6B6A1F0E6C21}"  # fixed, for reproducible files
_CTRL = re.compile(r"[\x00-\x08\x0B-\x1F]")
_ESCAPED = re.compile(r"_x([0-9A-F]{4})_")


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def xml_text(text: str) -> str:
    """Text for an a:t element: XML-escaped, control characters as OOXML's _xHHHH_."""
    return escape(_CTRL.sub(lambda m: f"_x{ord(m.group()):04X}_", text))


def unescape_text(text: str) -> str:
    """Undo the _xHHHH_ escapes of control characters, as PowerPoint does on reading."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def txbody_xml(tb: TextBox, *, field: bool = False) -> str:
    """A complete p:txBody for `tb`; with `field`, its text is a slide-number field."""
    inset_x, inset_y, inset_b = emu(INSET_X), emu(INSET_Y), emu(tb.bottom_inset)
    parts = [
        f'<p:txBody xmlns:a="{A_NS}" xmlns:p="{P_NS}">',
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
    body = txbody_xml(tb, field=field).replace(f' xmlns:a="{A_NS}" xmlns:p="{P_NS}"', "", 1)
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(tb.box)}'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>{body}</p:sp>'
    )


def page_shapes_xml(page: Page, first_id: int, *, decorate: bool) -> str:
    """Every shape a page adds besides its placeholders, bottom to top, in one p:spTree
    (parsed once per slide: python-pptx's add_shape is slow)."""
    shapes: list[str] = []
    t = page.title.box
    if decorate and page.kind == "cover":
        shapes.append(rect_sp(0, "Cover band", Box(t.x - 24, t.y, 8, t.h + 170), NAVY))
    elif decorate:
        rule = Box(t.x + INSET_X, t.y + t.h + 4, t.w - 2 * INSET_X, 2)
        shapes.append(rect_sp(0, "Title rule", rule, ACCENT))
    for tb in page.body:
        if tb.role == "subtitle":
            continue  # it fills the layout's subtitle placeholder
        if tb.role == "quote":
            bar = Box(tb.box.x - 12, tb.box.y + INSET_Y, 4, tb.box.h - 2 * INSET_Y)
            shapes.append(rect_sp(0, "Quote bar", bar, ACCENT))
        shapes.append(textbox_sp(0, tb))
    shapes += [textbox_sp(0, tb, field=tb.role == "number") for tb in page.chrome]
    numbered = [s.replace('id="0"', f'id="{first_id + i}"', 1) for i, s in enumerate(shapes)]
    return f'<p:spTree xmlns:a="{A_NS}" xmlns:p="{P_NS}">{"".join(numbered)}</p:spTree>'
