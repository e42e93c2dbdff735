"""A huge document's prose is windowed in chunks, each a slice of its text: a chunk's windows
carry offsets into the whole text, the same windows the whole text gives."""

from __future__ import annotations

from pathlib import Path

from briefing.sources.analysis import prepare, windows_in

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def rows(found: object) -> list[tuple]:
    return [(w.start, w.end, w.para, w.words, w.dangling, w.quality) for w in found.windows]


def test_a_chunk_gives_the_windows_of_the_whole_text_at_the_whole_texts_offsets() -> None:
    path = sorted(SEEDS.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    doc = prepare(path.name, "", text)
    later = doc.prose[len(doc.prose) // 2 :]
    spans = [(i, *doc.paragraphs[i]) for i in later]
    start = spans[0][1]
    whole = windows_in(text, 0, spans, doc.lexicon)
    chunk = windows_in(text[start:], start, spans, doc.lexicon)
    assert start > 0 and whole.windows
    assert rows(chunk) == rows(whole)
    assert (chunk.sentences, chunk.garbled) == (whole.sentences, whole.garbled)
