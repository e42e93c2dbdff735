"""`briefing edit` never loses work quietly: an older recovery file is a question, a save
keeps what is still unsaved, and a second Ctrl+S or Ctrl+Q never stacks a second dialog."""

from __future__ import annotations

import os

import pytest

from briefing.tui.edit.dialogs import Ask
from briefing.tui.edit.session import EditSession, recovery_path
from tests.tui.conftest import SIZE
from tests.tui.edit.test_edit import BALANCING, EXCERPTS, make_editor, type_at_end_of, until


def _older_recovery(project) -> tuple:
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    recovery = recovery_path(outline)
    recovered = original.replace("title: Outlook", "title: Outlook, recovered")
    recovery.write_text(recovered, encoding="utf-8")
    old = outline.stat().st_mtime - 60  # the outline was saved after the crash, elsewhere
    os.utime(recovery, (old, old))
    return outline, original, recovery, recovered


@pytest.mark.parametrize("choice", ["outline", "restore"])
async def test_an_older_recovery_file_asks_which_to_keep(project, choice):
    outline, original, recovery, recovered = _older_recovery(project)
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        assert "Which do you want to keep?" in app.screen.question
        assert recovery.read_text(encoding="utf-8") == recovered  # untouched while asking
        await pilot.click(f"#ask-{choice}")
        await pilot.pause()
        if choice == "restore":
            assert app.editor.text == recovered and app.dirty
            assert recovery.read_text(encoding="utf-8") == recovered
        else:
            assert app.editor.text == original and not app.dirty
            assert not recovery.exists()
    assert outline.read_text(encoding="utf-8") == original


async def test_escaping_the_question_keeps_the_older_recovery_file_even_after_edits(project):
    outline, original, recovery, recovered = _older_recovery(project)
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, Ask) and app.editor.text == original
        await type_at_end_of(pilot, app, BALANCING, " now")
        await pilot.pause(0.3)
        assert recovery.read_text(encoding="utf-8") == recovered
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.dirty)
        assert recovery.read_text(encoding="utf-8") == recovered  # a save does not delete it


def test_a_save_keeps_a_recovery_file_for_text_still_unsaved(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    session = EditSession(outline)
    first = session.saved + "\n# one\n"
    later = first + "# two\n"
    session.keep(later)
    session.save(first, buffer=later)  # the buffer moved on while the save was asked
    assert recovery_path(outline).read_text(encoding="utf-8") == later
    session.save(later, buffer=later)
    assert not recovery_path(outline).exists()


@pytest.mark.parametrize("keys", [("ctrl+s", "ctrl+s"), ("ctrl+q", "ctrl+q"), ("ctrl+s", "ctrl+q")])
async def test_a_second_ctrl_key_does_not_stack_a_dialog(project, keys):
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await type_at_end_of(pilot, app, EXCERPTS, "x")  # a problem: saving asks
        await pilot.press(keys[0])
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        await pilot.press(*keys[1:], "ctrl+r")
        await pilot.pause()
        assert sum(isinstance(s, Ask) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, Ask) and app.is_running and app.dirty
    assert outline.read_text(encoding="utf-8") == original
