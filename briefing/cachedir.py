"""Where briefing keeps its caches (indexes, composed decks): one place decides."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """Where indexes live: $BRIEFING_CACHE_DIR, else the user's cache folder."""
    if env := os.environ.get("BRIEFING_CACHE_DIR"):
        return Path(env)
    if base := os.environ.get("XDG_CACHE_HOME"):
        return Path(base) / "briefing"
    try:
        return Path.home() / ".cache" / "briefing"
    except (RuntimeError, KeyError):  # no home folder known: a per-user temporary one
        import tempfile  # only here: it imports shutil, random and more, for every command

        return Path(tempfile.gettempdir()) / f"briefing-cache-{os.getuid()}"


_noticed: set[str] = set()


def notice(message: str) -> None:
    """Tell the user, once per run, that a cache was rebuilt or bypassed: one line on stderr."""
    if message not in _noticed:
        _noticed.add(message)
        print(f"briefing: note: {message}", file=sys.stderr)
