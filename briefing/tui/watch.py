"""Change detection for live reload: poll the outline, the theme files and the sources.

Polling file signatures every half second was chosen over watchfiles' `awatch` because it is
deterministic in tests (a test writes a file and calls `changed()`), behaves the same on network
shares and container mounts where inotify events go missing, sees editors' atomic
save-by-rename, and costs a few dozen `stat` calls per poll.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

Stamp = tuple[int, int, int]  # one file's modification time, size and inode
Signature = dict[str, Stamp]

THEME_SUFFIXES = (".yaml", ".yml")


def stamp(path: Path) -> Stamp | None:
    """One file's modification time, size and inode; None when it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _ignored(name: str) -> bool:
    """Editor droppings and hidden files never trigger a reload."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def scan(outline: Path, sources: Path | None, themes: Path | None) -> Signature:
    """Modification time, size and inode of every file the deck is built from."""
    found: Signature = {}
    if (sig := stamp(outline)) is not None:
        found[str(outline)] = sig
    for folder, suffixes in ((sources, None), (themes, THEME_SUFFIXES)):
        if folder is None:
            continue
        try:
            entries = list(os.scandir(folder))
        except OSError:
            found[f"{folder}/<missing>"] = (0, 0, 0)
            continue
        for entry in entries:
            if _ignored(entry.name) or (suffixes and not entry.name.endswith(suffixes)):
                continue
            if entry.is_file() and (sig := stamp(Path(entry.path))) is not None:
                found[entry.path] = sig
    return found


class FileWatcher:
    """Remembers the last signature and says whether anything changed since."""

    def __init__(
        self,
        outline: Path,
        sources: Path | None = None,
        themes: Path | None = None,
        outline_seen: Stamp | None = None,
    ) -> None:
        """`outline_seen`: the outline's stamp when the deck shown was made from it, taken
        before this watcher (made later, in a thread): a save in between is still a change."""
        self.outline = outline
        self.sources = sources
        self.themes = themes
        self._last = scan(outline, sources, themes)
        if outline_seen is not None:
            self._last[str(outline)] = outline_seen

    @property
    def watched(self) -> Iterable[str]:
        return sorted(self._last)

    def follow(self, sources: Path | None, themes: Path | None) -> None:
        """Watch other folders, when an edited outline points its `sources:`/`themes:` elsewhere."""
        if (sources, themes) != (self.sources, self.themes):
            self.sources, self.themes = sources, themes
            self._last = scan(self.outline, sources, themes)

    def changed(self) -> bool:
        """True once per change: the new signature becomes the baseline."""
        now = scan(self.outline, self.sources, self.themes)
        if now == self._last:
            return False
        self._last = now
        return True
