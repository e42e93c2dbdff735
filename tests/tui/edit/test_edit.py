"""`briefing edit`: the outline beside the live slide at the cursor, problems at their line,
atomic saves that ask first when the buffer is broken, and a recovery file for unsaved work."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from briefing.tui.edit.app import EditorApp
from briefing.tui.edit.dialogs import Ask
from briefing.tui.edit.session import recovery_path
from tests.tui.conftest import DATA, SIZE

BALANCING = 28  # 0-based row of "- title: Balancing China" in the example outline
EXCERPTS = 30  # 0-based row of its "excerpts: 4"


def make_editor(path, **options) -> EditorApp:
    options.setdefault("watch", False)
    options.setdefault("check_delay", 0.05)
    options.setdefault("keep_delay", 0.05)
    return EditorApp(path, **options)


async def until(pilot, condition, timeout: float = 10.0) -> None:
    """Pause until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.02)


def preview_text(app: EditorApp) -> str:
    shown = app.preview.shown if app.preview else []
    return "\n".join(str(w.render()) for w in shown)


async def type_at_end_of(pilot, app: EditorApp, row: int, text: str) -> None:
    app.editor.move_cursor((row, len(app.editor.document.get_line(row))))
    await pilot.press(*("space" if c == " " else c for c in text))


async def test_the_preview_follows_the_cursor_and_the_typing(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "Strategic Partnership" in preview_text(app))
        assert app.previews == 1
        app.editor.move_cursor((BALANCING + 2, 0))  # inside the slide's block
        await until(pilot, lambda: "Balancing China" in preview_text(app))
        assert "4 excerpts on Balancing China" in preview_text(app)
        shown = app.previews
        await type_at_end_of(pilot, app, BALANCING, " now")
        await until(pilot, lambda: app.previews > shown)
        await until(pilot, lambda: "Balancing China now" in preview_text(app))
        assert app.dirty and not app.problems
        assert "Balancing China now" not in outline.read_text(encoding="utf-8")


async def test_a_broken_line_is_marked_where_it_is_and_the_last_preview_stays(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.editor.move_cursor((BALANCING, 0))
        await until(pilot, lambda: "Balancing China" in preview_text(app))
        good = app.deck
        await type_at_end_of(pilot, app, EXCERPTS, "x")
        await until(pilot, lambda: bool(app.problems))
        assert [p.line for p in app.problems] == [EXCERPTS + 1]
        assert app.editor.problem_rows == {EXCERPTS}
        assert app.problem_list.display and app.problem_list.option_count == 1
        assert f"{EXCERPTS + 1}:" in str(app.problem_list.get_option_at_index(0).prompt)
        assert app.deck is good and "Balancing China" in preview_text(app)
        assert "last good version" in str(app.preview_heading.render())
        await pilot.press("backspace")  # fixed: the marks go, the preview resumes
        await until(pilot, lambda: not app.problems)
        assert app.editor.problem_rows == frozenset() and not app.problem_list.display
        await type_at_end_of(pilot, app, 4, ": [")  # malformed YAML is a problem too
        await until(pilot, lambda: bool(app.problems))
        assert "malformed YAML" in app.problems[0].message
        assert app.deck is not None


async def test_ctrl_s_saves_and_the_recovery_file_lives_only_while_unsaved(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    recovery = recovery_path(outline)
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await type_at_end_of(pilot, app, BALANCING, " now")
        await until(pilot, recovery.exists)
        assert recovery.read_text(encoding="utf-8") == app.editor.text
        assert outline.read_text(encoding="utf-8") == original
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert outline.read_text(encoding="utf-8") == app.editor.text != original
        assert "title: Balancing China now\n" in outline.read_text(encoding="utf-8")
        assert not recovery.exists() and not app.dirty
        await pilot.pause(0.2)  # nothing unsaved: the recovery file does not come back
        assert not recovery.exists()
    assert not [p.name for p in outline.parent.iterdir() if p.name.endswith(".tmp")]


async def test_a_broken_buffer_is_saved_only_after_confirmation(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await type_at_end_of(pilot, app, EXCERPTS, "x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        assert "The outline has 1 problem. Save anyway?" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, Ask)
        assert outline.read_text(encoding="utf-8") == original
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#ask-save")
        await pilot.pause()
        assert "excerpts: 4x" in outline.read_text(encoding="utf-8")
        assert not app.dirty


async def test_quitting_with_unsaved_changes_asks_and_discard_keeps_the_file(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await type_at_end_of(pilot, app, BALANCING, " now")
        await until(pilot, recovery_path(outline).exists)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Ask)
        assert [b for b, _ in app.screen.answers] == ["save", "discard", "cancel"]
        await pilot.click("#ask-cancel")
        await pilot.pause()
        assert app.is_running and app.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#ask-discard")
        await pilot.pause()
    assert app.return_code == 0
    assert outline.read_text(encoding="utf-8") == original
    assert not recovery_path(outline).exists()


async def test_quitting_with_save_writes_the_file(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await type_at_end_of(pilot, app, BALANCING, " now")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # "Save" is the first, focused answer
        await pilot.pause()
    assert app.return_code == 0
    assert "title: Balancing China now\n" in outline.read_text(encoding="utf-8")


async def test_a_newer_recovery_file_is_restored_and_an_older_one_is_asked_about(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    recovery = recovery_path(outline)
    recovered = original.replace("title: Outlook", "title: Outlook, recovered")
    recovery.write_text(recovered, encoding="utf-8")
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.editor.text == recovered and app.dirty
        assert any("Restored unsaved changes" in n.message for n in app._notifications)
    assert recovery.read_text(encoding="utf-8") == recovered  # kept until saved
    assert outline.read_text(encoding="utf-8") == original

    old = outline.stat().st_mtime - 60  # the outline was saved after the crash, elsewhere
    os.utime(recovery, (old, old))
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.editor.text == original and not app.dirty
        assert isinstance(app.screen, Ask)  # which to keep: see test_edit_safety.py


async def test_a_change_on_disk_reloads_a_clean_buffer_and_spares_a_dirty_one(project):
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    app = make_editor(outline)
    async with app.run_test(size=SIZE) as pilot:
        changed = original.replace("title: Outlook", "title: Outlook, from elsewhere")
        outline.write_text(changed, encoding="utf-8")
        app.poll_disk()
        await pilot.pause()
        assert app.editor.text == changed and not app.dirty
        await type_at_end_of(pilot, app, BALANCING, " now")
        mine = app.editor.text
        outline.write_text(original, encoding="utf-8")
        app.poll_disk()
        await pilot.pause()
        assert app.editor.text == mine and app.dirty
        assert any("Your unsaved changes are kept" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")  # saving over someone else's change asks first
        await pilot.pause()
        assert isinstance(app.screen, Ask) and "changed on disk" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
        assert outline.read_text(encoding="utf-8") == original


def test_edit_on_a_missing_outline_fails_cleanly_before_the_tui_starts(tmp_path):
    from click.testing import CliRunner

    from briefing.cli import cli

    result = CliRunner().invoke(cli, ["edit", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 1
    assert "missing.yaml:1:1: file not found" in result.output


def test_snapshot_of_a_problem_marked_at_its_line(snap_compare, tmp_path, monkeypatch):
    """The editor at 100x30 over the fixed snapshot deck, one line broken: the line is marked,
    the problem listed under the editor, and the preview keeps the last good slide."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path / "data")  # so the status line shows a stable relative path
    app = make_editor(Path("outlines/snapshot.yaml"), keep_delay=60)
    row = app.editor.text.splitlines().index("    excerpts: 2")

    async def break_a_line(pilot) -> None:
        app.editor.cursor_blink = False
        await until(pilot, lambda: app.previews >= 1)
        await type_at_end_of(pilot, app, row, "x")
        await until(pilot, lambda: bool(app.problems) and "Balancing China" in preview_text(app))
        # The problem list takes rows from the editor as it appears; where the editor ends up
        # scrolled then depends on timing, so settle it: the broken line at the top.
        app.editor.scroll_to(y=row - 1, animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=break_a_line)
