"""Web archives written by a real browser: headless Chromium (installed by `.ci/run`) saves
each test page as MHTML over the DevTools protocol, as "Webpage, Single File" does, and the
archive must read as the page saved as .html. Chromium rewrites the page it archives (a meta
charset becomes http-equiv, links become absolute, and scripts are left out, JSON-LD with
them), none of which `test_formats_mhtml.py`'s hand-made archives do."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from briefing.sources.formats import extract
from tests.sources import fixtures_formats as fx

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _snapshot(debugger: str, url: str) -> str:
    """Page.captureSnapshot of `url` once it has loaded: the archive "Save as" writes."""
    import aiohttp  # textual-serve's client and server library

    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(debugger, max_msg_size=0) as ws,
    ):
        calls = 0

        async def call(method: str, **params: object) -> dict:
            nonlocal calls
            calls += 1
            await ws.send_json({"id": calls, "method": method, "params": params})
            async for message in ws:
                data = json.loads(message.data)
                if data.get("id") == calls:
                    return data
                if data.get("method") == "Page.loadEventFired":
                    loaded.set()
            raise AssertionError(f"Chromium closed the connection during {method}")

        loaded = asyncio.Event()
        await call("Page.enable")
        await call("Page.navigate", url=url)
        while not loaded.is_set():  # events arrive between replies; read on until the load
            message = await asyncio.wait_for(ws.receive(), timeout=60)
            if json.loads(message.data).get("method") == "Page.loadEventFired":
                loaded.set()
        return str((await call("Page.captureSnapshot", format="mhtml"))["result"]["data"])


def save_as_single_file(page: Path) -> bytes:
    """`page` archived by headless Chromium, as its "Webpage, Single File" save writes it."""
    assert BROWSER is not None
    port = _free_port()
    # its own session, so its helper processes go with it: one left writing into the profile
    # folder made removing that folder fail
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = subprocess.Popen(
            [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
             f"--remote-debugging-port={port}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=5) as r:
                        targets = json.load(r)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            debugger = next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"]
            archive = asyncio.run(_snapshot(debugger, page.as_uri()))
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(browser.pid, signal.SIGKILL)
            browser.wait()
    return archive.encode("utf-8")


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each test page as .html and as Chromium's archive of it."""
    if BROWSER is None:
        pytest.skip("headless Chromium is not installed: no browser-made archive to read")
    folder = tmp_path_factory.mktemp("chromium")
    analysis = folder / "analysis.html"
    analysis.write_bytes(fx._page(fx.NIKKEI_PAGE, fx.NIKKEI_PARAGRAPHS).encode("utf-8"))
    pages = {
        "analysis": analysis,
        "news": fx.build_news_html(folder / "news.html"),
        "blog": fx.build_blog_html(folder / "blog.html"),  # windows-1252: Chromium saves UTF-8
    }
    out = {}
    for name, page in pages.items():
        archive = folder / f"{name}.mhtml"
        archive.write_bytes(save_as_single_file(page))
        out[name] = (page, archive)
    return out


@pytest.mark.parametrize("name", ["analysis", "news", "blog"])
def test_a_chromium_archive_reads_as_the_page_saved_as_html(saved, name: str) -> None:
    page, archive = saved[name]
    assert archive.read_bytes().startswith(b"From: <Saved by Blink>")
    as_html, as_archive = extract(page), extract(archive)
    assert as_archive.text == as_html.text
    assert as_archive.meta["title"] == as_html.meta["title"]
    assert as_archive.meta["url"] == as_html.meta["url"]  # a file:// address is not cited


def test_without_json_ld_the_byline_and_meta_tags_still_cite_the_story(saved) -> None:
    """Chromium leaves scripts out of its archive, JSON-LD with them: the authors then come
    from the byline, the publisher from the site's name, and the date, stated only in the
    JSON-LD, is honestly unknown (never the day the page was saved)."""
    page, archive = saved["news"]
    assert b"application/ld+json" in page.read_bytes()
    assert b"application/ld+json" not in archive.read_bytes()
    meta = extract(archive).meta
    assert meta["author"] is not None
    assert meta["author"].lower() == extract(page).meta["author"].lower()
    assert meta["publisher"] is not None
    assert meta["date"] is None
