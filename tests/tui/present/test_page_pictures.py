"""A page shown again is its picture (the lines its widgets painted): it must look the same,
cell for cell, as the page's widgets do, and give way to them when the size or colours change."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.tui import colours
from briefing.tui.picture import Picture
from briefing.tui.present.app import BriefingApp
from briefing.tui.slide_view import SlideView
from tests.tui.conftest import EXAMPLE, SNAPSHOT_OUTLINE, FakeClock
from tests.tui.svg_cells import cells

SIZES = [(80, 24), (100, 30), (120, 40), (200, 60)]


class Watched(BriefingApp):
    """The app, counting the pages painted (a page is pictured once it has been painted)."""

    def __init__(self, outline: Path) -> None:
        super().__init__(outline, clock=FakeClock(), watch=False)
        self.painted: list[int] = []

    def on_slide_view_shown(self, message: SlideView.Shown) -> None:
        self.painted.append(message.page)
        super().on_slide_view_shown(message)


async def go(app: Watched, pilot, page: int) -> None:
    """Show `page` and wait until it has been painted."""
    count = len(app.painted)
    app.show(page)
    while len(app.painted) == count:
        await pilot.pause(0.01)


def on_screen(app: BriefingApp) -> dict:
    """The cells of the slide area (not the status line, whose clock moves)."""
    view = app.slides.view
    top, bottom = view.region.y, view.region.bottom
    return {k: v for k, v in cells(app.export_screenshot()).items() if top <= k[0] < bottom}


def displayed(view: SlideView) -> list:
    return [c for c in view.children if c.display]


async def visit_all(app: Watched, pilot, scroll: int) -> dict[int, dict]:
    """Every page, first to last, each scrolled `scroll` lines down: the cells each showed."""
    seen = {}
    for page in range(len(app.deck.slides) + 1):
        await go(app, pilot, page)
        app.slides.scroll_slide(scroll)
        view = app.slides.view
        await pilot.pause()
        for _ in range(500):  # the scroll waits for a refresh
            if view.scroll_y == min(scroll, view.max_scroll_y):
                break
            await pilot.pause(0.01)
        seen[page] = (on_screen(app), type(displayed(app.slides.view)[0]))
    return seen


@pytest.mark.parametrize("outline", [EXAMPLE, SNAPSHOT_OUTLINE], ids=["example", "snapshot"])
@pytest.mark.parametrize(
    ("size", "scroll"),
    [*((size, 0) for size in SIZES), ((80, 24), 2)],  # 80x24: long slides scroll, scrolled
    ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else f"scroll{v}",
)
async def test_a_page_shown_again_looks_the_same_cell_for_cell(outline, size, scroll):
    app = Watched(outline)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        # A page whose first showing added or removed the scrollbar is pictured on the next.
        widgets: dict[int, dict] = {}  # each page's cells when last shown by its widgets
        for _ in range(2):
            for page, (cells_seen, shown) in (await visit_all(app, pilot, scroll)).items():
                if shown is not Picture:
                    widgets[page] = cells_seen
        for page, (cells_seen, shown) in (await visit_all(app, pilot, scroll)).items():
            assert shown is Picture, f"page {page} was not pictured at {size}"
            assert cells_seen == widgets[page], f"page {page} differs at {size}"


async def test_the_page_comes_back_when_the_colours_change():
    app = BriefingApp(SNAPSHOT_OUTLINE, clock=FakeClock(), watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right", "right", "left")
        view = app.slides.view
        assert isinstance(displayed(view)[0], Picture)
        app.theme = colours.next_theme(app.theme)  # as `C` does, without its notice on top
        await pilot.pause()
        assert displayed(view) == [view.body]  # the widgets, in the new colours
        recoloured = on_screen(app)
        await pilot.press("right", "left", "right", "left")  # painted, then its picture
        assert isinstance(displayed(view)[0], Picture)
        assert on_screen(app) == recoloured


async def test_the_page_comes_back_when_the_size_changes():
    app = BriefingApp(SNAPSHOT_OUTLINE, clock=FakeClock(), watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right", "right", "left")
        view = app.slides.view
        assert isinstance(displayed(view)[0], Picture)
        await pilot.resize_terminal(150, 45)
        await pilot.pause()
        assert displayed(view) == [view.body]
        wide = on_screen(app)
        await pilot.press("right", "left", "right", "left")
        assert isinstance(displayed(view)[0], Picture)
        assert on_screen(app) == wide
