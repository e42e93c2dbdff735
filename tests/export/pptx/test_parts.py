"""The slide and notes XML drawingml renders must be what python-pptx itself would
have written (its add_slide clones, its text setter), so the faster path changes no byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from openxml_audit import validate_pptx
from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

from briefing.export.pptx.drawingml import NSDECLS, notes_xml, placeholder, placeholder_sp, xml_text
from tests.conftest import EXAMPLE, run_cli
from tests.export.pptx.fixtures.decks import read_deck
from tests.export.pptx.fixtures.templates import make_template

# Notes text as the composer makes it, plus what a shared outline might smuggle in: line
# breaks, vertical tabs (soft breaks), control characters and markup characters.
NOTES = st.lists(
    st.sampled_from([*"ab ĐàViệt—“”&<>'\"\t\n\v\r\x00\x07\x1f", "word", "  "]), max_size=60
).map("".join)


def _body(notes_root: etree._Element) -> bytes:
    """The notes placeholder's text body, canonicalised."""
    body = next(
        sp
        for sp in notes_root.iter(qn("p:sp"))
        if sp.find(f".//{qn('p:ph')}").get("type") == "body"
    )
    return etree.tostring(body.find(qn("p:txBody")), method="c14n")


@settings(max_examples=60, deadline=None)
@given(NOTES)
def test_notes_page_is_what_python_pptx_writes(text: str) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    slide.notes_slide.notes_text_frame.text = text
    theirs = slide.notes_slide.element
    master = prs.notes_master
    kept = [placeholder(ph.element.ph.attrib) for ph in master.placeholders]
    ours = parse_xml(notes_xml(text, [p for p in kept if p.kind in ("sldImg", "body", "sldNum")]))
    assert etree.tostring(ours, method="c14n") == etree.tostring(theirs, method="c14n")
    assert _body(ours) == _body(theirs)


@pytest.mark.parametrize("template", ["default", "corporate"])
def test_title_placeholders_are_python_pptx_clones(template: str, tmp_path: Path) -> None:
    path = make_template(tmp_path / "corporate.pptx") if template == "corporate" else None
    prs = Presentation(str(path) if path else None)
    for layout in prs.slide_layouts:
        slide = prs.slides.add_slide(layout)
        for sp in slide.shapes._spTree.iter(qn("p:sp")):
            ph = sp.find(f".//{qn('p:ph')}")
            if ph is None or ph.get("type") not in ("title", "ctrTitle", "subTitle"):
                continue
            shape_id = int(sp.find(f".//{qn('p:cNvPr')}").get("id"))
            ours = parse_xml(
                f"<p:spTree {NSDECLS}>{placeholder_sp(shape_id, placeholder(ph.attrib))}</p:spTree>"
            )[0]
            theirs, mine = sp.find(qn("p:nvSpPr")), ours.find(qn("p:nvSpPr"))
            assert etree.tostring(mine, method="c14n") == etree.tostring(theirs, method="c14n")


def test_xml_text_escapes_what_xml_cannot_hold() -> None:
    assert xml_text("a\x07b\uffffc&<") == "a_x0007_b_xFFFF_c&amp;&lt;"
    parse_xml(f"<a:t {NSDECLS}>{xml_text(chr(0xFFFE) + chr(0x0B))}</a:t>")  # parses


def test_a_notes_master_without_a_notes_placeholder_still_gets_notes(tmp_path: Path) -> None:
    template = make_template(tmp_path / "corporate.pptx")
    prs = Presentation(str(template))
    master = prs.notes_master
    for ph in list(master.placeholders):
        if ph.element.ph.get("type") == "body":
            ph.element.getparent().remove(ph.element)
    prs.save(str(template))
    out = tmp_path / "deck.pptx"
    result = run_cli("build", EXAMPLE, "-o", out, "--template", template)
    assert result.exit_code == 0, result.output
    slides = read_deck(out)
    assert all(slide.notes.strip() for slide in slides)
    assert "Stromseth" in " ".join(slide.notes for slide in slides)
    audit = validate_pptx(str(out))
    assert audit.errors == [] and audit.warning_count == 0, audit.errors[:5]
