"""Check a cached deck against its sources before it is used: each source it quotes must
still have the content hash it was composed from, and each excerpt of a text source must still
be its source's text at its offsets (a damaged or edited record is recomposed, never trusted)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cachedir import notice
from briefing.errors import display_path
from briefing.reading import read_regular

if TYPE_CHECKING:
    from briefing.deck import Deck, Excerpt


def sha_of(path: Path) -> str | None:
    """A file's sha256, None when it cannot be read."""
    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except OSError:
        return None


def checked(
    deck: Deck, sources: Path, quoted: tuple[tuple[str, str], ...], path: Path
) -> Deck | None:
    """A record's deck if every source it quotes is as it was (`quoted`: file, sha256) and
    every excerpt of a text source is verbatim at its offsets; else None, with a notice naming
    the record's file (it was edited)."""
    return deck if verified(deck, sources, quoted) or refused(path) else None


def verified(deck: Deck, sources: Path, quoted: tuple[tuple[str, str], ...]) -> bool:
    """Whether every source the deck quotes is as it was and every excerpt of a text source
    verbatim (as `checked`, saying nothing: for a caller that may not use the answer)."""
    hashes = dict(quoted)
    for info in deck.cited_sources:
        where = _inside(sources, info.file)
        if where is None or info.file not in hashes or sha_of(where) != hashes[info.file]:
            return False
    return all(_verbatim(sources, slide.excerpts) for slide in deck.slides)


def refused(path: Path) -> bool:
    """Say that the record at `path` does not match its sources (it was edited): False."""
    notice(f"{display_path(path)}: the deck cache does not match its sources; recomposing")
    return False


def _inside(sources: Path, name: str) -> Path | None:
    """A source's path, or None when the name would leave the sources folder."""
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or "\0" in name:
        return None
    return sources / relative


def _verbatim(sources: Path, excerpts: tuple[Excerpt, ...]) -> bool:
    """Whether each excerpt of a .txt/.md source is its text at its offsets (other formats'
    canonical text costs an extraction: for them the content hash stands)."""
    texts: dict[str, str] = {}
    for excerpt in excerpts:
        name = excerpt.source.file
        if not name.lower().endswith((".txt", ".md")):
            continue
        if name not in texts:
            where = _inside(sources, name)
            try:
                texts[name] = read_regular(where).decode("utf-8") if where else ""
            except (OSError, UnicodeDecodeError):
                return False
        text = texts[name]
        if text[excerpt.start : excerpt.end] != excerpt.text or excerpt.start < 0:
            return False
        end = excerpt.paragraph_start + len(excerpt.paragraph)
        if excerpt.paragraph and text[excerpt.paragraph_start : end] != excerpt.paragraph:
            return False
    return True
