"""The presenter view and the audience screen, linked over a Unix socket: two apps in one test."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import stat
import tempfile
from pathlib import Path

import pytest
from textual.widgets import Static

from briefing.tui.present import link
from briefing.tui.present.linked import AudienceApp, PresenterApp
from briefing.tui.slide_view import SlideView
from tests.tui.conftest import EXAMPLE, SIZE, FakeClock

LAST = 7


@pytest.fixture
def run_dir(monkeypatch):
    """A short private runtime folder (socket paths are limited to ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="brf", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def audience(**options) -> AudienceApp:
    return AudienceApp(EXAMPLE, clock=FakeClock(), watch=False, **options)


def presenter(**options) -> PresenterApp:
    return PresenterApp(EXAMPLE, clock=FakeClock(), watch=False, **options)


async def until(condition, timeout: float = 5.0) -> None:
    """Wait (really: the other app runs in the same loop) until `condition()` holds."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        assert loop.time() < end, "timed out"
        await asyncio.sleep(0.01)


def text_of(view: SlideView) -> str:
    return "\n".join(str(w.render()) for w in view.shown)


def link_line(app: PresenterApp) -> str:
    return str(app.slides.query_one("#link", Static).render())


async def test_moves_go_both_ways(run_dir):
    room, desk = audience(), presenter()
    async with room.run_test(size=SIZE) as room_pilot, desk.run_test(size=SIZE) as desk_pilot:
        await until(lambda: room.audience is not None and room.audience.peers == 1)
        await until(lambda: desk.presenter.linked)
        await desk_pilot.pause()
        assert "linked" in link_line(desk)
        await room_pilot.press("right", "right")
        await until(lambda: desk.page == 2)
        await desk_pilot.pause()
        assert "Background: a two-level upgrade" in text_of(desk.slides.view)
        assert "Balancing China" in text_of(desk.slides.next_view)  # the next slide
        assert "Notes · slide 2" in str(desk.slides.notes.border_title)
        await desk_pilot.press("5", "enter")
        await until(lambda: room.page == 5)
        await desk_pilot.press("end")
        await until(lambda: room.page == LAST)
        await desk_pilot.pause()
        assert not desk.slides.next_view.display  # nothing after the last slide
        await room_pilot.press("home")
        await until(lambda: desk.page == 0)


async def test_the_presenter_waits_for_the_audience_and_survives_it_leaving(run_dir):
    desk = presenter()
    async with desk.run_test(size=SIZE) as desk_pilot:
        await until(lambda: "waiting" in desk.link_state)
        await desk_pilot.pause()
        assert "waiting for the audience screen" in link_line(desk)
        await desk_pilot.press("right")  # still presents on its own
        assert desk.page == 1
        room = audience()
        async with room.run_test(size=SIZE) as room_pilot:
            await until(lambda: desk.presenter.linked, timeout=5)
            await until(lambda: desk.page == 0)  # it follows the room on connecting
            await room_pilot.press("right", "right", "right")
            await until(lambda: desk.page == 3)
        await until(lambda: not desk.presenter.linked)
        assert "gone" in desk.link_state
        await desk_pilot.press("right")
        assert desk.page == 4


async def test_the_audience_keeps_going_when_the_presenter_quits(run_dir):
    room = audience()
    async with room.run_test(size=SIZE) as room_pilot:
        desk = presenter()
        async with desk.run_test(size=SIZE):
            await until(lambda: room.audience.peers == 1)
        await until(lambda: room.audience.peers == 0)
        await room_pilot.press("right")
        assert room.page == 1


def make_stale(path: Path) -> None:
    """A socket file whose listener died: bound, then closed without unlinking."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    sock.close()
    os.chmod(path, 0o600)


async def test_a_stale_socket_is_replaced(run_dir):
    path = link.socket_path(EXAMPLE)
    make_stale(path)
    room = audience()
    async with room.run_test(size=SIZE):
        await until(lambda: room.audience is not None and room.audience._server is not None)
        info = os.stat(path)
        assert stat.S_ISSOCK(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600
        assert link._listening(path)
    assert not path.exists()  # removed on quit


def test_a_socket_with_loose_permissions_is_refused(run_dir):
    path = link.socket_path(EXAMPLE)
    make_stale(path)
    os.chmod(path, 0o666)
    with pytest.raises(link.LinkError, match=r"mode 666, not 600: refusing"):
        link.check_socket(path)


def test_a_socket_owned_by_someone_else_is_refused(run_dir, monkeypatch):
    path = link.socket_path(EXAMPLE)
    make_stale(path)
    monkeypatch.setattr(link, "_uid", lambda: os.getuid() + 1)
    with pytest.raises(link.LinkError, match=r"belongs to user \d+, not you"):
        link.check_socket(path)


async def test_the_presenter_says_why_it_refuses_a_socket(run_dir):
    path = link.socket_path(EXAMPLE)
    make_stale(path)
    os.chmod(path, 0o644)
    desk = presenter()
    async with desk.run_test(size=SIZE) as pilot:
        await until(lambda: "refused" in desk.link_state)
        await pilot.pause()
        assert "not 600" in link_line(desk)


def test_a_second_audience_screen_is_refused(run_dir):
    async def main() -> None:
        first = link.Audience(link.socket_path(EXAMPLE), lambda page: None, lambda: 0)
        await first.start()
        second = link.Audience(first.path, lambda page: None, lambda: 0)
        with pytest.raises(link.LinkError, match="another audience screen"):
            await second.start()
        first.stop()

    asyncio.run(main())


@pytest.mark.parametrize(
    ("line", "page"),
    [
        (b'{"goto": 3}\n', 3),
        (b'{"goto": -1}\n', None),
        (b'{"goto": "3"}\n', None),
        (b"[1]\n", None),
        (b"\xff\n", None),
        (b'{"goto": true}\n', None),
    ],
)
def test_only_well_formed_moves_are_taken(line, page):
    assert link.decode(line) == page


async def test_both_ends_reload_together_and_keep_the_last_good_deck(run_dir, project):
    outline = project / "outlines" / "us-vietnam.yaml"
    room = AudienceApp(outline, clock=FakeClock(), watch=False)
    desk = PresenterApp(outline, clock=FakeClock(), watch=False)
    async with room.run_test(size=SIZE) as room_pilot, desk.run_test(size=SIZE) as desk_pilot:
        for app in (room, desk):
            app.use_watcher(app.make_watcher())
        await until(lambda: desk.presenter.linked)
        await room_pilot.press("3", "enter")
        await until(lambda: desk.page == 3)
        text = outline.read_text(encoding="utf-8")
        outline.write_text(text.replace("title: Balancing China", "title: China, carefully"))
        await until(lambda: room.poll_files() or room.reloads)
        await until(lambda: desk.poll_files() or desk.reloads)
        await until(lambda: room.reloads == 1 and desk.reloads == 1, timeout=30)
        await desk_pilot.pause()
        assert room.page == desk.page == 3
        assert "China, carefully" in text_of(desk.slides.view)
        assert "China, carefully" in text_of(room.slides.view)
        outline.write_text("slides: [oops", encoding="utf-8")  # broken: both keep the last deck
        await until(lambda: room.poll_files() or room.stale)
        await until(lambda: desk.poll_files() or desk.stale)
        await until(lambda: room.stale and desk.stale, timeout=30)
        await room_pilot.pause()
        assert "China, carefully" in text_of(desk.slides.view)
        assert "China, carefully" in text_of(room.slides.view)
