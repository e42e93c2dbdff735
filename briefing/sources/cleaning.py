"""Recognise web-capture noise by paragraph, without touching the raw text.

Each rule names what it removes, so `briefing sources` can show what cleaning took out. Noise
never reaches a slide: only paragraphs judged prose are indexed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import NamedTuple

from briefing.sources.segment import Span


class Rule(NamedTuple):
    """One kind of boilerplate. The regex only runs on paragraphs that contain one of the
    (lower-case) triggers and are at most `max_len` characters: a cheap pre-filter that keeps
    cleaning fast on a 50 MB source."""

    reason: str
    pattern: re.Pattern[str]
    triggers: tuple[str, ...] = ()
    max_len: int = 1_000_000


_RULES: list[Rule] = [
    Rule(
        "photo credit line",
        re.compile(r"^(?:Credit|Photo|Image)\s*:", re.I),
        ("credit", "photo", "image"),
        200,
    ),
    Rule(
        "cookie banner",
        re.compile(
            r"\bcookies?\b|\btraceurs\b|\bgalletas\b|Datenschutz|\bconsentement\b"
            r"|\bconsent to (?:the )?use\b|\bAccepter\b|\bAccept all\b",
            re.I,
        ),
        ("cookie", "traceur", "galleta", "datenschutz", "consent", "accept"),
    ),
    Rule(
        "subscribe prompt",
        re.compile(
            r"\bsubscri(?:be|ption)\b|\bnewsletters?\b|\bsign up (?:for|to)\b|\bs'abonner\b"
            r"|\babonnieren\b|\bsuscr[ií]bete\b|\bregister (?:now|for free)\b"
            r"|\bstory of the week\b|\bEnjoying this article\b|\bClick here to\b",
            re.I,
        ),
        (
            "subscri",
            "newsletter",
            "sign up",
            "abonn",
            "suscr",
            "register",
            "story of the",
            "enjoying this",
            "click here",
        ),
        600,
    ),
    Rule(
        "print/share widget",
        re.compile(r"Print Friendly|PDF & Email|\bShare (?:this|on)\b", re.I),
        ("print friendly", "pdf & email", "share "),
        200,
    ),
    Rule(
        "PDF link",
        re.compile(r"^(?:PDF version|Download (?:the )?PDF)\b|\[\d+ ?[KM]B\]", re.I),
        ("pdf", "kb]", "mb]"),
        200,
    ),
    Rule("translate widget", re.compile(r"^Translate\b|^Dịch\b", re.I), ("translate", "dịch"), 100),
    Rule(
        "photo caption or credit",
        re.compile(
            r"\bPhotos? (?:by|courtesy|credit)\b|^(?:Photo|Image|Credit|Source: (?:AP|AFP|Reuters))"
            r"\s*:|\bAP Photo\b|\bGetty Images\b|\(Photo:|\bFile photo\b",
            re.I,
        ),
        ("photo", "image", "credit", "source:", "getty"),
        600,
    ),
    Rule(
        "licence or copyright",
        re.compile(
            r"©|\bcopyright\b|Creative Commons|\blicen[cs]ed under\b|All rights reserved"
            r"|\blicen[cs]e terms\b|permission may be required|^Inquiries regarding",
            re.I,
        ),
        (
            "©",
            "copyright",
            "creative commons",
            "licen",
            "rights reserved",
            "permission",
            "inquiries",
        ),
    ),
    Rule(
        "navigation",
        re.compile(r"^(?:go to top|back to top|skip to (?:main )?content|menu|home)$", re.I),
        max_len=30,
    ),
    Rule(
        "navigation",
        re.compile(r"^[^.!?]{0,80}(?:\s[|›»>/]\s[^.!?]{0,40}){2,}$"),
        ("|", "›", "»", ">", "/"),
        250,
    ),
    Rule("byline", re.compile(r"^By [A-Z][^.!?]{0,120}$"), ("by ",), 130),
    Rule(
        "advertisement or promotion",
        re.compile(
            r"^(?:ADVERTISEMENT|Advertisement|Anzeige|Publicité|Sponsored)$"
            r"|^(?:ALSO READ|READ MORE|Read More|Read more|Related(?: stories| articles)?"
            r"|RELATED|MORE FROM|Recommended|Lire aussi|Mehr zum Thema|Tags|TAGS)(?:\s*[:|›»-]|$)"
            r"|\bJoin our (?:Facebook|Telegram|WhatsApp)\b|\b(?:Donate|Support our journalism"
            r"|Make a donation)\b|\bStay up to date with\b",
            re.I,
        ),
        (
            "advert",
            "anzeige",
            "publicit",
            "sponsored",
            "read",
            "related",
            "more from",
            "recommended",
            "lire aussi",
            "mehr zum",
            "tags",
            "join our",
            "donat",
            "support our",
            "stay up to date",
        ),
        300,
    ),
    Rule(
        "comment form or sign-in",
        re.compile(
            r"^(?:Leave a (?:comment|reply)|Post a comment|\d+ Comments?$|Comments? \(\d+\)"
            r"|Sign in|Log in)\b"
            r"|Your email address will not be published|\bto (?:comment|continue reading)\b",
            re.I,
        ),
        ("comment", "sign in", "log in", "email address", "reply", "continue reading"),
        300,
    ),
    Rule(
        "image file name or markup",
        re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg)$|^<!--.*-->$", re.I | re.S),
        (".jp", ".png", ".gif", ".webp", ".svg", "<!--"),
        300,
    ),
    Rule(
        "interface text",
        re.compile(r"^(?:Fermer|Close|Accept|OK|Share|Tweet|Email|Print|Search)$", re.I),
        max_len=10,
    ),
]

# Once one of these appears in the last part of a document, the rest is footer.
_FOOTER_START = Rule(
    "page footer",
    re.compile(r"©|^Copyright\b|\bAll rights reserved\b|For copyright reasons|^Translate\b", re.I),
    ("©", "copyright", "rights reserved", "translate"),
)


def _matches(rule: Rule, body: str, lowered: str) -> bool:
    if len(body) > rule.max_len:
        return False
    # map over a bound method: the substring tests run without a generator's frame per test
    if rule.triggers and not any(map(lowered.__contains__, rule.triggers)):
        return False
    return rule.pattern.search(body) is not None


class Band(NamedTuple):
    """The rules that can match a paragraph of some length, in their order, and every trigger
    of those that have triggers: a paragraph holding none of them (most prose) is tested
    against the rules without triggers only, one scan per trigger instead of a call per rule."""

    rules: tuple[Rule, ...]
    triggers: tuple[str, ...]
    untriggered: tuple[Rule, ...]


def _by_length(rules: list[Rule]) -> tuple[list[int], list[Band]]:
    """The rules that can match a paragraph of each length band: a long paragraph is tested
    against the few rules without a short limit only."""
    limits = sorted({r.max_len for r in rules})
    bands = []
    for limit in limits:
        fits = tuple(r for r in rules if r.max_len >= limit)
        triggers = tuple(dict.fromkeys(t for r in fits for t in r.triggers))
        bands.append(Band(fits, triggers, tuple(r for r in fits if not r.triggers)))
    return limits, bands


_LIMITS, _BANDS = _by_length(_RULES)
_NO_RULES = Band((), (), ())


def _rules_for(length: int, lowered: str) -> tuple[Rule, ...]:
    """The rules worth testing on a paragraph of this length and lower-cased text."""
    index = bisect_left(_LIMITS, length)
    band = _BANDS[index] if index < len(_BANDS) else _NO_RULES
    # a rule with triggers matches only where one of them is (see _matches)
    return band.rules if any(map(lowered.__contains__, band.triggers)) else band.untriggered


def classify(text: str, paras: list[Span]) -> dict[int, str]:
    """Map paragraph index -> reason, for every paragraph that is web-capture noise.

    Keeps only a hash and a word count per paragraph, so a 50 MB source costs little memory.
    """
    noise: dict[int, str] = {}
    cutoff = len(text) * 0.6
    footer_from: int | None = None
    digests: list[int] = []
    words: list[int] = []
    for i, para in enumerate(paras):
        raw = text[para.start : para.end]
        body = " ".join(raw.split()) if len(raw) < 1000 else raw
        lowered = body.lower()
        for rule in _rules_for(len(body), lowered):
            if _matches(rule, body, lowered):
                noise[i] = rule.reason
                break
        if footer_from is None and para.start >= cutoff and _matches(_FOOTER_START, body, lowered):
            footer_from = i
        count = body.count(" ") + 1
        words.append(count if _caption_shaped(body, count) else CAPTION_MAX + 1)
        digests.append(hash(body) if count >= 4 else 0)
    _mark_captions(words, noise)
    _mark_repeats(digests, noise)
    if footer_from is not None:
        for j in range(footer_from, len(paras)):
            noise.setdefault(j, "page footer")
    return noise


CAPTION_MAX = 40  # words: a caption is one short sentence; a lead paragraph is not
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]{1,40}(?:,[^()]{1,40})?\s*\([^)]{2,30}\)\s*[-–—]")
_SENTENCE_GAP = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"]")


def _caption_shaped(body: str, count: int) -> bool:
    """Could this paragraph be a photo caption? One short sentence, not a news lead (a
    dateline opens a story, never a caption). Shape decides, not position alone."""
    if count > CAPTION_MAX or _DATELINE.match(body):
        return False
    return _SENTENCE_GAP.search(body) is None


def _mark_captions(words: list[int], noise: dict[int, str]) -> None:
    """The caption-shaped line just above a photo credit is its caption; a short line just
    above a subscribe prompt is its pitch."""
    for i in range(1, len(words)):
        reason = noise.get(i)
        if reason == "photo credit line" and words[i - 1] <= CAPTION_MAX:
            noise[i] = "photo caption or credit"
            noise.setdefault(i - 1, "photo caption or credit")
        elif reason == "subscribe prompt" and words[i - 1] <= 20:
            noise.setdefault(i - 1, "subscribe prompt")
    for i, reason in noise.items():
        if reason == "photo credit line":
            noise[i] = "photo caption or credit"


def _mark_repeats(digests: list[int], noise: dict[int, str]) -> None:
    """A paragraph printed twice in one page is a caption or a title echo, not prose."""
    counts = Counter(d for d in digests if d)
    for i, digest in enumerate(digests):
        if digest and counts[digest] > 1:
            noise.setdefault(i, "repeated text")
