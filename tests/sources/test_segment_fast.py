"""The segmenter's fast path gives syntok's sentences wherever it claims a paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.sources.analysis import prepare
from briefing.sources.segment import (
    _ABBREVIATIONS,
    _CLEAR_END,
    _POSSIBLE_END,
    Span,
    _pieces,
    _strip_bullet,
    _trim,
    fast_split,
    sentences,
    syntok_sentences,
)
from briefing.sources.titles import join_titles

# Words and marks from news pages, reports and memos, tricky ones on purpose.
WORDS = (
    "the a of it us in was said report ports Vietnam China Hanoi The It He She They In But "
    "Officials U.S. Sen. Dr. Gen. No. no Sept. Sept Jan. May a.m. p.m. J. R. Tolkien Inc. Corp. "
    "etc. al. Co. St. Mr. Jr. II IV X I A 3.5 2024 10 1,000 $4.2 e.g. i.e. example.com "
    "https://ex.org/a.html press@ex.com ... … ; : , - – — ( ) [ ] { } \" “ ” ‘ ’ ' Vietnam’s "
    "Hà Nội Chính phủ Die Regierung für Montag vs approx de en es min ok Jo OK FDI US XI IV "
    "1994 99 7 Dec Sep May partnership’ ‘deal’ said” NO".split()
    # brackets that open or close on a word, as syntok's tokenizer splits them off
    + "(CPV) (in May) [1] (the the) said) (The (U.S. (see (2024) (“ …) ...) (re-election".split()
    # marks straight before a comma, a colon, a possessive or a hyphen; semicolons; quotes
    # that open the next sentence
    + "U.S., U.S.: U.S.'s U.S.’s U.S.-Vietnam Sen., Sept.’s stop!, Why?, it., so.: Inc.-led "
    "earths; earths;; ;a ,; .- .'s .’ss “Four ‘Four “the “ ‘ “Jan Nos” U.S.“ said.“".split()
)
ENDS = [".", ".", ".", "!", "?", "?!", ".”", '."', ".)", "...", ";", "", ".,", ";", ". “", ".” ‘"]
GAPS = [" ", " ", " ", "  ", "\n", " \u00a0", "\t"]


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    """A paragraph of 1-5 sentences made of words and marks, some tricky."""
    out = []
    for _ in range(draw(st.integers(1, 5))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
        gaps = draw(st.lists(st.sampled_from(GAPS), min_size=len(words), max_size=len(words)))
        sentence = "".join(w + g for w, g in zip(words, gaps, strict=True)).rstrip()
        out.append(sentence + draw(st.sampled_from(ENDS)))
    prefix = draw(st.sampled_from(["", "- ", "1. ", "• "]))
    return prefix + draw(st.sampled_from(GAPS)).join(out)


def check(text: str) -> bool:
    """Assert fast path == syntok (and today's path) where it claims; True if it claimed."""
    text = text.strip()
    para = Span(0, len(text))
    fast = fast_split(text, para)
    if fast is None or not text:
        return False
    want = join_titles(text, syntok_sentences(text, para))
    assert join_titles(text, fast) == want, [text[s.start : s.end] for s in fast]
    assert join_titles(text, _pieces(text, para)) == want
    assert sentences(text, para) == want
    return True


def before_fast_path(text: str, para: Span) -> list[Span]:
    """The segmenter as it was before the fast path: clear lower-case ends, syntok between."""
    spans: list[Span] = []
    start = para.start
    for match in [m for m in _CLEAR_END.finditer(text, para.start, para.end)] + [None]:
        if match is not None and match.group(1) in _ABBREVIATIONS:
            continue
        end = match.end() if match else para.end
        piece = _trim(text, start, end)
        if piece and not _POSSIBLE_END.search(text, piece.start, piece.end):
            spans += [s for s in [_strip_bullet(text, piece.start, piece.end)] if s]
        elif piece:
            spans += syntok_sentences(text, piece)
        start = end
    return join_titles(text, spans)


@settings(max_examples=3000, deadline=None)
@given(paragraphs())
@example("The aid came from the U.S. The money (in cash. It was) arrived. Then it went.")
@example("the the ( the. the. the the the ....) of. Vietnam ) the.")
@example("He came; She met Vietnam. The end came (as planned). Nobody minded.")
@example("Hanoi (Vietnam) President Biden said so. The end (in May) came.”  The U.S. (see [1]).")
def test_output_unchanged_by_the_fast_path(text: str) -> None:
    text = text.strip()
    para = Span(0, len(text))
    assert sentences(text, para) == before_fast_path(text, para)


@settings(max_examples=3000, deadline=None)
@given(paragraphs())
@example("The ports were full. Officials said so. It was 2024.")
@example("It cost $4.2 billion. The ports were full.")
@example("Hanoi (Vietnam) President Biden said so. The rest (CPV) of it.")
def test_fast_path_matches_syntok(text: str) -> None:
    check(text)


def test_fast_path_claims_plain_prose_and_refuses_the_ambiguous() -> None:
    assert check("The ports were full. Officials in Hanoi agreed! Why? Nobody knew.")
    assert check("- Rising costs in the supply chain.")
    assert check('"We will not back down," he said. The crowd cheered.')
    assert check('It happened in 2024. The FDI rose. He called it "a partnership". As planned.')
    assert check("Inflation rose 3.5 percent in the U.S. and at example.com today. It fell.")
    assert check("The report (published in May) was long. It sold.")
    assert check("The Communist Party of Vietnam (CPV) met. Its leader [1] spoke (twice) today.")
    assert check("They built “resilient supply chains.” The U.S. government agreed.")
    assert check("Trade with the U.S., now its top buyer, grew. The U.S.'s share rose.")
    assert check("The U.S.-Vietnam deal covers rare earths; expanded aid. Why?, he asked.")
    assert check("It met in Vietnam. “Four Nos” Policy stays. ‘Nobody’ objected.")
    for text in [
        "The aid came from the U.S. The money arrived.",
        "Hanoi (Vietnam) President Biden said so.",  # a bracket after the first word: split
        "He rose (5%) . Then fell.",
        "The party (see below. It) met.",
        "The party (….) met.",
        "He paused... then went on. Nobody moved.",
        "He met Sen. Brown. They talked.",
        "It happened on 10 Sept. The end.",
        "It came after World War II. The end.",
    ]:
        assert fast_split(text, Span(0, len(text))) is None, text


ROOT = Path(__file__).resolve().parents[2]
LONG = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("bench/quality/docs*/*.txt"))


@pytest.mark.parametrize("path", LONG, ids=lambda p: p.name)
def test_long_documents_split_as_the_slow_path_splits(path: Path) -> None:
    """Every prose paragraph of real documents: the fast paths give the slow path's spans."""
    text = path.read_text("utf-8")
    doc = prepare(path.name, "", text)
    for index in doc.prose:
        para = Span(*doc.paragraphs[index])
        assert sentences(text, para) == before_fast_path(text, para), text[para.start : para.end]
