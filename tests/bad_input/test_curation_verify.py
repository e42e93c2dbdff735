"""The bad-input matrix for curation (`pin`, `exclude`, `unpin`, `unexclude`) and `verify`:
each row breaks one thing and expects one clear refusal naming the file, with the user's files
unchanged byte for byte. The deck `verify` reads is untrusted too."""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from briefing.export.pptx.provenance import Provenance
from tests.bad_input.conftest import assert_refused, run_briefing, tree

OUTLINE = "outlines/us-vietnam.yaml"
SOURCE = "002_a30051e82dc3743c.txt"
SPAN = "2543:2869"  # whole words, as `briefing excerpts` prints them


def _read_only(root: Path) -> None:
    (root / OUTLINE).chmod(0o444)


def _pinned_read_only(root: Path) -> None:
    assert run_briefing("pin", OUTLINE, "3", SOURCE, SPAN, cwd=root).code == 0
    _read_only(root)


def _write(text: bytes) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        (root / OUTLINE).write_bytes(text)

    return setup


def _folder(root: Path) -> None:
    (root / "outlines" / "folder.yaml").mkdir()


def _none(root: Path) -> None:
    return None


CURATION = [
    ("pin-read-only", _read_only, ["pin", OUTLINE, "3", SOURCE, SPAN], "read-only"),
    ("exclude-read-only", _read_only, ["exclude", OUTLINE, "3", SOURCE, SPAN], "read-only"),
    ("unpin-read-only", _pinned_read_only, ["unpin", OUTLINE, "3", SOURCE, SPAN], "read-only"),
    ("pin-missing-outline", _none, ["pin", "outlines/nope.yaml", "3", SOURCE, SPAN], "nope.yaml"),
    ("pin-folder-outline", _folder, ["pin", "outlines/folder.yaml", "3", SOURCE, SPAN], "folder"),
    (
        "pin-broken-yaml",
        _write(b"title: [unclosed\nslides:\n"),
        ["pin", OUTLINE, "1", SOURCE, SPAN],
        OUTLINE,
    ),
    (
        "pin-binary-outline",
        _write(b"\xff\xfe\x00binary"),
        ["pin", OUTLINE, "1", SOURCE, SPAN],
        OUTLINE,
    ),
    ("pin-empty-outline", _write(b""), ["pin", OUTLINE, "1", SOURCE, SPAN], OUTLINE),
    ("span-backwards", _none, ["pin", OUTLINE, "3", SOURCE, "5:3"], "5:3"),
    ("span-negative", _none, ["pin", OUTLINE, "3", SOURCE, "--", "-1:10"], "-1:10"),
    ("span-negative-bare", _none, ["exclude", OUTLINE, "3", SOURCE, "-1:10"], "-1:10"),
    ("span-letters", _none, ["pin", OUTLINE, "3", SOURCE, "abc"], "abc"),
    ("span-past-end", _none, ["pin", OUTLINE, "3", SOURCE, "0:99999999"], SOURCE),
    ("span-mid-word-start", _none, ["pin", OUTLINE, "3", SOURCE, "2545:2869"], "2543:2869"),
    ("span-mid-word-end", _none, ["pin", OUTLINE, "3", SOURCE, "2543:2866"], "2543:2868"),
    ("slide-number-unknown", _none, ["pin", OUTLINE, "99", SOURCE, SPAN], "99"),
    ("slide-zero", _none, ["exclude", OUTLINE, "0", SOURCE, SPAN], "slide 0"),
    ("slide-title-unknown", _none, ["pin", OUTLINE, "Nonesuch", SOURCE, SPAN], "Nonesuch"),
    ("source-unknown", _none, ["pin", OUTLINE, "3", "nope.txt", SPAN], "nope.txt"),
    (
        "source-traversal",
        _none,
        ["pin", OUTLINE, "3", "../themes/semiconductors.yaml", "0:5"],
        "semiconductors.yaml",
    ),
    (
        "quote-not-in-source",
        _none,
        ["pin", OUTLINE, "3", SOURCE, "-q", "no such words here"],
        SOURCE,
    ),
    ("span-and-quote", _none, ["pin", OUTLINE, "3", SOURCE, SPAN, "-q", "x"], "SPAN"),
    ("no-span-no-quote", _none, ["exclude", OUTLINE, "3", SOURCE], "SPAN"),
]


@pytest.mark.parametrize(
    ("setup", "args", "named"), [row[1:] for row in CURATION], ids=[row[0] for row in CURATION]
)
def test_curation_refuses(
    user_project: Path, setup: Callable[[Path], None], args: list[str], named: str
) -> None:
    setup(user_project)
    before = tree(user_project)
    outcome = run_briefing(*args, cwd=user_project)
    assert_refused(outcome, named, before=before, after=tree(user_project))
    assert len(_message(outcome.stderr)) == 1, outcome.stderr


def _message(stderr: str) -> list[str]:
    """The lines that say what is wrong (click's usage reminder aside)."""
    skip = ("Usage:", "Try '")
    return [line for line in stderr.splitlines() if line.strip() and not line.startswith(skip)]


def test_pin_writes_through_a_symlink_and_keeps_the_mode(user_project: Path) -> None:
    real = user_project / OUTLINE
    real.chmod(0o640)
    link = user_project / "linked.yaml"
    link.symlink_to(real)
    before = real.read_bytes()
    outcome = run_briefing("pin", "linked.yaml", "3", SOURCE, SPAN, cwd=user_project)
    assert outcome.code == 0, outcome.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes() != before and b"pins:" in real.read_bytes()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example project and its deck, built once: (project, deck)."""
    root = tmp_path_factory.mktemp("verify")
    here = Path(__file__).resolve().parents[2]
    for folder in ("seeds", "themes", "outlines"):
        shutil.copytree(here / folder, root / folder)
    outcome = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=root)
    assert outcome.code == 0, outcome.stderr
    return root, root / "deck.pptx"


def _quote_shape(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if Provenance.parse(shape.name):
                return shape
    raise AssertionError("no quote in the deck")


def _tamper(change: Callable) -> Callable[[Path], None]:
    def setup(deck: Path) -> None:
        prs = Presentation(str(deck))
        change(_quote_shape(prs))
        prs.save(str(deck))

    return setup


def _edit_quote(shape) -> None:
    run = shape.text_frame.paragraphs[0].runs[0]
    run.text = run.text.replace("\u201c", "\u201cNot ", 1)


def _edit_attribution(shape) -> None:
    run = shape.text_frame.paragraphs[1].runs[0]
    run.text = "\u2014 Somebody Else, 1 Jan 1999"


def _rename(name: str) -> Callable:
    def change(shape) -> None:
        prov = Provenance.parse(shape.name)
        shape.name = name.format(start=prov.start, end=prov.end, digest=prov.digest)

    return change


def _renamed_and_edited(shape) -> None:
    _edit_quote(shape)
    shape.name = "TextBox 7"


def _replace(data: bytes) -> Callable[[Path], None]:
    def setup(deck: Path) -> None:
        deck.write_bytes(data)

    return setup


def _zip_not_pptx(deck: Path) -> None:
    deck.unlink()
    with zipfile.ZipFile(deck, "w") as archive:
        archive.writestr("hello.txt", "not a deck")


def _delete(deck: Path) -> None:
    deck.unlink()


VERIFY = [
    ("edited-quote", _tamper(_edit_quote), "quote edited"),
    ("edited-attribution", _tamper(_edit_attribution), "attribution edited"),
    ("renamed-shape", _tamper(_rename("TextBox 3")), "no provenance"),
    ("renamed-and-edited", _tamper(_renamed_and_edited), "no provenance"),
    (
        "traversal",
        _tamper(_rename("Excerpt {start}-{end} of ../../etc/hostname #{digest}")),
        "outside",
    ),
    ("absolute", _tamper(_rename("Excerpt {start}-{end} of /etc/hostname #{digest}")), "outside"),
    (
        "other-project-file",
        _tamper(_rename("Excerpt 0-5 of ../outlines/us-vietnam.yaml #{digest}")),
        "outside",
    ),
    ("text-file", _replace(b"just some text\n"), "PowerPoint"),
    ("empty-file", _replace(b""), "PowerPoint"),
    ("zip-not-pptx", _zip_not_pptx, "PowerPoint"),
    ("missing-deck", _delete, "deck.pptx"),
]


@pytest.mark.parametrize(
    ("setup", "named"), [row[1:] for row in VERIFY], ids=[row[0] for row in VERIFY]
)
def test_verify_refuses(
    built: tuple[Path, Path], tmp_path: Path, setup: Callable[[Path], None], named: str
) -> None:
    root, original = built
    deck = tmp_path / "deck.pptx"
    shutil.copy(original, deck)
    setup(deck)
    before = tree(root)
    outcome = run_briefing("verify", deck, OUTLINE, cwd=root)
    assert_refused(outcome, before=before, after=tree(root))
    assert named in outcome.stdout + outcome.stderr
    assert "deck.pptx" in outcome.stdout + outcome.stderr
    assert "hostname" not in outcome.stdout or "outside" in outcome.stdout


def test_verify_passes_the_untouched_deck(built: tuple[Path, Path]) -> None:
    root, deck = built
    outcome = run_briefing("verify", deck, OUTLINE, cwd=root)
    assert outcome.code == 0, outcome.stdout + outcome.stderr
    assert os.path.exists(deck)
