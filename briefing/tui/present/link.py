"""The link between the audience screen and presenter views: a Unix domain socket per outline.

The audience app listens, presenter views connect; both send newline-delimited JSON
`{"goto": n}` whenever their slide changes, so either side drives. The socket lives in the
user's runtime directory (or a private 0700 folder under the cache), is mode 0600 and owned by
the user; a socket left by a crashed run is replaced, one owned by someone else is refused.
Plain asyncio: the apps run these coroutines in Textual workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

from briefing.cachedir import cache_dir
from briefing.errors import BriefingError

MAX_LINE = 4096  # a message is a few bytes; anything longer is not ours
RETRY = 0.5  # seconds between a presenter's attempts to reach the audience screen


class LinkError(BriefingError):
    """The socket cannot be used safely: the message names it and says what to do."""


def _uid() -> int:
    """The user's id (a function, so tests can pretend to be someone else)."""
    return os.getuid()


def runtime_dir() -> Path:
    """$XDG_RUNTIME_DIR when it is ours, else a private 0700 folder under the cache."""
    env = os.environ.get("XDG_RUNTIME_DIR")
    if env and Path(env).is_dir():
        info = os.stat(env)
        if info.st_uid == _uid() and not info.st_mode & 0o077:
            return Path(env)
    folder = cache_dir() / "run"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    info = os.stat(folder)
    if info.st_uid != _uid() or info.st_mode & 0o077:
        raise LinkError(
            f"{folder} is not private (owner {info.st_uid}, mode {stat.S_IMODE(info.st_mode):o}): "
            "make it yours with mode 700, or set XDG_RUNTIME_DIR"
        )
    return folder


def socket_path(outline: Path) -> Path:
    """One socket per outline, named from a hash of its resolved path."""
    digest = hashlib.sha256(str(Path(outline).resolve()).encode()).hexdigest()[:16]
    return runtime_dir() / f"briefing-{digest}.sock"


def check_socket(path: Path) -> bool:
    """Whether a safe socket file exists at `path`; raises LinkError when one is unsafe."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if not stat.S_ISSOCK(info.st_mode):
        raise LinkError(f"{path} is not a socket: remove it to link presenter views")
    if info.st_uid != _uid():
        raise LinkError(f"{path} belongs to user {info.st_uid}, not you: refusing to use it")
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise LinkError(
            f"{path} has mode {stat.S_IMODE(info.st_mode):o}, not 600: "
            "refusing to use it (remove it to start afresh)"
        )
    return True


def _listening(path: Path) -> bool:
    """Whether something answers at `path` (a stale file from a crashed run does not)."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def encode(page: int) -> bytes:
    return (json.dumps({"goto": page}) + "\n").encode()


def decode(line: bytes) -> int | None:
    """The page a message asks for, or None for anything malformed (which is ignored)."""
    try:
        message = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    page = message.get("goto") if isinstance(message, dict) else None
    return page if type(page) is int and page >= 0 else None


async def _read(reader: asyncio.StreamReader, on_goto: Callable[[int], None]) -> None:
    """Hand each well-formed message to `on_goto` until the other side goes away."""
    while True:
        try:
            line = await reader.readline()
        except (ValueError, OSError):  # over the limit, or the connection reset
            return
        if not line:
            return
        if (page := decode(line)) is not None:
            on_goto(page)


def _send(writer: asyncio.StreamWriter, page: int) -> None:
    if not writer.is_closing():
        with contextlib.suppress(OSError, RuntimeError):
            writer.write(encode(page))


class Audience:
    """The listening end: every presenter view connected, and the page to greet them with."""

    def __init__(self, path: Path, on_goto: Callable[[int], None], page: Callable[[], int]) -> None:
        self.path = path
        self._on_goto = on_goto
        self._page = page
        self._peers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    @property
    def peers(self) -> int:
        return len(self._peers)

    async def start(self) -> None:
        """Listen, replacing a stale socket; LinkError if another audience screen is running
        or the file is unsafe."""
        if check_socket(self.path):
            if _listening(self.path):
                raise LinkError(f"another audience screen already presents this ({self.path})")
            self.path.unlink()
        self._server = await asyncio.start_unix_server(self._serve, str(self.path), limit=MAX_LINE)
        os.chmod(self.path, 0o600)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._peers.add(writer)
        _send(writer, self._page())
        try:
            await _read(reader, lambda page: self._received(page, writer))
        finally:
            self._peers.discard(writer)
            writer.close()

    def _received(self, page: int, sender: asyncio.StreamWriter) -> None:
        self._on_goto(page)
        self.send(page, skip=sender)  # each side clamps it to its own deck

    def send(self, page: int, skip: asyncio.StreamWriter | None = None) -> None:
        for writer in list(self._peers):
            if writer is not skip:
                _send(writer, page)

    def stop(self) -> None:
        for writer in list(self._peers):
            writer.close()
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(OSError):
                self.path.unlink()


class Presenter:
    """The connecting end: reaches the audience screen, retrying while it is absent."""

    def __init__(
        self,
        path: Path,
        on_goto: Callable[[int], None],
        on_state: Callable[[str], None],
    ) -> None:
        self.path = path
        self._on_goto = on_goto
        self._on_state = on_state
        self._writer: asyncio.StreamWriter | None = None

    @property
    def linked(self) -> bool:
        return self._writer is not None

    async def run(self) -> None:
        """Connect, follow, and reconnect whenever the audience screen goes or is not there."""
        while True:
            try:
                check_socket(self.path)
                reader, writer = await asyncio.open_unix_connection(str(self.path), limit=MAX_LINE)
            except LinkError as exc:
                self._on_state(f"refused: {exc}")
            except OSError:
                self._on_state("waiting for the audience screen (briefing present OUTLINE)")
            else:
                self._writer = writer
                self._on_state("linked to the audience screen")
                try:
                    await _read(reader, self._on_goto)
                finally:
                    self._writer = None
                    writer.close()
                self._on_state("audience screen gone: waiting for it")
            await asyncio.sleep(RETRY)

    def send(self, page: int) -> None:
        if self._writer is not None:
            _send(self._writer, page)
