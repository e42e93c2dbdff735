"""An extracted document (PDF, Word, web page) whose text is longer than a chunk is analysed
in chunks on every worker, as a long .txt is, not whole on the one worker that read it: the
index holds the windows, quality and metadata that analysing its text whole gives."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from docx import Document

from briefing.sources.analysis import CHUNK_CHARS, analyse, doc_quality
from briefing.sources.canonical import Canonical, read_canonical
from briefing.sources.documents import list_documents
from briefing.sources.index import Index
from briefing.sources.translation import declared_machine_translation
from briefing.sources.workers import analyse_job
from tests.conftest import ROOT

WINDOWS = "SELECT w.start, w.end, w.words, w.dangling, w.quality FROM windows w"
WINDOWS += " JOIN docs d ON d.id = w.doc WHERE d.name = ? ORDER BY w.start, w.end"


def long_docx(path: Path, chars: int) -> Path:
    """A Word report of distinct dispatches (seed paragraphs, numbered) holding `chars`."""
    paragraphs = [
        p
        for seed in sorted((ROOT / "seeds").glob("*.txt"))
        for p in seed.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 25 and "©" not in p
    ]
    rng = random.Random(11)
    document = Document()
    document.core_properties.title = "Dispatches from the long report"
    document.add_heading("Dispatches from the long report", level=1)
    size = n = 0
    while size < chars:
        n += 1
        paragraph = f"Dispatch {n}. {rng.choice(paragraphs)}"
        document.add_paragraph(paragraph)
        size += len(paragraph) + 2
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = tmp_path_factory.mktemp("big-extracted") / "sources"
    long_docx(found / "long report.docx", CHUNK_CHARS + CHUNK_CHARS // 10)
    long_docx(found / "short memo.docx", 20_000)
    return found


def test_a_worker_reads_a_long_extracted_text_but_leaves_its_analysis_to_the_chunks(
    folder: Path,
) -> None:
    files = {f.name: f for f in list_documents(folder)}
    long = analyse_job((files["long report.docx"], ""))
    assert isinstance(long, Canonical) and len(long.text) > CHUNK_CHARS
    short = analyse_job((files["short memo.docx"], ""))
    assert isinstance(short, tuple)  # analysed whole, as before


def test_the_chunked_analysis_is_the_whole_texts(folder: Path, tmp_path: Path) -> None:
    index = Index(folder, tmp_path / "index.sqlite")
    report = index.sync()
    assert (report.analysed, report.skipped) == (2, {})
    for name in ("long report.docx", "short memo.docx"):
        canonical = read_canonical(folder / name)
        _doc, found = analyse(name, canonical.sha, canonical.text)
        expected = [(w.start, w.end, w.words, int(w.dangling), w.quality) for w in found.windows]
        assert index.db.execute(WINDOWS, (name,)).fetchall() == expected, name
        quality, meta = index.db.execute(
            "SELECT quality, meta FROM docs WHERE name = ?", (name,)
        ).fetchone()
        machine = declared_machine_translation(canonical.text)
        assert quality == doc_quality(found.sentences, found.garbled, machine)
        assert json.loads(meta)["title"] == "Dispatches from the long report"
    index.close()
