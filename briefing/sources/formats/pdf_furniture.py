"""Page furniture in PDFs: running headers and footers (repeated across pages), page numbers,
and, on any page, margin notices by their shape (a copyright line, a URL, a classification
marking, a browser's printed address and date) set apart from the body in smaller type or by a
wide gap. Margin lines that stay are moved to their page's start or end, so a footer drawn
first never precedes the body."""

from __future__ import annotations

import re
from collections import Counter
from statistics import median

from briefing.sources.formats.extracted import web_address
from briefing.sources.formats.pdf_layout import Line, line_step

ZONE_TOP, ZONE_BOTTOM = 2, 3  # lines per page examined as possible header / footer
ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
PAGE_NUMBER = re.compile(
    rf"(?:page|p\.|seite|página|pagina)?\s*[-–—(\[]?\s*(?:\d{{1,4}}|{ROMAN})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
ADDRESS = (
    r"(?:https?://\S+|file:/\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:[a-z0-9-]+\.)+[a-z]{2,}/?)"
)
URL_ONLY = re.compile(rf"{ADDRESS}(?:\s*[|·•,;]?\s*{ADDRESS})*", re.IGNORECASE)
# What a browser prints in a page's margins: the page's address with its count ("https://...
# 2/5", "... Page 2 of 5"), and a date and time opening the header ("12/2/26, 10:35 PM",
# "02.12.26, 22:35") before the page's title.
PRINTED_ADDRESS = re.compile(
    rf"{ADDRESS}\s+(?:page\s+)?\d{{1,4}}\s*(?:/|of)\s*\d{{1,4}}", re.IGNORECASE
)
PRINTED_AT = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?!\S)",
    re.IGNORECASE,
)
# A protective marking is a short line made only of these words, with one of the first row.
MARKING = frozenset(
    "official sensitive confidential confidence classified unclassified protected secret "
    "restricted".split()
)
MARKING_WORDS = MARKING | frozenset(
    "top commercial in for use only not distribution circulation internal "
    "strictly private and cabinet legal privileged personal".split()
)
MARGIN_GAP = 2.0  # baseline steps between the body and a line set apart in the margin
SMALLER = 0.9  # a margin line in type this much smaller than the body's


def furniture_key(text: str) -> str:
    """A line with its digits normalised, so "Page 3 of 9" and "Page 4 of 9" compare equal."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def is_notice(text: str) -> bool:
    """Does a line have the shape of page furniture whatever the page: a copyright notice, a
    URL or e-mail address alone, a protective marking ("OFFICIAL: Sensitive"), or what a
    browser prints around a page (its address and page count, the date and time it was
    printed)?"""
    text = text.strip()
    if COPYRIGHT.search(text) and len(text) <= 160:
        return True
    if URL_ONLY.fullmatch(text) or PRINTED_ADDRESS.fullmatch(text) or PRINTED_AT.match(text):
        return True
    words = re.findall(r"[a-z]+", text.lower())
    return 0 < len(words) <= 8 and set(words) <= MARKING_WORDS and bool(MARKING & set(words))


def margin_lines(lines: list[Line], size: float, leading: float) -> tuple[set[int], set[int]]:
    """Indices of the lines set apart at the top and at the bottom of a page: the outermost
    few (two at the top, three at the bottom) when smaller than the body type or when a gap
    of more than two baseline steps separates them from the rest of the page."""
    order = sorted(range(len(lines)), key=lambda i: (-lines[i].top, i))

    def block(ends: list[int], zone: int) -> set[int]:
        found: set[int] = set()
        for k in range(1, min(zone, len(ends) - 1) + 1):
            inner, outer = lines[ends[k]], lines[ends[k - 1]]
            gap = abs(inner.bottom - outer.bottom) > MARGIN_GAP * leading
            small = all(lines[i].size < SMALLER * size for i in ends[:k])
            if gap or small:
                found = set(ends[:k])
        return found

    return block(order, ZONE_TOP), block(order[::-1], ZONE_BOTTOM)


def strip_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Leave out running headers and footers (a line in the top or bottom zone of a page whose
    digit-normalised text is in the same zone on at least half the pages, and at least two),
    lone page numbers ("12", "- 12 -", "Page 12 of 40", "xii") in those zones, and notices
    (`is_notice`) in a page's margin; other margin lines go to the page's start or end."""
    every = [ln for lines in pages for ln in lines]
    size = median(ln.size for ln in every) if every else 10.0
    leading = line_step(pages, size or 10.0)
    zones: list[tuple[set[int], set[int]]] = []
    counts: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        order = sorted(range(len(lines)), key=lambda i: (-lines[i].top, i))
        top, bottom = set(order[:ZONE_TOP]), set(order[-ZONE_BOTTOM:])
        zones.append((top, bottom))
        keys = {("top", furniture_key(lines[i].text)) for i in top}
        keys |= {("bottom", furniture_key(lines[i].text)) for i in bottom}
        counts.update(keys)
    with_text = sum(1 for lines in pages if lines)
    needed = max(2, (with_text + 1) // 2)
    kept: list[list[Line]] = []
    for lines, (top, bottom) in zip(pages, zones, strict=True):
        head, foot = margin_lines(lines, size or 10.0, leading)
        parts: tuple[list[Line], list[Line], list[Line]] = ([], [], [])
        for i, line in enumerate(lines):
            zone = "top" if i in top else "bottom" if i in bottom else None
            text = line.text.strip()
            if zone and (
                counts[(zone, furniture_key(text))] >= needed or PAGE_NUMBER.fullmatch(text)
            ):
                continue
            if (i in head or i in foot) and is_notice(text):
                continue
            parts[0 if i in head else 2 if i in foot else 1].append(line)
        kept.append([*parts[0], *parts[1], *parts[2]])
    return kept


def printed_address(pages: list[list[Line]]) -> str | None:
    """The web address a browser printed in the first page's margin (alone, or with the page
    count), whole: a long one the browser cut short ("…") is no address. None without one."""
    lines = pages[0] if pages else []
    order = sorted(range(len(lines)), key=lambda i: (-lines[i].top, i))
    for i in order[:ZONE_TOP] + order[-ZONE_BOTTOM:]:
        text = lines[i].text.strip()
        if PRINTED_ADDRESS.fullmatch(text) or URL_ONLY.fullmatch(text):
            found = web_address(text.split()[0])
            if found is not None:
                return found
    return None
