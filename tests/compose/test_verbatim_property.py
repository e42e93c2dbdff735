"""Property: every excerpt's text equals its source slice at its offsets, always."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.compose.composer import compose_file
from briefing.sources.analysis import analyse
from briefing.sources.library import Library
from briefing.sources.segment import (
    Span,
    paragraphs,
    sentences,
    syntok_sentences,
)
from briefing.sources.titles import join_titles
from tests.conftest import ROOT

WORDS = st.sampled_from(
    "partnership Hanoi Washington U.S. Dr Sept. chips defence “quoted” ‘single’ $100 "
    "billion 2023 Việt Nam café naïve — e.g. i.e. Inc. Mr. St. 10.5% (aside) don't "
    "straße Ελλάδα 中国 semiconductor supply chain four no's".split()
)
SEPARATORS = st.sampled_from([" ", " ", "  ", "\u00a0", "\t"])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=3, max_size=25))
    seps = draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    body = "".join(w + s for w, s in zip(words, seps, strict=True)).strip()
    return body[0].upper() + body[1:] + draw(st.sampled_from([".", "?", "!", ".”", "…"]))


@st.composite
def document(draw: st.DrawFn) -> str:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    paras = []
    for _ in range(draw(st.integers(1, 8))):
        sentences = draw(st.lists(sentence(), min_size=1, max_size=5))
        bullet = draw(st.sampled_from(["", "", "• ", "  - ", "1. "]))
        paras.append(bullet + " ".join(sentences))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + (newline * 2).join(paras) + draw(st.sampled_from(["", newline]))


@settings(max_examples=150, deadline=None)
@given(document())
def test_windows_are_trimmed_slices_of_generated_documents(text: str) -> None:
    doc, found = analyse("generated.txt", "sha", text)
    for window in found.windows:
        quote = text[window.start : window.end]
        assert quote and quote == quote.strip(" \t\r\n\u00a0\ufeff")
        para_start, para_end = doc.paragraphs[window.para]
        assert para_start <= window.start < window.end <= para_end


THEME = "title: Generated\nkeywords: [partnership, semiconductor, Hanoi, defence, chips]\n"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(document(), min_size=1, max_size=4))
def test_composed_excerpts_equal_file_slices(tmp_path: Path, texts: list[str]) -> None:
    case = Path(tempfile.mkdtemp(dir=tmp_path))  # one fresh project per example
    (case / "seeds").mkdir(parents=True)
    (case / "themes").mkdir()
    (case / "outlines").mkdir()
    for i, text in enumerate(texts):
        (case / "seeds" / f"doc{i}.txt").write_bytes(text.encode("utf-8"))
    (case / "themes" / "gen.yaml").write_text(THEME, encoding="utf-8")
    outline = case / "outlines" / "gen.yaml"
    outline.write_text(
        "title: Generated\nslides:\n  - title: All\n    theme: gen\n    excerpts: 6\n",
        encoding="utf-8",
    )
    deck = json.loads(json.dumps(compose_file(outline, db_path=":memory:").to_json()))
    for slide in deck["slides"]:
        for e in slide["excerpts"]:
            raw = (case / "seeds" / e["source"]).read_bytes().decode("utf-8")
            assert raw[e["start"] : e["end"]] == e["text"]


def test_every_indexed_window_of_the_seeds_is_found_by_its_own_words() -> None:
    """The text index holds ids only: each window's id must come back for a phrase of the
    words of its file slice (so ids and offsets cannot drift apart)."""
    from briefing.compose import query

    library = Library(ROOT / "seeds", db_path=":memory:")
    try:
        rows = library.db.execute(
            "SELECT w.id, d.name, w.start, w.end FROM windows w JOIN docs d ON d.id = w.doc"
        ).fetchall()
        assert len(rows) > 300
        for wid, name, start, end in rows[::7]:
            words = tuple(query.tokens(library.text(name)[start:end]))
            found = library.fulltext.matching(query.Match(all=(words[:6],)))
            assert wid in found
    finally:
        library.close()


@settings(max_examples=1000, deadline=None)
@given(st.lists(sentence(), min_size=1, max_size=8))
@example(["Partnership partnership Dr.", "No's partnership partnership."])  # a title, joined
def test_fast_sentence_path_agrees_with_syntok(parts: list[str]) -> None:
    """Clear boundaries are taken without syntok; the result must be exactly syntok's, once a
    sentence ending on a title ("... adviser to Sen.") is joined to the name after it."""
    text = " ".join(parts)
    whole = Span(0, len(text))
    assert sentences(text, whole) == join_titles(text, syntok_sentences(text, whole))


def test_fast_sentence_path_agrees_with_syntok_on_the_seeds() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for para in paragraphs(text):
            assert sentences(text, para) == syntok_sentences(text, para), path.name
