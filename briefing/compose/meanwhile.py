"""What a forked composer does while it waits for the index another process is writing.

A first `build` makes the index in the command's process while the composer imports
(`cache_ahead`), and a compose after a source changed syncs it there while the composer
imports (`cache_beside`); with its imports done, the composer waited for that index with a
core to spare. What composing will need and no index decides is done in that wait instead of
after it: the themes' keyword lemmas (the table of lemmas stored by earlier runs read, or
simplemma's asked through the lemma server) and the attribution readers' patterns compiled
(one by one, while the wait lasts: the first pages would compile those they need). Nothing here
decides a deck: the lemmas and patterns are the ones composing would make itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def prepare(outline: Path, waiting: Callable[[], bool]) -> None:
    """Do what composing `outline` will need from no index: its themes' keyword lemmas, then
    the attribution patterns one by one for as long as `waiting()` says the wait goes on (all
    ~90 take ~80 ms; a deck needs some of them). Any problem is left for the composing that
    follows, which meets it again and reports it."""
    try:
        from briefing.compose import regexes, speaker  # noqa: F401 - its readers' patterns
        from briefing.compose.composer import used_theme_ids
        from briefing.compose.evidence import concepts
        from briefing.outline.load import load_outline
        from briefing.outline.themes import load_themes

        loaded = load_outline(outline)
        for theme in load_themes(loaded.themes_dir, used_theme_ids(loaded)).values():
            concepts(theme)  # the keywords' lemmas, kept by `lexeme` for ranking
        for pattern in regexes.made():
            if not waiting():
                return
            pattern.compiled  # noqa: B018 - compiled and kept by the property
    except Exception:  # noqa: BLE001 - composing meets it again, and reports it
        return
