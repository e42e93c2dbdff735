"""Ending the `briefing` process without the interpreter's teardown.

Once a command has written its output, Python would still free every object of every module it
imported (python-pptx, Jinja2, Tantivy ...) one by one before exiting: 40-60 ms of a build,
spent on memory the operating system reclaims at once. The exit handlers still run and the
standard streams are flushed first, so nothing a user or a library asked for at exit is lost.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading


def exit_code(code: object) -> int:
    """The status `sys.exit(code)` would give: None is 0, an int itself, anything else is
    printed to stderr (as Python does) and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def leave(code: object) -> None:
    """Exit with `code` now. Falls back to the ordinary exit while another thread still runs
    (Python would wait for it) or when the streams cannot be flushed."""
    status = exit_code(code)
    if any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate()):
        sys.exit(status)
    atexit._run_exitfuncs()  # what the ordinary exit runs first (logging, multiprocessing, ...)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: let Python's exit deal with it
        sys.exit(status)
    os._exit(status)
