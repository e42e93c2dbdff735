"""Organisation templates made with python-pptx for the --template tests."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches, Pt

SAMPLE_TEXT = "TEMPLATE SAMPLE SLIDE"
BODY_KINDS = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}


def make_template(path: Path, *, drop: str | None = None) -> Path:
    """A 4:3 "corporate" template with a coloured master, a moved title and a sample slide.

    drop="content" removes every layout with a title and a body/object placeholder;
    drop="title" removes every layout with a subtitle placeholder.
    """
    prs = Presentation()
    fill = prs.slide_master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor(0xF4, 0xF1, 0xEA)
    content = prs.slide_layouts.get_by_name("Title and Content")
    assert content is not None
    title = next(
        ph for ph in content.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.TITLE
    )
    title.left, title.top, title.width, title.height = Inches(0.4), Inches(0.3), Inches(9.2), Pt(80)
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = SAMPLE_TEXT
    if drop is not None:
        _drop_slides(prs)
        for layout in list(prs.slide_layouts):
            kinds = {ph.placeholder_format.type for ph in layout.placeholders}
            if (drop == "content" and kinds & BODY_KINDS) or (
                drop == "title" and PP_PLACEHOLDER.SUBTITLE in kinds
            ):
                prs.slide_layouts.remove(layout)
    prs.save(str(path))
    return path


def _drop_slides(prs: Presentation) -> None:  # type: ignore[valid-type]
    """A layout in use cannot be removed: drop the sample slide first."""
    ids = prs.slides._sldIdLst
    for sld in list(ids):
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)
