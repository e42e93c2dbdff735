"""Polling change detection for live reload."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.tui.watch import FileWatcher, stamp


def _tree(tmp_path: Path) -> tuple[Path, Path, Path]:
    sources, themes = tmp_path / "seeds", tmp_path / "themes"
    sources.mkdir()
    themes.mkdir()
    (sources / "a.txt").write_text("alpha", encoding="utf-8")
    (themes / "t.yaml").write_text("title: T\nkeywords: [x]\n", encoding="utf-8")
    outline = tmp_path / "o.yaml"
    outline.write_text("title: O\n", encoding="utf-8")
    return outline, sources, themes


def test_each_change_is_reported_once(tmp_path):
    outline, sources, themes = _tree(tmp_path)
    watcher = FileWatcher(outline, sources, themes)
    assert not watcher.changed()
    outline.write_text("title: O2\n", encoding="utf-8")
    assert watcher.changed()
    assert not watcher.changed()
    (themes / "t.yaml").write_text("title: T2\nkeywords: [x]\n", encoding="utf-8")
    assert watcher.changed()
    (sources / "b.txt").write_text("beta", encoding="utf-8")
    assert watcher.changed()
    (sources / "b.txt").unlink()
    assert watcher.changed()


def test_same_size_rewrite_is_seen_through_the_modification_time(tmp_path):
    outline, sources, themes = _tree(tmp_path)
    watcher = FileWatcher(outline, sources, themes)
    st = outline.stat()
    outline.write_text("title: X\n", encoding="utf-8")  # same length as before
    os.utime(outline, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert watcher.changed()


def test_editor_droppings_and_non_theme_files_are_ignored(tmp_path):
    outline, sources, themes = _tree(tmp_path)
    watcher = FileWatcher(outline, sources, themes)
    (sources / ".a.txt.swp").write_text("x", encoding="utf-8")
    (sources / "a.txt~").write_text("x", encoding="utf-8")
    (themes / "notes.md").write_text("x", encoding="utf-8")
    assert not watcher.changed()


def test_following_new_folders_rebaselines(tmp_path):
    outline, sources, themes = _tree(tmp_path)
    watcher = FileWatcher(outline, sources, None)
    (themes / "t.yaml").write_text("changed", encoding="utf-8")
    assert not watcher.changed()  # themes are not watched yet
    watcher.follow(sources, themes)
    assert not watcher.changed()
    (themes / "t.yaml").write_text("changed again", encoding="utf-8")
    assert watcher.changed()
    assert any(name.endswith("t.yaml") for name in watcher.watched)


def test_a_save_before_the_watcher_exists_is_a_change(tmp_path):
    # The deck was made from the outline as it stood (`seen`); the watcher is made later.
    outline, sources, themes = _tree(tmp_path)
    seen = stamp(outline)
    outline.write_text("title: saved in between, longer\n", encoding="utf-8")
    watcher = FileWatcher(outline, sources, themes, outline_seen=seen)
    assert watcher.changed()
    assert not watcher.changed()


def test_an_unchanged_outline_since_the_deck_was_made_is_no_change(tmp_path):
    outline, sources, themes = _tree(tmp_path)
    watcher = FileWatcher(outline, sources, themes, outline_seen=stamp(outline))
    assert not watcher.changed()
