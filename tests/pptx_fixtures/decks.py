"""Helpers for the .pptx tests: run the CLI in-process, read a written deck back, render it."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pptx import Presentation
from pptx.util import Emu

OPEN, CLOSE = "\u201c", "\u201d"
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def run_cli(*args: object) -> Result:
    """`briefing ARGS...` in this process, with stdout and stderr kept apart."""
    import briefing.cli

    briefing.cli._register()
    return CliRunner().invoke(briefing.cli.cli, [str(a) for a in args])


@dataclass(frozen=True)
class Shape:
    """A text shape as read back: name, first paragraph, all text, box in points."""

    name: str
    first: str
    text: str
    left: float
    top: float
    right: float
    bottom: float
    is_field: bool


@dataclass(frozen=True)
class ReadSlide:
    title: str
    shapes: tuple[Shape, ...]
    notes: str

    def named(self, prefix: str) -> list[Shape]:
        return [s for s in self.shapes if s.name.startswith(prefix)]


def read_deck(path: Path) -> list[ReadSlide]:
    """Every slide of a written deck with python-pptx: title, text shapes and notes."""
    slides = []
    for slide in Presentation(str(path)).slides:
        shapes = []
        for sh in slide.shapes:
            if not sh.has_text_frame:
                continue
            xml = sh.text_frame._txBody.xml
            shapes.append(
                Shape(
                    sh.name,
                    sh.text_frame.paragraphs[0].text,
                    sh.text_frame.text,
                    Emu(sh.left).pt,
                    Emu(sh.top).pt,
                    Emu(sh.left + sh.width).pt,
                    Emu(sh.top + sh.height).pt,
                    'type="slidenum"' in xml,
                )
            )
        title = slide.shapes.title.text_frame.text if slide.shapes.title else ""
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append(ReadSlide(title, tuple(shapes), notes))
    return slides


def require_tools() -> None:
    """Skip (saying why) when LibreOffice or poppler is not installed."""
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not installed: the render checks need LibreOffice and poppler")


def render(decks: list[Path], out: Path, profile: Path) -> list[Path]:
    """Convert decks to PDF with one headless LibreOffice run and its own profile."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, decks),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return [out / f"{deck.stem}.pdf" for deck in decks]


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def pdf_pages(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """(width, height, words) of each page, from `pdftotext -bbox`."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        size = re.match(r'width="([\d.]+)" height="([\d.]+)"', chunk)
        assert size is not None
        words = [
            Word(float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in _WORD.findall(chunk)
        ]
        pages.append((float(size.group(1)), float(size.group(2)), words))
    return pages
