"""Recognise web-capture noise by paragraph, without touching the raw text.

Each rule names what it removes, so `briefing sources` can show what cleaning took out. Noise
never reaches a slide: only paragraphs judged prose are indexed.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing.corpus.segment import Span

# (reason, pattern): a paragraph matching any of these is boilerplate, in any language we meet.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "cookie banner",
        re.compile(
            r"\bcookies?\b|\btraceurs\b|\bgalletas\b|Datenschutz|\bconsentement\b"
            r"|\bconsent to (?:the )?use\b|\bAccepter\b|\bAccept all\b",
            re.I,
        ),
    ),
    (
        "subscribe prompt",
        re.compile(
            r"\bsubscri(?:be|ption)\b|\bnewsletters?\b|\bsign up (?:for|to)\b|\bs'abonner\b"
            r"|\babonnieren\b|\bsuscr[ií]bete\b|\bregister (?:now|for free)\b|\bstory of the week\b"
            r"|\bEnjoying this article\b|\bClick here to\b",
            re.I,
        ),
    ),
    ("print/share widget", re.compile(r"Print Friendly|PDF & Email|\bShare (?:this|on)\b", re.I)),
    ("PDF link", re.compile(r"^(?:PDF version|Download (?:the )?PDF)\b|\[\d+ ?[KM]B\]", re.I)),
    ("translate widget", re.compile(r"^Translate\b|^Dịch\b", re.I)),
    (
        "photo caption or credit",
        re.compile(
            r"\bPhotos? (?:by|courtesy|credit)\b|^(?:Photo|Image|Credit|Source: (?:AP|AFP|Reuters))"
            r"\s*:|\bAP Photo\b|\bGetty Images\b|\(Photo:|\bFile photo\b",
            re.I,
        ),
    ),
    (
        "licence or copyright",
        re.compile(
            r"©|\bcopyright\b|Creative Commons|\blicen[cs]ed under\b|All rights reserved"
            r"|\blicen[cs]e terms\b|permission may be required|^Inquiries regarding",
            re.I,
        ),
    ),
    (
        "navigation",
        re.compile(r"^(?:go to top|back to top|skip to (?:main )?content|menu|home)$", re.I),
    ),
    ("navigation", re.compile(r"^[^.!?]{0,80}(?:\s[|›»>/]\s[^.!?]{0,40}){2,}$")),
    ("byline", re.compile(r"^By [A-Z][^.!?]{0,120}$")),
    (
        "interface text",
        re.compile(r"^(?:Fermer|Close|Accept|OK|Share|Tweet|Email|Print|Search)$", re.I),
    ),
]

# Once one of these appears in the last part of a document, the rest is footer.
_FOOTER_START = re.compile(
    r"©|^Copyright\b|\bAll rights reserved\b|For copyright reasons|^Translate\b", re.I
)
_CREDIT_LINE = re.compile(r"^(?:Credit|Photo|Image)\s*:", re.I)


def classify(text: str, paras: list[Span]) -> dict[int, str]:
    """Map paragraph index -> reason, for every paragraph that is web-capture noise."""
    bodies = [" ".join(text[p.start : p.end].split()) for p in paras]
    noise: dict[int, str] = {}
    for i, body in enumerate(bodies):
        for reason, pattern in _RULES:
            if pattern.search(body):
                noise[i] = reason
                break
    _mark_captions(bodies, noise)
    _mark_repeats(bodies, noise)
    _mark_footer(text, paras, bodies, noise)
    return noise


def _mark_captions(bodies: list[str], noise: dict[int, str]) -> None:
    """The short line just above a "Credit:" line is the photo's caption; a short line just
    above a subscribe prompt is its pitch."""
    for i, body in enumerate(bodies):
        if not i:
            continue
        words = len(bodies[i - 1].split())
        if _CREDIT_LINE.match(body) and words <= 45:
            noise.setdefault(i - 1, "photo caption or credit")
        elif noise.get(i) == "subscribe prompt" and words <= 20:
            noise.setdefault(i - 1, "subscribe prompt")


def _mark_repeats(bodies: list[str], noise: dict[int, str]) -> None:
    """A paragraph printed twice in one page is a caption or a title echo, not prose."""
    counts = Counter(b for b in bodies if len(b.split()) >= 4)
    for i, body in enumerate(bodies):
        if counts.get(body, 0) > 1:
            noise.setdefault(i, "repeated text")


def _mark_footer(text: str, paras: list[Span], bodies: list[str], noise: dict[int, str]) -> None:
    cutoff = len(text) * 0.6
    for i, body in enumerate(bodies):
        if paras[i].start >= cutoff and _FOOTER_START.search(body):
            for j in range(i, len(bodies)):
                noise.setdefault(j, "page footer")
            return
