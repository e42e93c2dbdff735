"""`briefing serve`: the presentation in a web browser, through Textual's own textual-serve.

Each browser tab runs its own `briefing present` behind a websocket; the server binds to this
machine only unless told otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import signal
import sys
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server


class BriefingServer(Server):
    """textual-serve, announcing itself in one line (instead of its banner) once it listens."""

    async def on_startup(self, app: web.Application) -> None:
        """Runs before the socket is bound: too early to give the address."""

    def serve(self, debug: bool = False) -> None:
        """As textual-serve does, but say the address only when it can be reached."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *_: print(f"serving {self.title} at {self.public_url}/", flush=True),
        )


def present_command(outline: Path, theme: str) -> str:
    """The shell command each browser tab runs: this Python, this outline."""
    args = [sys.executable, "-m", "briefing", "present", str(outline.resolve()), "--theme", theme]
    return shlex.join(args)


def serve(outline: Path, title: str, host: str, port: int, theme: str) -> None:
    """Serve until Ctrl+C (or SIGTERM)."""
    BriefingServer(present_command(outline, theme), host=host, port=port, title=title).serve()
