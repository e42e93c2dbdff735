"""Analyse documents in two phases, so huge files stream and any batch uses every core.

1. `prepare` (whole document, cheap): paragraphs, noise, metadata, lower-case lexicon.
2. `windows_in` (any run of prose paragraphs, independent): sentences, quality, windows.
A document's quality prior is the share of clean sentences, known once all runs are done.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat

from briefing.sources import bilingual, cleaning, metadata, quality
from briefing.sources.documents import keep_fingerprint
from briefing.sources.segment import Span, paragraphs, sentences

MIN_PROSE_WORDS = 8
MIN_WINDOW_WORDS = 10
MAX_WINDOW_WORDS = 90
MAX_SENTENCE_WORDS = 70
CHUNK_CHARS = 1_000_000  # prose per independent unit of phase 2

# A window opening with one of these leans on what came before it.
DANGLING = frozenset(
    """it its this that these those he she him his her they them their such but and also
    however yet still so thus therefore meanwhile moreover furthermore indeed then here
    there both nevertheless nonetheless instead otherwise likewise similarly besides""".split()
)
_FIRST_WORD = re.compile(r"[\"“‘']?([A-Za-z]+)")
ENDS_PATTERN = r"[.!?][\"”’)\]]*$"  # what a window's last sentence must match
_CLOSERS = '"”’)]'
_MARKS = (".", "!", "?")


def _ends_sentence(body: str) -> bool:
    """Whether `body` ends on a sentence mark, closing quotes and brackets aside: what the
    pattern ENDS_PATTERN finds, without scanning every mark in the sentence."""
    if body.endswith("\n"):  # `$` also matches before a final newline
        body = body[:-1]
    return body.rstrip(_CLOSERS)[-1:] in _MARKS


@dataclass(slots=True)
class Window:
    """A slide-sized run of 1-2 sentences inside one prose paragraph."""

    start: int
    end: int
    para: int  # index into DocAnalysis.paragraphs
    words: int
    dangling: bool
    quality: float  # of its sentences alone; the document's prior is applied when ranking


@dataclass(slots=True)
class Windows:
    """Phase 2's result for one run of paragraphs."""

    windows: list[Window] = field(default_factory=list)
    sentences: int = 0
    garbled: int = 0

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as plain tuples: a worker's windows reach the parent for a third of what
        pickling each slotted Window costs (both processes share the same two cores)."""
        rows = [(w.start, w.end, w.para, w.words, w.dangling, w.quality) for w in self.windows]
        return (_rebuilt, (rows, self.sentences, self.garbled))


def _rebuilt(
    rows: list[tuple[int, int, int, int, bool, float]], sentences: int, garbled: int
) -> Windows:
    """Windows from their pickled form."""
    return Windows([Window(*row) for row in rows], sentences, garbled)


@dataclass(slots=True)
class DocAnalysis:
    """Phase 1's result: everything about a document except its windows."""

    name: str
    sha: str
    chars: int
    meta: dict[str, object]
    paragraphs: list[tuple[int, int]]
    noise: list[tuple[int, int, str]]  # (start, end, reason) for what cleaning removed
    prose: list[int]  # indices of paragraphs worth quoting
    lexicon: frozenset[str]


def prepare(name: str, sha: str, text: str, keep: tuple[str, ...] = ()) -> DocAnalysis:
    """Phase 1; `keep` names passages the user rescued from cleaning (sources.yaml)."""
    paras = list(paragraphs(text))
    noise = cleaning.classify(text, paras)
    kept = _kept(text, paras, keep)
    for i in kept:
        noise.pop(i, None)
    prose = [i for i, p in enumerate(paras) if i not in noise and (i in kept or _is_prose(text, p))]
    sample = _prose_sample(text, paras, prose) or text
    head_share, share = quality.english_shares(sample)  # the sample's words read once
    lang = quality.language(sample, share=head_share)
    may_be_bilingual = bilingual.may_be(sample, share)
    other = bilingual.split(text, [paras[i] for i in prose]) if may_be_bilingual else None
    other_language: dict[str, object] = {}
    if other:  # quoted in English; the other language's paragraphs are marked to be left out
        spans = [paras[prose[i]] for i in other]
        lang, other_language = (
            "en",
            {
                "language": quality.language("\n".join(text[p.start : p.end] for p in spans)),
                "spans": [[p.start, p.end] for p in spans],
            },
        )
    return DocAnalysis(
        name=name,
        sha=sha,
        chars=len(text),
        meta={
            **metadata.extract(text, paras[:40], noise),
            "language": lang,
            **({"other_language": other_language} if other_language else {}),
            **({"_keep": keep_fingerprint(keep)} if keep else {}),
        },
        paragraphs=[(p.start, p.end) for p in paras],
        noise=[(paras[i].start, paras[i].end, reason) for i, reason in sorted(noise.items())],
        prose=prose,
        # Stray capitals are an English signal; other languages are judged without them.
        lexicon=quality.lower_lexicon(text) if lang == "en" else frozenset(),
    )


def _prose_sample(text: str, paras: list[Span], prose: list[int], limit: int = 6000) -> str:
    """The first prose paragraphs, up to `limit` characters: what the language is judged on."""
    parts: list[str] = []
    size = 0
    for i in prose:
        parts.append(text[paras[i].start : paras[i].end])
        size += len(parts[-1])
        if size >= limit:
            break
    return "\n".join(parts)


def chunks(doc: DocAnalysis) -> Iterator[list[int]]:
    """Prose paragraph indices in runs of about CHUNK_CHARS, for phase 2."""
    run: list[int] = []
    size = 0
    for index in doc.prose:
        start, end = doc.paragraphs[index]
        run.append(index)
        size += end - start
        if size >= CHUNK_CHARS:
            yield run
            run, size = [], 0
    if run:
        yield run


def windows_in(
    text: str, offset: int, spans: list[tuple[int, int, int]], lexicon: frozenset[str]
) -> Windows:
    """Windows for paragraphs (index, start, end) of `text`, a slice starting at `offset`."""
    result = Windows()
    for index, start, end in spans:
        para = Span(start - offset, end - offset)
        found = sentences(text, para)
        bodies = [text[s.start : s.end] for s in found]
        split = [body.split() for body in bodies]  # once, for the scores and the word counts
        scores = list(map(quality.sentence_quality, bodies, repeat(lexicon), repeat("en"), split))
        result.sentences += len(found)
        result.garbled += sum(map(_CLEAN.__gt__, scores))  # scores below clean, counted in C
        windows = _windows(text, index, found, bodies, scores, list(map(len, split)))
        if offset:  # a huge document's chunk: its offsets are into the chunk
            for w in windows:
                w.start += offset
                w.end += offset
        result.windows += windows
    return result


_CLEAN = 1.0  # a sentence's quality with no sign of garble


def doc_quality(sentences: int, garbled: int, machine_translated: bool = False) -> float:
    """The document prior: a page with many garbled sentences is a garbled page, and so is
    one that says a machine translated it, however clean its sentences look."""
    if machine_translated:
        return 0.3
    return max(0.3, 1.0 - 2.0 * garbled / sentences) if sentences else 1.0


def _kept(text: str, paras: list[Span], keep: tuple[str, ...]) -> set[int]:
    """The paragraphs holding any kept passage (found verbatim, whitespace-tolerant)."""
    found: set[int] = set()
    for passage in keep:
        words = passage.split()
        if not words:
            continue
        match = re.search(r"\s+".join(map(re.escape, words)), text)
        if match is None:
            continue
        found.update(
            i for i, p in enumerate(paras) if p.start < match.end() and match.start() < p.end
        )
    return found


def analyse(
    name: str, sha: str, text: str, keep: tuple[str, ...] = ()
) -> tuple[DocAnalysis, Windows]:
    """Both phases for one document in this process."""
    doc = prepare(name, sha, text, keep)
    spans = [(i, *doc.paragraphs[i]) for i in doc.prose]
    return doc, windows_in(text, 0, spans, doc.lexicon)


def _is_prose(text: str, para: Span) -> bool:
    body = text[para.start : para.end]
    # split at most MIN_PROSE_WORDS - 1 times: as many parts as words, up to MIN_PROSE_WORDS
    enough = len(body.split(None, MIN_PROSE_WORDS - 1)) >= MIN_PROSE_WORDS
    return enough and ("." in body or "!" in body or "?" in body)


def _windows(
    text: str,
    para: int,
    spans: list[Span],
    bodies: list[str],
    qualities: list[float],
    counts: list[int],
) -> list[Window]:
    """Windows of one or two sentences; one that would stop on a sentence too short to stand
    alone ("In practice, the metaphor describes a hedging strategy.") runs on through the next,
    which that sentence announces, unless it ends the paragraph."""
    found = []
    seen: set[tuple[int, int]] = set()
    ends = [_ends_sentence(body) for body in bodies]  # once each, not once per window
    for i, span in enumerate(spans):
        for size in (1, 2):
            if i + size > len(spans):
                break
            if size == 1 and counts[i] > MAX_SENTENCE_WORDS:
                break
            if counts[i + size - 1] < MIN_WINDOW_WORDS and i + size < len(spans):
                size += 1  # a lead-in: the window goes on to what it leads into
            words = sum(counts[i : i + size])
            last = spans[i + size - 1]
            if not MIN_WINDOW_WORDS <= words <= MAX_WINDOW_WORDS:
                continue
            if not ends[i + size - 1] or (span.start, last.end) in seen:
                continue
            seen.add((span.start, last.end))
            first = _FIRST_WORD.match(text, span.start)
            dangling = bool(first and first.group(1).lower() in DANGLING)
            found.append(
                Window(span.start, last.end, para, words, dangling, min(qualities[i : i + size]))
            )
    return found
