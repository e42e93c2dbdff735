"""Lemmas learned in earlier runs, so ranking a theme need not load simplemma's dictionary.

Loading simplemma's English data costs about half a second, and every run that ranks a theme
(a new theme, an edited one, any changed source) used to pay it for a few thousand words it had
already lemmatised before. A lemma depends only on the word, simplemma's version and our
spelling folds, so the table is keyed by those and kept in the cache folder.

The file is a cache and untrusted: anything but a JSON object of short strings is ignored (and
replaced on the next save); a folder that cannot be written costs time, never a result.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.cachedir import cache_dir
from briefing.errors import OutputError

MAX_BYTES = 16 << 20  # tens of thousands of words take a few hundred KB
MAX_WORD = 100


@cache
def _version() -> str:
    digest = hashlib.sha256((Path(__file__).parent / "lexeme.py").read_bytes())
    digest.update(_simplemma_version())
    return digest.hexdigest()[:16]


def _simplemma_version() -> bytes:
    """simplemma's version, read from its `__metadata__.py` where the import system finds the
    package (without importing it): importlib.metadata, the fallback, costs ~30 ms to import
    and ~20 ms to scan every folder on sys.path, on every run that ranks a theme."""
    try:
        spec = importlib.util.find_spec("simplemma")
        folders = list(spec.submodule_search_locations or []) if spec else []
        if folders:
            found = _VERSION.search((Path(folders[0]) / "__metadata__.py").read_text("utf-8"))
            if found:
                return found.group(1).encode()
    except (ImportError, ValueError, OSError):
        pass
    from importlib import metadata

    try:
        return metadata.version("simplemma").encode()
    except metadata.PackageNotFoundError:
        return b"unknown"


_VERSION = re.compile(r"""^__version__\s*=\s*["']([^"'\s]+)["']""", re.MULTILINE)


def store_path() -> Path:
    """The table for this simplemma and this folding code."""
    return cache_dir() / f"lemmas-{_version()}.json"


def stored() -> list[Path]:
    """The tables kept so far, of any version (a cheap test for a first run: no version)."""
    try:
        return list(cache_dir().glob("lemmas-*.json"))
    except OSError:
        return []


def load() -> dict[str, str]:
    """The stored table, or an empty one when there is none or it is not sound."""
    path = store_path()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        table = json.loads(data) if len(data) <= MAX_BYTES else None
    except (OSError, ValueError):
        return {}
    if not isinstance(table, dict) or not all(_sound(k, v) for k, v in table.items()):
        return {}
    return table


def save(table: dict[str, str]) -> None:
    """Store the table (whole, atomically: a concurrent run's save is replaced, not mixed)."""
    path = store_path()
    data = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data.encode("utf-8"), durable=False)  # unsound reads as empty
    except (OSError, OutputError):
        return


def _sound(word: object, value: object) -> bool:
    return (
        isinstance(word, str)
        and isinstance(value, str)
        and 0 < len(word) <= MAX_WORD
        and 0 < len(value) <= MAX_WORD
    )
