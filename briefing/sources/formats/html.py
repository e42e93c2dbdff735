"""Saved web pages to canonical text with trafilatura: the article's own paragraphs without
the site's chrome, and the citation metadata the page's markup states."""

from __future__ import annotations

import codecs
import re
from configparser import ConfigParser
from pathlib import Path
from typing import Any

from lxml import etree

from briefing.sources.formats.extracted import (
    Extracted,
    ExtractError,
    clean_value,
    empty_meta,
    join_authors,
)
from briefing.sources.formats.html_inline import without_inline_payloads
from briefing.sources.formats.html_parse import parse_page

EXTRACTOR = "html/6"
SNIFF_BYTES = 4096
META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)|<\?xml[^>]*encoding\s*=\s*["']([-\w.:]+)""",
    re.IGNORECASE,
)
# What browsers do with these labels (WHATWG Encoding): Latin-1 and ASCII mean windows-1252,
# and a page cannot really be UTF-16 without a byte-order mark.
BROWSER_ALIASES = {
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "utf_16": "utf_8",
    "utf_16_le": "utf_8",
    "utf_16_be": "utf_8",
}
# Photo captions and credits, which sites mark up in many ways; a div counts only when it
# holds at most one paragraph, so an article wrapper "with-captions" is never pruned.
CAPTION_WORDS = ("caption", "credit", "bildunterschrift", "legende", "photo-info")
CAPTION_TEST = " or ".join(
    f"contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), "
    f"'{word}')"
    for word in CAPTION_WORDS
)
PRUNE_XPATH = [
    "//figcaption",
    f"//p[{CAPTION_TEST}]",
    f"//span[{CAPTION_TEST}]",
    f"//small[{CAPTION_TEST}]",
    f"//div[({CAPTION_TEST}) and not(.//p[2])]",
]
BLOCKS = ("p", "head", "quote", "item", "code")
# Dates are judged against a fixed horizon, not today's date, so the metadata of a given
# file never changes with the day it is read.
DATE_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "max_date": "2099-12-31",
}


def extract_html(path: Path) -> Extracted:
    """The main text of a saved page as paragraphs separated by a blank line, with metadata."""
    data = path.read_bytes()
    if not data.strip():
        raise ExtractError("empty file: not an HTML page")
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        raise ExtractError("not an HTML page (binary data): is it another format renamed?")
    return extract_markup(decode_html(data))


def extract_markup(markup: str) -> Extracted:
    """A page's main text and metadata from its decoded markup: what `extract_html` reads from
    a saved page, and `mhtml` from the page inside a web archive."""
    markup = without_inline_payloads(markup)
    document = None
    for precision in (True, False):  # favour precision; recall only if that finds nothing
        document = run_trafilatura(markup, precision)
        if document is not None and document.body is not None and len(document.body):
            break
    if document is None or document.body is None or not len(document.body):
        raise ExtractError(
            "no main text found (a login or consent wall, or a page that "
            "needs JavaScript?): save the article's text instead"
        )
    text = "\n\n".join(paragraphs(document.body))
    if not text:
        raise ExtractError("no main text found in the page")
    meta = empty_meta()
    meta.update(
        title=clean_value(document.title),
        author=join_authors(document.author),  # trafilatura's "A; B; C"
        publisher=clean_value(document.sitename),
        date=clean_value(document.date),
        url=clean_value(document.url),
    )
    return Extracted(text=text, meta=meta, extractor=EXTRACTOR)


def run_trafilatura(markup: str, precision: bool) -> Any:
    """trafilatura's extraction as a Document: no comments, no tables, no images or links,
    no deduplication against earlier pages (that would make output depend on history).

    trafilatura's own extractor runs first in its `fast` mode, which skips the comparison with
    readability and jusText. That comparison can only change a precision-mode result when
    readability finds more than twice our text, when our text has no paragraphs (or is mostly
    tables), or when it kept page furniture; an article that holds at least half of all the
    page's visible text (scripts and styles aside) and has none of those faults is therefore
    what the full cascade returns too, at about 60% of its cost. Any other page, and recall
    mode, gets the full cascade."""
    if precision:
        document = _bare_extraction(markup, precision, fast=True)
        if document is None or _fast_result_is_final(document.body, markup):
            return document
    return _bare_extraction(markup, precision, fast=False)


def _bare_extraction(markup: str, precision: bool, *, fast: bool) -> Any:
    import trafilatura  # a heavy import, paid only when a page is read

    tree = parse_page(markup)  # parsed anew each time: extraction changes the tree
    if tree is None:
        return None  # what trafilatura says of a file that is no HTML
    return trafilatura.bare_extraction(
        tree,
        fast=fast,
        favor_precision=precision,
        favor_recall=not precision,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        prune_xpath=PRUNE_XPATH,
        with_metadata=True,
        date_extraction_params=dict(DATE_PARAMS),
        config=offline_config(),
    )


def _fast_result_is_final(body: etree._Element | None, markup: str) -> bool:
    """Would trafilatura's comparison with readability and jusText keep this body as it is?
    Only when it is surely so (see run_trafilatura); when in doubt, no."""
    from trafilatura import external

    sanitized = getattr(external, "SANITIZED_XPATH", None)
    if body is None or not isinstance(sanitized, str) or body.xpath(sanitized):
        return False  # furniture left in the body: jusText would be consulted
    paragraphs = body.findall(".//p")
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(paragraphs):
        return False  # no paragraph text, or mostly tables: readability would be preferred
    own = len(" ".join(" ".join(body.itertext()).split()))
    tree = parse_page(markup)
    if tree is None or own == 0:
        return False
    # readability returns part of the page's visible text, so it cannot reach twice ours
    visible = tree.xpath("//text()[not(ancestor::script) and not(ancestor::style)]")
    return 2 * own >= len(" ".join(" ".join(visible).split()))


def offline_config() -> ConfigParser:
    """trafilatura's settings for files already on disk: it never downloads anything while
    extracting (only its fetch functions do, and they are not used); no extraction timeout,
    which relies on signals and would fail outside the main thread; pages of any length."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", "0")
    return config


def decode_html(data: bytes, transport: str | None = None) -> str:
    """Bytes to text as a browser would: a byte-order mark first, then the charset the page
    came with (`transport`: an HTTP header's, or a web archive part's), then the one the page
    declares (<meta charset>, http-equiv Content-Type or an XML declaration), then UTF-8,
    then windows-1252. A declaration the bytes contradict falls back the same way."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    stated = codec_for(transport) if transport else None
    declared = declared_encoding(data[:SNIFF_BYTES])
    for encoding in dict.fromkeys(e for e in (stated, declared, "utf-8") if e):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def declared_encoding(head: bytes) -> str | None:
    """The Python codec for the charset a page declares in its first bytes, or None."""
    match = META_CHARSET.search(head)
    if not match:
        return None
    return codec_for((match.group(1) or match.group(2)).decode("ascii", errors="ignore"))


def codec_for(label: str) -> str | None:
    """The Python codec a charset label names, as browsers map it; None for an unknown one."""
    label = label.strip().lower()
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    return BROWSER_ALIASES.get(name, name)


def paragraphs(body: etree._Element) -> list[str]:
    """Each block of trafilatura's output (paragraph, heading, quote, list item) as one line
    of text with its whitespace collapsed; <lb/> inside a block becomes a space, and a list
    nested in a list item gives paragraphs of its own after that item."""
    for lb in body.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    out: list[str] = []
    for element in body.iter(*BLOCKS):
        outer = next((a for a in element.iterancestors() if a.tag in BLOCKS), None)
        if outer is not None and not (element.tag == "item" and outer.tag == "item"):
            continue  # read with the block around it
        text = " ".join("".join(own_text(element, element.tag == "item")).split())
        if text:
            out.append(text)
    return out


def own_text(element: etree._Element, skip_lists: bool) -> list[str]:
    """The text of an element, without that of nested lists when `skip_lists`."""
    parts = [element.text or ""]
    for child in element:
        if not (skip_lists and child.tag == "list"):
            parts += own_text(child, skip_lists)
        parts.append(child.tail or "")
    return parts
