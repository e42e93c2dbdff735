"""What a forked composer does while it waits for the index another process is writing.

A first `build` makes the index in the command's process while the composer imports
(`cache_ahead`), and a compose after a source changed syncs it there while the composer
imports (`cache_beside`); with its imports done, the composer waited for that index with a
core to spare. What composing will need and no index decides is done in that wait instead of
after it: the themes' keyword lemmas (the table of lemmas stored by earlier runs read, or
simplemma's asked through the lemma server), what the keyword hits cache keeps for each theme
(addressed by content, so a sync cannot make it stale; ~15 ms a theme at 10,000 documents), and
the attribution readers' patterns compiled (one by one, while the wait lasts: the first pages
would compile those they need). Nothing here decides a deck: the lemmas, hits and patterns are
the ones composing would read or make itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def prepare(outline: Path, waiting: Callable[[], bool]) -> None:
    """Do what composing `outline` will need from no index: its themes' keyword lemmas,
    then their kept hits and the attribution patterns one by one for as long as `waiting()`
    says the wait goes on (all ~90 patterns take ~80 ms; a deck needs some of them). Any
    problem is left for the composing that follows, which meets it again and reports it."""
    try:
        from briefing.compose import hit_cache, regexes, speaker  # noqa: F401 - its readers' patterns
        from briefing.compose.composer import used_theme_ids
        from briefing.compose.evidence import concepts
        from briefing.outline.load import load_outline, needs_sources
        from briefing.outline.themes import load_themes
        from briefing.sources.index import default_path

        loaded = load_outline(outline)
        themes = load_themes(loaded.themes_dir, used_theme_ids(loaded)).values()
        found = [concepts(theme) for theme in themes]  # lemmas, kept by `lexeme` for ranking
        quoting = needs_sources(loaded.model)
        hits = hit_cache.file_ahead(default_path(loaded.sources_dir)) if quoting else None
        if hits is not None:
            for theme_concepts in found:
                if not waiting():
                    return
                hit_cache.read_ahead(hits, [repr(c) for c in theme_concepts])
        for pattern in regexes.made():
            if not waiting():
                return
            pattern.compiled  # noqa: B018 - compiled and kept by the property
    except Exception:  # noqa: BLE001 - composing meets it again, and reports it
        return
