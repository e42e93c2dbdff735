"""`briefing serve`: the presentation in a web browser, through Textual's own textual-serve.

Each browser tab runs its own `briefing present` behind a websocket; the server binds to this
machine only unless told otherwise.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server


class BriefingServer(Server):
    """textual-serve, announcing itself in one line instead of its banner."""

    async def on_startup(self, app: web.Application) -> None:
        print(f"serving {self.title} at {self.public_url}/ (Ctrl+C to stop)", flush=True)


def present_command(outline: Path, theme: str) -> str:
    """The shell command each browser tab runs: this Python, this outline."""
    args = [sys.executable, "-m", "briefing", "present", str(outline.resolve()), "--theme", theme]
    return shlex.join(args)


def serve(outline: Path, title: str, host: str, port: int, theme: str) -> None:
    """Serve until Ctrl+C (or SIGTERM)."""
    BriefingServer(present_command(outline, theme), host=host, port=port, title=title).serve()
