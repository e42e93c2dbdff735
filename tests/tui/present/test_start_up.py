"""What `present` does before its first frame that the other tests, under `run_test`, skip."""

from __future__ import annotations

import gc

from briefing.tui.present.app import BriefingApp
from tests.tui.conftest import EXAMPLE, SIZE, FakeClock


class Probe(BriefingApp):
    """Notes how many objects the garbage collector has set aside when the app mounts."""

    frozen = -1

    def on_mount(self) -> None:
        self.frozen = gc.get_freeze_count()


def test_what_the_app_was_made_from_is_set_aside_from_the_collector(tmp_path):
    """Modules and deck live as long as the process: a full collection before the first frame
    must not walk them (it cost the presenter view ~0.1 s of its first paint)."""
    gc.unfreeze()
    app = Probe(EXAMPLE, clock=FakeClock(), watch=False, first_paint=tmp_path / "painted")
    try:
        app.run(headless=True, size=SIZE)  # exits at its first paint
    finally:
        gc.unfreeze()  # this test process goes on making and dropping apps
    assert app.return_code == 0 and (tmp_path / "painted").exists()
    assert app.frozen > 10_000
