"""A saved page parsed as trafilatura parses it, with libxml2's limits for huge documents lifted.

trafilatura parses a page with libxml2 in its default mode, which stops at 256 levels of nesting
and at a text or attribute value over 10 MB, and silently drops the rest of the page: a page of
unclosed `<font>` or `<div>` tags (old CMS pages, Word's "Save as web page") came out as "no main
text found". Here the page gets trafilatura's own repairs and its parser's settings, plus
`huge_tree`, and trafilatura is handed the tree; a page within the limits parses to the same
tree as before (`tests/sources/test_html_parse.py`).
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _parser() -> Any:
    from lxml.html import HTMLParser

    # trafilatura.utils.HTML_PARSER's settings, and huge_tree
    return HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )


def parse_page(markup: str) -> Any:
    """`trafilatura.utils.load_html(markup)` with the huge-document limits lifted: an lxml
    tree (a fresh one each call: extraction changes it), or None for what is no HTML."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = markup[:50].lower()
    markup = repair_faulty_html(markup, beginning)
    tree, as_bytes = None, False
    try:
        tree = fromstring(markup, parser=_parser())
    except ValueError:  # a str with an encoding declaration: lxml wants bytes
        tree, as_bytes = _from_bytes(markup), True
    except Exception:  # noqa: BLE001 - as trafilatura: an unparsable page is no page
        tree = None
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _from_bytes(markup)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def _from_bytes(markup: str) -> Any:
    from lxml.html import fromstring

    try:
        return fromstring(markup.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:  # noqa: BLE001 - as trafilatura's fromstring_bytes
        return None
