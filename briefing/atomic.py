"""Write files all at once: a temporary file beside the target, then a rename, so a reader
never sees half a file and a failed write leaves the old file as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from briefing.errors import OutputError, display_path


def write_atomic(
    path: Path,
    data: bytes,
    *,
    expected: bytes | None = None,
    exclusive: bool = False,
    keep_owner: bool = False,
    durable: bool = True,
) -> bool:
    """Replace `path` with `data`, keeping the old file's permissions.

    With `expected`, write only if the file still holds exactly those bytes (return False if
    someone changed it meanwhile); with `exclusive`, refuse if the file already exists; with
    `keep_owner`, also keep the old file's owner and group where the system permits it.
    `durable=False` (a cache that checks what it reads): no fsync before the rename, which
    waits for the disk (milliseconds each on a busy one); a crash may then leave an empty
    or old file, which the reader refuses or finds stale, never a wrong result.
    """
    shown = display_path(path)
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if exclusive:
            _link_new(tmp, path, shown)
            return True
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
            if keep_owner:
                _chown_like(tmp, path)
        if expected is not None and path.read_bytes() != expected:
            return False
        os.replace(tmp, path)
        return True
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}{_fix(exc)}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _link_new(tmp: Path, path: Path, shown: str) -> None:
    try:
        os.link(tmp, path)  # atomic, and fails rather than clobber an existing file
    except FileExistsError:
        raise OutputError(f"{shown} already exists; choose another name") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise OutputError(f"{shown} already exists; choose another name") from None
        os.replace(tmp, path)


def _chown_like(tmp: Path, path: Path) -> None:
    """Give `tmp` the owner and group of `path`, as far as this user may."""
    st = path.stat()
    for uid, gid in ((st.st_uid, st.st_gid), (-1, st.st_gid)):
        try:
            os.chown(tmp, uid, gid)
            return
        except OSError:
            continue


def _fix(exc: OSError) -> str:
    """What the user can do about a failed write, when the error says."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "; free some space or write it elsewhere"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "; choose a folder you can write to"
    return ""
