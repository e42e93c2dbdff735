"""Remember composed decks, so re-running `build` or `compose` on unchanged inputs skips
validation and composition (and the libraries they load) entirely.

A cached deck is used only when every input is as it was: the outline's bytes, each theme
file it uses, the sources catalogue, the indexed corpus (its generation, after a sync), and
the code that composes. Anything else recomposes and refreshes the cache.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.cachedir import cache_dir
from briefing.deck import Deck
from briefing.errors import OutputError
from briefing.sources.documents import Listing, list_stamped, snapshot

# The modules whose code decides what a composed deck contains.
_COMPOSING_CODE = (
    "sources",
    "outline",
    "compose",
    "deck.py",
    "validation.py",
    "yamlpos.py",
)


@dataclass(frozen=True)
class Record:
    """A composed deck and the fingerprints of everything it was composed from."""

    code: str
    outline: str
    files: tuple[tuple[str, str | None], ...]  # (path, sha or None if absent): themes, catalogue
    sources: str
    generation: int
    listing: Listing
    deck: Deck


@cache
def code_version() -> str:
    digest = hashlib.sha256()
    root = Path(__file__).parent.parent
    for name in _COMPOSING_CODE:
        path = root / name
        for file in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _record_path(outline: Path) -> Path:
    key = hashlib.sha256(str(outline.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / f"deck-{key}.pickle"


def compose_cached(outline: Path) -> Deck:
    """The deck for an outline: from the cache when nothing it depends on has changed, else
    composed (and cached) now. Only a cache miss imports the composer and its libraries."""
    deck = load(outline)
    if deck is not None:
        return deck
    from briefing.compose.composer import compose_outline_file

    composed = compose_outline_file(outline)
    store(outline, composed.deck, composed.inputs, composed.generation, composed.listing)
    return composed.deck


def load(outline: Path) -> Deck | None:
    """The cached deck for this outline if every input is unchanged, else None."""
    try:
        record = pickle.loads(_record_path(outline).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(record, Record) or record.code != code_version():
        return None
    if record.outline != _sha(outline):
        return None
    if any(_sha(Path(path)) != sha for path, sha in record.files):
        return None
    sources = Path(record.sources)
    if not sources.is_dir():
        return None
    files = list_stamped(sources)
    if record.listing and snapshot(sources, files=files) == record.listing:
        return record.deck  # no source touched: the index need not even be opened
    from briefing.sources.index import Index

    listing = snapshot(
        sources, to_store=True, files=files
    )  # listed before the sync: never newer than it
    index = Index(sources)
    try:
        index.sync()
        fresh = index.generation == record.generation
    finally:
        index.close()
    if not fresh:
        return None
    if listing != record.listing:  # touched, not changed: take the fast path next time
        _write(outline, replace(record, listing=listing))
    return record.deck


def store(
    outline: Path,
    deck: Deck,
    inputs: list[Path],
    generation: int,
    listing: Listing = (),
) -> None:
    """Remember a freshly composed deck; a cache that cannot be written is simply skipped."""
    if deck.sources_dir is None:
        return
    record = Record(
        code=code_version(),
        outline=_sha(outline) or "",
        files=tuple((str(p), _sha(p)) for p in inputs),
        sources=str(deck.sources_dir),
        generation=generation,
        listing=listing,
        deck=deck,
    )
    _write(outline, record)


def _write(outline: Path, record: Record) -> None:
    """Save a record; a cache that cannot be written is simply skipped."""
    target = _record_path(outline)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, OutputError):
        return
