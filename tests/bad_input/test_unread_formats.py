"""Documents saved in a format briefing does not read (Safari's web archive, an old .doc, .rtf,
.odt, Pages, EPUB): each is named and left out with the way to save it instead, never passed
over unseen, and a folder of nothing else is refused in one line. (A browser's MHTML archive is
read: tests/sources/test_formats_mhtml.py; one that holds no page is left out the same way.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.sources.canonical import REFUSED
from tests.bad_input.conftest import assert_refused, run_briefing, tree

OUTLINE = "outlines/us-vietnam.yaml"
SAVED = {
    "page.webarchive": b"bplist00\xd1\x01\x02_\x10\x0fWebMainResource" + bytes(32),
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
    "memo.rtf": b"{\\rtf1\\ansi Vietnam and the United States}",
    "notes.odt": b"PK\x03\x04" + bytes(64),
    "book.epub": b"PK\x03\x04" + bytes(64),
}


def test_each_is_named_with_its_fix_and_the_deck_still_builds(user_project: Path) -> None:
    for name, data in SAVED.items():
        (user_project / "seeds" / name).write_bytes(data)
    built = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=user_project)
    assert built.code == 0, built.stderr[-1500:]
    for name in SAVED:
        reason = REFUSED[Path(name).suffix]
        assert f"skipped {name}: {reason}" in built.stderr, built.stderr[-2000:]
    assert "save the page as HTML only, or print it to PDF" in built.stderr
    composed = run_briefing("compose", OUTLINE, "--json", cwd=user_project)
    warnings = json.loads(composed.stdout)["warnings"]
    assert sum(any(w.startswith(f"skipped {n}:") for w in warnings) for n in SAVED) == len(SAVED)
    checked = run_briefing("verify", "deck.pptx", OUTLINE, cwd=user_project)
    assert checked.code == 0, checked.stdout + checked.stderr


def test_a_removed_one_is_no_longer_named(user_project: Path) -> None:
    (user_project / "seeds" / "old.doc").write_bytes(SAVED["old.doc"])
    first = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=user_project)
    assert "skipped old.doc:" in first.stderr
    (user_project / "seeds" / "old.doc").unlink()
    again = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=user_project)
    assert again.code == 0 and "old.doc" not in again.stderr, again.stderr[-1500:]


@pytest.mark.parametrize("name", sorted(SAVED))
def test_briefing_text_says_how_to_save_it(user_project: Path, name: str) -> None:
    (user_project / "seeds" / name).write_bytes(SAVED[name])
    shown = run_briefing("text", f"seeds/{name}", cwd=user_project)
    assert_refused(shown, name)
    assert REFUSED[Path(name).suffix] in shown.stderr


def test_a_folder_of_nothing_else_is_refused(user_project: Path) -> None:
    for old in (user_project / "seeds").iterdir():
        if old.suffix == ".txt":
            old.unlink()
    (user_project / "seeds" / "page.webarchive").write_bytes(SAVED["page.webarchive"])
    before = tree(user_project)
    outcome = run_briefing("build", OUTLINE, "-o", "deck.pptx", cwd=user_project)
    assert_refused(outcome, "page.webarchive", before=before, after=tree(user_project))
    assert "no readable source documents" in outcome.stderr
