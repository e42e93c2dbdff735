"""Analyse one document: noise, prose paragraphs, quality, metadata and excerpt windows.

A pure function of the text, so it can run in a worker process and be cached by content hash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.corpus import cleaning, metadata, quality
from briefing.corpus.segment import Span, paragraphs, sentences

MIN_PROSE_WORDS = 8
MIN_WINDOW_WORDS = 10
MAX_WINDOW_WORDS = 90
MAX_SENTENCE_WORDS = 70

# A window opening with one of these leans on what came before it.
DANGLING = frozenset(
    [
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "him",
        "his",
        "her",
        "they",
        "them",
        "their",
        "such",
        "but",
        "and",
        "also",
        "however",
        "yet",
        "still",
        "so",
        "thus",
        "therefore",
        "meanwhile",
        "moreover",
        "furthermore",
        "indeed",
        "then",
        "here",
        "there",
        "both",
        "nevertheless",
        "nonetheless",
        "instead",
        "otherwise",
        "likewise",
        "similarly",
        "besides",
    ]
)
_FIRST_WORD = re.compile(r"[\"“‘']?([A-Za-z]+)")
_ENDS = re.compile(r"[.!?][\"”’)\]]*$")


@dataclass(slots=True)
class Window:
    """A slide-sized run of 1-2 sentences inside one prose paragraph."""

    start: int
    end: int
    para: int  # index into DocAnalysis.paragraphs
    words: int
    dangling: bool
    quality: float


@dataclass(slots=True)
class DocAnalysis:
    name: str
    sha: str
    chars: int
    meta: dict[str, object]
    paragraphs: list[tuple[int, int]]
    noise: list[tuple[int, int, str]]  # (start, end, reason) for what cleaning removed
    windows: list[Window] = field(default_factory=list)
    quality: float = 1.0  # share of clean sentences, used as a prior on every window


def analyse(name: str, sha: str, text: str) -> DocAnalysis:
    paras = list(paragraphs(text))
    noise = cleaning.classify(text, paras)
    lexicon = quality.lower_lexicon(text)
    doc = DocAnalysis(
        name=name,
        sha=sha,
        chars=len(text),
        meta=metadata.extract(text, paras, noise),
        paragraphs=[(p.start, p.end) for p in paras],
        noise=[(paras[i].start, paras[i].end, reason) for i, reason in sorted(noise.items())],
    )
    scored: list[tuple[int, list[Span], list[float]]] = []
    total = garbled = 0
    for index, para in enumerate(paras):
        if index in noise or not _is_prose(text, para):
            continue
        spans = sentences(text, para)
        qualities = [quality.sentence_quality(text[s.start : s.end], lexicon) for s in spans]
        total += len(spans)
        garbled += sum(q < 1.0 for q in qualities)
        scored.append((index, spans, qualities))
    doc.quality = max(0.3, 1.0 - 2.0 * garbled / total) if total else 1.0
    for index, spans, qualities in scored:
        doc.windows.extend(_windows(text, index, spans, qualities, doc.quality))
    return doc


def _is_prose(text: str, para: Span) -> bool:
    body = text[para.start : para.end]
    return len(body.split()) >= MIN_PROSE_WORDS and any(c in body for c in ".!?")


def _windows(
    text: str, para: int, spans: list[Span], qualities: list[float], doc_quality: float
) -> list[Window]:
    found = []
    counts = [len(text[s.start : s.end].split()) for s in spans]
    for i, span in enumerate(spans):
        for size in (1, 2):
            if i + size > len(spans):
                break
            words = sum(counts[i : i + size])
            last = spans[i + size - 1]
            if size == 1 and counts[i] > MAX_SENTENCE_WORDS:
                break
            if not MIN_WINDOW_WORDS <= words <= MAX_WINDOW_WORDS:
                continue
            if not _ENDS.search(text[last.start : last.end]):
                continue
            first = _FIRST_WORD.match(text, span.start)
            dangling = bool(first and first.group(1).lower() in DANGLING)
            q = min(qualities[i : i + size]) * doc_quality
            found.append(Window(span.start, last.end, para, words, dangling, q))
    return found
