"""ZIP packages that unpack to far more than any real document (a "ZIP bomb"): a Word source,
a PowerPoint template, a deck given to `verify`. python-docx and python-pptx read every part
into memory, so each is refused (or, a source, left out and named) from the sizes its ZIP
directory states, before anything is unpacked: 1.6 MB of such a deck held 3.2 GB for 12 s."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from briefing import packages
from tests.bad_input.conftest import assert_refused, run_briefing, tree
from tests.conftest import ROOT
from tests.sources import fixtures_formats as fx

OUTLINE = "outlines/us-vietnam.yaml"
PADDING = packages.MAX_MEMBER_BYTES + (8 << 20)  # just over the limit: a second to write
SAID = "its ZIP package unpacks to"


def bomb(source: Path, target: Path, member: str, opening: bytes) -> Path:
    """A copy of the package `source` whose `member` holds PADDING spaces after `opening` (the
    XML stays well formed); written a piece at a time, deflated to a few hundred KB."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != member:
                out.writestr(info, data)
                continue
            head, tail = data.split(opening, 1)
            with out.open(member, "w", force_zip64=True) as part:
                part.write(head + opening)
                piece = b" " * (1 << 22)
                for _ in range(PADDING // len(piece)):
                    part.write(piece)
                part.write(tail)
    return target


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A deck `briefing build` wrote, from the example project."""
    root = tmp_path_factory.mktemp("deck")
    for folder in ("seeds", "themes", "outlines"):
        shutil.copytree(ROOT / folder, root / folder)
    built = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=root)
    assert built.code == 0, built.stderr[-1500:]
    return root / "deck.pptx"


def test_verify_refuses_a_deck_that_unpacks_to_gigabytes(user_project: Path, deck: Path) -> None:
    bomb(deck, user_project / "bomb.pptx", "ppt/slides/slide2.xml", b"<p:cSld>")
    before = tree(user_project)
    outcome = run_briefing("verify", "bomb.pptx", OUTLINE, cwd=user_project, timeout=60)
    assert_refused(outcome, "bomb.pptx", before=before, after=tree(user_project))
    assert f"{SAID} 1" in outcome.stderr and "ppt/slides/slide2.xml alone" in outcome.stderr
    assert "give the file `briefing build` wrote" in outcome.stderr


def test_build_refuses_a_template_that_unpacks_to_gigabytes(user_project: Path, deck: Path) -> None:
    bomb(deck, user_project / "bomb.pptx", "ppt/slides/slide2.xml", b"<p:cSld>")
    before = tree(user_project)
    outcome = run_briefing(
        "build", OUTLINE, "-o", "out.pptx", "--template", "bomb.pptx", cwd=user_project, timeout=60
    )
    assert_refused(outcome, "template bomb.pptx", before=before, after=tree(user_project))
    assert SAID in outcome.stderr and "use another template" in outcome.stderr


def test_a_word_source_that_unpacks_to_gigabytes_is_left_out(
    user_project: Path, tmp_path: Path
) -> None:
    note = fx.build_docx(tmp_path / "note.docx")
    bomb(note, user_project / "seeds" / "bomb.docx", "word/document.xml", b"<w:body>")
    built = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=user_project, timeout=120)
    assert built.code == 0, built.stderr[-1500:]
    assert f"skipped bomb.docx: {SAID}" in built.stderr, built.stderr[-1500:]
    assert "save it again in Word" in built.stderr
    checked = run_briefing("verify", "deck.pptx", OUTLINE, cwd=user_project, timeout=60)
    assert checked.code == 0, checked.stdout + checked.stderr


def test_sizes_and_counts_within_the_limits_pass(tmp_path: Path) -> None:
    note = fx.build_docx(tmp_path / "note.docx")
    packages.check_unpacked(note)  # a real document
    packages.check_unpacked(tmp_path / "missing.docx")  # not there: the reader says so
    (tmp_path / "plain.txt").write_text("not a ZIP package")
    packages.check_unpacked(tmp_path / "plain.txt")  # not a package: its reader refuses it


def test_too_many_members_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_MEMBERS", 10)
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as out:
        for n in range(11):
            out.writestr(f"part{n}.xml", "<a/>")
    with pytest.raises(packages.TooLarge, match="holds 11 files"):
        packages.check_unpacked(many)


def test_the_total_counts_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "MAX_TOTAL_BYTES", 1000)
    parts = tmp_path / "parts.docx"
    with zipfile.ZipFile(parts, "w", zipfile.ZIP_DEFLATED) as out:
        for n in range(3):
            out.writestr(f"part{n}.xml", "<a>" + " " * 400 + "</a>")
    with pytest.raises(packages.TooLarge, match=r"unpacks to 0 MB \(part0.xml alone 0 MB\)"):
        packages.check_unpacked(parts)
