"""`briefing serve`: started as a user would, fetched over HTTP, driven over its websocket."""

from __future__ import annotations

import asyncio
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import aiohttp
import pytest

from tests.conftest import EXAMPLE

TITLE = "The US-Vietnam Comprehensive Strategic Partnership"
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """`briefing serve` on a free local port; stopped (SIGTERM, then SIGKILL) at the end."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", str(EXAMPLE), "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "BRIEFING_DEBUG": "", "XDG_RUNTIME_DIR": str(tmp_path)},
        start_new_session=True,
    )
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    first = ""
    end = time.monotonic() + 60
    while time.monotonic() < end and not first and proc.poll() is None:
        if selector.select(timeout=0.5):
            first = proc.stdout.readline()
    try:
        assert first, f"no address printed: {proc.stderr.read() if proc.poll() is not None else ''}"
        yield port, first
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_it_prints_a_local_address_and_serves_the_page(server):
    port, first = server
    assert f"http://127.0.0.1:{port}/" in first
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=20) as response:
        assert response.status == 200
        page = response.read().decode("utf-8")
    assert TITLE in page


async def screen_until(ws: aiohttp.ClientWebSocketResponse, text: str, timeout: float) -> bool:
    """Read the terminal output the app sends until `text` shows (escape codes removed)."""
    seen = b""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        try:
            message = await ws.receive(timeout=max(0.1, end - loop.time()))
        except TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += message.data
        elif message.type == aiohttp.WSMsgType.TEXT:
            seen += message.data.encode()
        elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            break
        if text.encode() in ESCAPES.sub(b"", seen):
            return True
    return False


async def title_shown(port: int) -> None:
    """One terminal session over the websocket until the title slide is painted."""
    async with aiohttp.ClientSession() as session:
        url = f"ws://127.0.0.1:{port}/ws?width=120&height=40"
        async with session.ws_connect(url) as ws:
            assert await screen_until(ws, "Vietnam Comprehensive", 60), "no title slide"


def test_a_key_over_the_websocket_changes_the_slide(server):
    port, _ = server

    async def drive() -> None:
        async with aiohttp.ClientSession() as session:
            url = f"ws://127.0.0.1:{port}/ws?width=120&height=40"
            async with session.ws_connect(url) as ws:
                assert await screen_until(ws, "Vietnam Comprehensive", 60), "no title slide"
                await ws.send_json(["stdin", "2\r"])
                assert await screen_until(ws, "two-level", 30), "slide 2 never shown"

    asyncio.run(drive())


def test_a_busy_port_is_one_line(server, tmp_path):
    port, _ = server
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "serve", str(EXAMPLE), "--port", str(port)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BRIEFING_DEBUG": ""},
    )
    assert result.returncode != 0
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_browser_shows_the_title_slide(server, tmp_path):
    """Where headless Chromium is installed: a screenshot of the page, with the title on it."""
    import shutil

    browser = next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
    )
    if browser is None:
        pytest.skip("headless Chromium is not installed: no browser screenshot taken")
    port, _ = server
    # The browser's app paints from the deck cache once one session has composed the deck;
    # a screenshot races the page's websocket, so a busy machine (CI's parallel tests) may
    # take it before the first paint: a few tries, each over a fresh session.
    asyncio.run(title_shown(port))
    shot = tmp_path / "page.png"
    url = f"http://127.0.0.1:{port}/"
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--timeout=15000"]
    for _attempt in range(3):
        subprocess.run(
            [*common, f"--screenshot={shot}", "--window-size=1280,800", url],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        if shot.stat().st_size > 10_000:
            break
    assert shot.stat().st_size > 10_000  # a painted page, not a blank one
    dom = subprocess.run(
        [*common, "--dump-dom", url], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    assert TITLE in dom  # the page the room's browser shows is this deck's
