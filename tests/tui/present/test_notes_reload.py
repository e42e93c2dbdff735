"""A live reload of an outline whose notes template is hostile (a huge string, nested loops,
file access) ends quickly with a notice naming the outline and slide, and the presentation goes
on with the last good deck; fixing the notes brings the new deck back."""

from __future__ import annotations

import time

import pytest

from tests.tui.conftest import SIZE, make_app
from tests.tui.present.test_reload import notifications, settle, shown_text

ATTACKS = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**9 }}",
    "{{ deck.outline_path.joinpath('/etc/passwd').read_text() }}",
]
GOOD = "notes: |\n      {{ excerpts | length }} passages on {{ theme.title }}."


@pytest.mark.parametrize("template", ATTACKS)
async def test_a_hostile_notes_template_on_reload_keeps_the_show_going(project, template):
    outline = project / "outlines" / "us-vietnam.yaml"
    original = outline.read_text(encoding="utf-8")
    quoted = "'" + template.replace("'", "''") + "'"
    app = make_app(outline)
    async with app.run_test(size=SIZE) as pilot:
        app.use_watcher(app.make_watcher())
        await pilot.press("3", "enter")
        good = app.deck
        before = shown_text(app)
        outline.write_text(original.replace(GOOD, f"notes: {quoted}\n    #"), encoding="utf-8")
        started = time.monotonic()
        assert app.poll_files()
        await settle(app, pilot)
        assert time.monotonic() - started < 10  # the reload thread ended: it does not spin
        assert not [w for w in app.workers if w.is_running]
        assert app.deck is good and app.page == 3 and app.stale
        assert shown_text(app) == before
        [note] = [n for n in notifications(app) if n.severity == "error"]
        assert "us-vietnam.yaml" in note.message and "slide 3 'Balancing China'" in note.message
        assert "root:" not in note.message
        await pilot.press("right")  # still presenting
        assert app.page == 4
        outline.write_text(original, encoding="utf-8")  # fixed: back to normal
        app.poll_files()
        await settle(app, pilot)
        assert app.deck is not good and not app.stale
        assert "passages on Balancing China" in app.deck.slides[2].notes
