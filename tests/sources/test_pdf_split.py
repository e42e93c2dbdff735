"""A long PDF's later half is read by a forked process while the first is read here
(`formats.pdf.read_pages`): the text, pages and metadata are those of reading every page in
turn, and whatever goes wrong in the forked process (a page PDFium cannot read, a crash)
ends the same way it does without it.

Each case runs in a fresh process: a fork is only made from a process with one thread, and a
test worker may run others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.sources.formats.pdf import SPLIT_PAGES
from tests.conftest import briefing, python_probe
from tests.sources import fixtures_formats as fx

PROBE = """
import json, os, signal, sys
from pathlib import Path
from briefing.sources.formats import ExtractError
from briefing.sources.formats import pdf

path, fault = Path(sys.argv_path), sys.argv_fault
parent, forks = os.getpid(), []
real_read, real_forked = pdf.read_page, pdf.Forked


def forked(work):
    made = real_forked(work)
    forks.append(made.forked)
    return made


def read_page(doc, index):
    last = index == len(doc) - 1  # a page of the later half
    if last and fault == "damaged":
        raise ExtractError(f"damaged PDF: page {index + 1} cannot be read")
    if last and fault == "crash" and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_read(doc, index)


def outcome(split):
    pdf.SPLIT_PAGES = split
    try:
        found = pdf.extract_pdf(path)
    except ExtractError as exc:
        return {"error": str(exc)}
    return {"text": found.text, "pages": [repr(p) for p in found.pages], "meta": found.meta}


pdf.Forked, pdf.read_page, pdf.cores = forked, read_page, lambda: 2
whole = outcome(10**9)
split = outcome(2)
print(json.dumps({"whole": whole, "split": split, "forks": forks}))
"""


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long-pdf")
    paragraphs = [p for p in fx.AP_PARAGRAPHS if len(p.split()) > 12]
    return fx.build_long_pdf(folder / "long report.pdf", paragraphs, SPLIT_PAGES + 4).path


def probe(path: Path, fault: str) -> dict:
    code = PROBE.replace("sys.argv_path", repr(str(path))).replace("sys.argv_fault", repr(fault))
    done = python_probe(code)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_split_reading_gives_what_reading_in_turn_gives(long_pdf: Path) -> None:
    found = probe(long_pdf, "none")
    assert found["forks"] == [True]  # the later half really was read by another process
    assert "error" not in found["whole"]
    assert found["split"] == found["whole"]
    assert len(found["whole"]["pages"]) > SPLIT_PAGES


def test_a_crash_in_the_forked_process_has_its_pages_read_here(long_pdf: Path) -> None:
    found = probe(long_pdf, "crash")
    assert found["forks"] == [True]
    assert found["split"] == found["whole"]


def test_a_page_the_forked_process_cannot_read_fails_as_reading_in_turn_does(
    long_pdf: Path,
) -> None:
    found = probe(long_pdf, "damaged")
    assert found["forks"] == [True]
    last = len(probe(long_pdf, "none")["whole"]["pages"])
    assert found["whole"] == {"error": f"damaged PDF: page {last} cannot be read"}
    assert found["split"] == found["whole"]


def test_briefing_text_reads_a_long_pdf_whole(long_pdf: Path, tmp_path: Path) -> None:
    """As a user runs it: the reader's worker process forks for the later half."""
    from briefing.sources.formats.pdf import extract_pdf

    done = briefing("text", long_pdf, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n") == extract_pdf(long_pdf).text.rstrip("\n")
