"""The outline file behind the editor: what was last loaded or saved, atomic saves, change
detection on disk, and the recovery file that keeps unsaved work safe from a crash.

No Textual here: the editor app decides when to call these, this module does the file work.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.errors import BriefingError, display_path
from briefing.yamlpos import read_text

Signature = tuple[int, int, int]


def recovery_path(path: Path) -> Path:
    """`.us-vietnam.yaml.recover` beside `us-vietnam.yaml`: hidden, so the presentation's file
    watcher and directory listings ignore it."""
    return path.with_name(f".{path.name}.recover")


def _signature(path: Path) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class EditSession:
    """One outline being edited. `saved` is the text on disk as this session last knew it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovery = recovery_path(path)
        self.saved = read_text(path)  # a missing or unreadable file fails before the TUI starts
        self._signature = _signature(path)
        self.held = False  # True: the recovery file holds older work the user has not judged

    @property
    def name(self) -> str:
        """The outline's path as the user should read it."""
        return display_path(self.path)

    def dirty(self, text: str) -> bool:
        """`text` is not what the file held when last loaded or saved."""
        return text != self.saved

    def restorable(self) -> tuple[str, dt.datetime] | None:
        """The recovery file's text and time, when it is newer than the outline and differs
        from it: the unsaved work of a session that did not end cleanly."""
        kept = _signature(self.recovery)
        if kept is None or (self._signature and kept[0] < self._signature[0]):
            return None
        try:
            text = self.recovery.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if text == self.saved:
            return None
        return text, dt.datetime.fromtimestamp(kept[0] / 1e9)

    def older_recovery(self) -> tuple[str, dt.datetime] | None:
        """The recovery file's text and time when it is older than the outline yet differs
        from it: unsaved work the user must choose to keep or drop, never lose silently."""
        kept = _signature(self.recovery)
        if kept is None or self.restorable() is not None:
            return None
        try:
            text = self.recovery.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return None if text == self.saved else (text, dt.datetime.fromtimestamp(kept[0] / 1e9))

    def stale_recovery(self) -> bool:
        """A recovery file older than the outline: the outline was saved since, elsewhere."""
        return self.recovery.exists() and self.restorable() is None

    def keep(self, text: str) -> None:
        """Keep unsaved text in the recovery file (atomically); with none, remove the file.
        While `held`, the file holds older work the user has not judged: it is left alone."""
        if self.held:
            return
        if self.dirty(text):
            write_atomic(self.recovery, text.encode("utf-8"))
        else:
            self.discard_recovery()

    def discard_recovery(self) -> None:
        """Remove the recovery file: its text was saved, or deliberately dropped (never while
        it is `held`, holding older work the user has not judged)."""
        if self.held:
            return
        try:
            self.recovery.unlink(missing_ok=True)
        except OSError as exc:
            raise BriefingError(f"cannot remove {display_path(self.recovery)}: {exc}") from None

    def save(self, text: str, *, buffer: str | None = None) -> None:
        """Write the outline atomically. The recovery file goes only when nothing unsaved is
        left: when the editor's `buffer` (if given) is what was saved, and nothing is held."""
        write_atomic(self.path, text.encode("utf-8"))
        self.saved = text
        self._signature = _signature(self.path)
        if buffer is None or buffer == text:
            self.discard_recovery()
        else:
            self.keep(buffer)

    def disk_differs(self) -> bool:
        """The file on disk is no longer what this session loaded or saved."""
        try:
            return read_text(self.path) != self.saved
        except BriefingError:
            return True  # deleted or unreadable: saving would replace whatever is there

    def changed_on_disk(self) -> str | None:
        """The file's new text, once, when someone else changed it since we last looked."""
        now = _signature(self.path)
        if now == self._signature:
            return None
        self._signature = now
        try:
            text = read_text(self.path)
        except BriefingError:
            return None  # gone or mid-write: the next look will tell
        return None if text == self.saved else text

    def reread(self) -> str:
        """The file as it is on disk now (and the baseline for later change detection)."""
        self._signature = _signature(self.path)
        return read_text(self.path)

    def adopt(self, text: str) -> None:
        """The buffer now holds what is on disk."""
        self.saved = text
