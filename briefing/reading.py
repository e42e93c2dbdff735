"""Reading a user's file whole, refusing what is named like a file but is none.

A named pipe given as an outline, or dropped in a sources folder as `notes.txt`, blocks a read
until something writes to it, and a device may never end: the command would hang. Every file
a user or another process controls (outlines, themes, the catalogue, sources, cache records)
is read here: opened without blocking, then checked on the open descriptor, so a file renamed
in between cannot slip through.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

NOT_REGULAR = "not a regular file (a named pipe, socket or device)"
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegular(OSError):
    """The path is a named pipe, socket or device; `strerror` says so."""


def read_regular(path: Path) -> bytes:
    """The file's bytes; NotRegular (an OSError) when it is no regular file."""
    fd = os.open(path, _FLAGS)
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(errno.EINVAL, NOT_REGULAR, str(path))
        return handle.read()
