"""Screenshots of the presenter view (`present --presenter`) at 100x30 and on a 200x60
screen, with no audience screen running: whatever it paints first, the view once it has
settled must look exactly like this. Accept a deliberate change with `--snapshot-update`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing.tui.present.linked import PresenterApp
from tests.tui.conftest import SIZE, SNAPSHOT_OUTLINE, FakeClock
from tests.tui.svg_cells import cells


@pytest.fixture
def socket_dir():
    """A short private folder for the socket (paths are limited to ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="brf", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


class Desk(PresenterApp):
    """A presenter view that notes when its next slide and notes have been filled in."""

    filled = False

    def on_presenter_screen_filled_in(self) -> None:
        self.filled = True


def presenter(socket_dir: Path) -> Desk:
    return Desk(SNAPSHOT_OUTLINE, clock=FakeClock(), watch=False, link_path=socket_dir / "s.sock")


async def settled(pilot: Pilot) -> None:
    """Until the view is filled in and says it waits for the audience screen."""
    app = pilot.app
    assert isinstance(app, Desk)
    for _ in range(100):
        if app.filled and "waiting" in app.link_state:
            break
        await pilot.pause()
    assert app.filled and "waiting" in app.link_state
    await pilot.pause()


def test_presenter_title_page(snap_compare, socket_dir):
    assert snap_compare(presenter(socket_dir), terminal_size=SIZE, run_before=settled)


def test_presenter_slide(snap_compare, socket_dir):
    app = presenter(socket_dir)
    assert snap_compare(app, press=["2", "enter"], terminal_size=SIZE, run_before=settled)


def test_presenter_slide_on_a_projector(snap_compare, socket_dir):
    app = presenter(socket_dir)
    assert snap_compare(app, press=["3", "enter"], terminal_size=(200, 60), run_before=settled)


def screen_text(app: Desk) -> str:
    """The characters on screen, row by row."""
    grid = cells(app.export_screenshot())
    rows: dict[int, list[tuple[int, str]]] = {}
    for (row, col), cell in grid.items():
        rows.setdefault(row, []).append((col, cell.get("ch", " ")))
    return "\n".join("".join(ch for _, ch in sorted(rows[r])) for r in sorted(rows))


async def test_the_notes_are_on_the_presenter_screen(socket_dir):
    """The notes are what the presenter view is for: shown beside the slides, following a
    move (a stylesheet rule for the slide screen once hid them here)."""
    app = presenter(socket_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("2", "enter")
        for _ in range(50):
            if "slide 2" in str(app.slides.notes.border_title):
                break
            await pilot.pause()
        await pilot.pause()
        notes = app.slides.notes
        assert "slide 2" in str(notes.border_title)
        assert notes.display and notes.region.width > 10 and notes.region.height > 5
        first = str(notes.text.render()).strip().splitlines()[0].split()[:3]
        assert first and " ".join(first) in screen_text(app)
        assert "Notes · slide 2" in screen_text(app)
