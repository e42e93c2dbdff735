"""A digest of the code a cached result was built by: a module and everything of ours it imports.

A hand-kept list of "the modules that shape an index" goes stale the day someone splits a
module or adds a rule in a new one, and a stale list lets an index built by older code be
trusted. The list is read from the code instead: the `briefing` modules a root module names
in its import statements (wherever they are, so imports deferred into functions count),
followed to the end.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the `briefing` folder
# Plain literal prefixes, so the engine scans for them fast (ruff formats every import with
# single spaces); a match inside a docstring can only add a module to the digest.
_FROM = re.compile(rb"from briefing((?:\.\w+)*) import (\([^)]*\)|[^#\n]+)")
_IMPORT = re.compile(rb"import briefing((?:\.\w+)*)")
_COMMENT = re.compile(rb"#[^\n]*")
_NAME = re.compile(rb"\w+")


def _modules(package: str) -> dict[str, str]:
    """Every module file of the package by dotted name under it (`sources.segment`)."""
    found: dict[str, str] = {}
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [d for d in subfolders if not d.startswith((".", "__"))]
        prefix = os.path.relpath(folder, package).replace(os.sep, ".")
        prefix = "" if prefix == "." else prefix
        for name in files:
            if name.endswith(".py"):
                stem = name[:-3]
                dotted = prefix if stem == "__init__" else f"{prefix}.{stem}".lstrip(".")
                found[dotted] = os.path.join(folder, name)
    return found


def _imported(text: bytes) -> set[str]:
    """Dotted names (under `briefing`) this source imports, as modules or from modules."""
    found: set[str] = set()
    for match in _FROM.finditer(text):
        package = match.group(1).decode().lstrip(".")
        found.add(package)
        for name in _NAME.findall(_COMMENT.sub(b"", match.group(2))):
            # `from briefing.sources import cleaning` names a module; other names are dropped
            # below for having no file
            found.add(f"{package}.{name.decode()}".lstrip("."))
    found.update(m.group(1).decode().lstrip(".") for m in _IMPORT.finditer(text))
    return found


def module_sources(roots: Iterable[str], package: str = PACKAGE) -> dict[str, bytes]:
    """The source of `roots` (dotted, under `briefing`) and of every `briefing` module they
    import, directly or not, by dotted name."""
    files = _modules(package)
    sources: dict[str, bytes] = {}
    pending = list(roots)
    while pending:
        dotted = pending.pop()
        if dotted in sources or dotted not in files or not dotted:
            continue
        with open(files[dotted], "rb") as handle:
            sources[dotted] = handle.read()
        pending.extend(_imported(sources[dotted]))
    return sources


def code_digest(roots: Iterable[str], package: str = PACKAGE) -> str:
    """Changes whenever any module in `roots`' import closure changes."""
    digest = hashlib.sha256()
    for dotted, text in sorted(module_sources(roots, package).items()):
        digest.update(dotted.encode() + b"\0" + text)
    return digest.hexdigest()
