"""Remember composed decks, so re-running `build` or `compose` on unchanged inputs skips
validation and composition (and the libraries they load) entirely.

A cached deck is used only when every input is as it was: the outline's bytes, each theme
file it uses, the sources catalogue, the indexed corpus (its generation, after a sync), and
the code that composes. One exception: an outline whose only change is to slides' bullets or
notes gets the cached deck with them (`cache_edit`, from the outline text the record's
header names). Anything else recomposes and refreshes the cache.

The cache file is data, never code (see `cache_format`: checksummed JSON). Before a cached
deck is reused, each source it quotes must still have the content hash it was composed from,
and each excerpt of a text source must still be its source's text at its offsets; a damaged
or edited cache file is therefore recomposed (with a one-line notice), never trusted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.atomic import write_atomic
from briefing.cachedir import cache_dir, notice
from briefing.compose import cache_format
from briefing.compose.cache_proof import Proof, digest, folder_scan, start_proof
from briefing.compose.cache_reuse import Reuse, kept_slides, library_warnings, salt, slide_keys
from briefing.compose.cache_verify import checked, refused, sha_of, verified
from briefing.deck import Deck
from briefing.errors import OutputError, display_path
from briefing.reading import read_regular
from briefing.sources.documents import Listing

if TYPE_CHECKING:
    from briefing.compose.cache_edit import TextEdit
    from briefing.compose.composer import Composed
    from briefing.sources.library import Library

Synced = tuple["Library", Listing]  # a library synced from this listing, for the composer

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
    listing: str  # the sources listing's fingerprint (`cache_proof.digest`), "" when unusable
    deck: Deck
    quoted: tuple[tuple[str, str], ...] = ()  # (source file, sha256 of its bytes) per source
    keys: tuple[str, ...] = ()  # per slide, what decided its excerpts (`cache_reuse`)


@cache
def code_version() -> str:
    digest = hashlib.sha256()
    root = Path(__file__).parent.parent
    for name in _COMPOSING_CODE:
        path = root / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:  # formats/ too
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _record_path(outline: Path) -> Path:
    try:
        where = outline.resolve()
    except (OSError, RuntimeError):  # a link loop: the outline loader will say so
        where = outline.absolute()
    key = hashlib.sha256(str(where).encode()).hexdigest()[:16]
    return cache_dir() / f"deck-{key}.json"


def recorded(outline: Path) -> bool:
    """Whether a composed deck of this outline is cached (fresh or not): without one, the
    next `compose_cached` composes from scratch, which is worth doing beside other work."""
    return _record_path(outline).is_file()


def compose_cached(outline: Path) -> Deck:
    """The deck for an outline: from the cache when nothing it depends on has changed, else
    composed (and cached) now, taking from the last deck every slide the change cannot alter
    (`cache_reuse`). Only a slide composed anew imports the ranking and its libraries."""
    deck, synced, reuse = _load(outline, sync=True, reuse=True, ahead=True)
    if deck is not None:
        return deck
    prefetch = synced is None and reuse is None  # with a reuse, most slides need no lemmas
    if prefetch:  # no index open, so no thread of its yet: forking is safe
        from briefing.compose import lexeme

        lexeme.prefetch()
    try:  # a library this run already synced is composed from, not opened and synced again
        from briefing.compose.composer import compose_outline_file

        composed = compose_outline_file(outline, synced=synced, reuse=reuse)
    finally:
        if prefetch:
            lexeme.stop_prefetch()
        if reuse is not None:
            reuse.proven()  # the proof's process is waited for whatever happened
        if synced is not None:
            synced[0].close()
    reused = reuse.listing if composed.reused and reuse is not None else None
    _store_composed(outline, composed, reused)
    return composed.deck


def _store_composed(outline: Path, composed: Composed, listing_sha: str | None = None) -> None:
    store(
        outline,
        composed.deck,
        composed.inputs,
        composed.generation,
        composed.listing,
        text=composed.text,
        keys=_keys(composed),
        listing_sha=listing_sha,
    )


def _keys(composed: Composed) -> tuple[str, ...]:
    """The composed deck's slide keys (`cache_reuse`), () for a deck that quotes nothing."""
    sources = composed.deck.sources_dir
    if composed.outline is None or composed.themes is None or sources is None:
        return ()
    start = salt(code_version(), composed.generation, composed.catalogue, sources)
    return tuple(slide_keys(composed.outline.model, composed.themes, start))


def load(outline: Path, *, sync: bool = True) -> Deck | None:
    """The cached deck for this outline if every input is unchanged, else None. `sync=False`:
    when a source was touched, say None rather than sync the index to find out (a caller with
    something to show meanwhile composes in the background instead). An outline whose only
    change is to bullets or notes gets the cached deck with them (see `cache_edit`)."""
    deck, synced, _ = _load(outline, sync=sync)
    if synced is not None:
        synced[0].close()
    return deck


def _load(
    outline: Path, *, sync: bool, reuse: bool = False, ahead: bool = False
) -> tuple[Deck | None, Synced | None, Reuse | None]:
    """As `load`; when it synced the index to find the deck stale, also the synced library
    and the listing it synced from (the caller closes it), for composing; and when the deck
    is stale and `reuse` asked for, what of it a recompose may take (`cache_reuse`). `ahead`:
    a sync that may find the deck stale forks its recompose first (`cache_beside`), and the
    deck returned is that recompose's, recorded."""
    path = _record_path(outline)
    try:
        raw, outline_bytes = read_regular(path), read_regular(outline)
    except OSError:
        return None, None, None
    outline_sha = hashlib.sha256(outline_bytes).hexdigest()
    edited: tuple[str, TextEdit] | None = None  # the edited outline's text, and the edit
    old_text = cache_format.note(raw)
    changed = cache_format.looks_like_ours(raw) and outline_sha.encode() not in raw
    if changed and not reuse:
        edited = _light_edit(outline, outline_bytes, old_text)
        if edited is None:
            return None, None, None  # an edit to recompose: no need to decode the record
    try:
        record = cache_format.loads(raw, Record)
    except cache_format.Damaged as why:
        notice(f"{display_path(path)}: the deck cache was damaged ({why}); recomposing")
        return None, None, None
    sources = Path(record.sources)
    if not sources.is_dir() or record.deck.sources_dir != sources:
        return None, None, None
    # Whatever the edit, the folder must be proven unchanged: a large one is listed in a
    # forked process while this one checks the code, parses the outline and checks the
    # record (on two cores, at once). An unchanged outline has too little else to do to be
    # worth a fork.
    proof = start_proof(sources) if reuse and changed and record.listing else None
    try:
        if record.code != code_version():
            return None, None, None
        if changed and reuse:
            edited = _light_edit(outline, outline_bytes, old_text)
        if edited is not None:
            patched = _edited(record, outline_sha, old_text, edited[1])
            if patched is not None:
                record = patched
            else:
                edited = None
        # Stale (another edit, or a theme or the catalogue changed): only its slides serve.
        stale = record.outline != outline_sha or any(
            sha_of(Path(path)) != sha for path, sha in record.files
        )
        if stale:
            found = _reuse(record, path, sources, proof) if reuse else None
            if found is not None:
                proof = None  # the recompose waits for it (`Reuse.proven`)
            return None, None, found
        # While the folder is listed: the record's quotes checked, the new record encoded.
        sound = verified(record.deck, sources, record.quoted)
        data = cache_format.dumps(record, note=edited[0]) if sound and edited else None
        scan = folder_scan(sources) if proof is None else None  # the sync lists from it
        now = (proof.result() if proof is not None else scan.digest if scan else "") or None
        if now == record.listing:  # no source touched: the index need not be opened
            if not sound:
                refused(path)
                return None, None, None
            if data is not None:
                _write(outline, record, edited[0], data)
            return record.deck, None, None
    finally:
        if proof is not None:
            proof.cancel()
    if not sync:
        return None, None, None
    from briefing.compose.cache_beside import Beside, listed_now
    from briefing.sources.library import Library

    beside = Beside(outline, sources, _store_composed) if ahead else None
    try:  # the one listing syncs the index (an unusable folder: the index lists it, and says why)
        files, unlisted, listing = listed_now(sources, scan)  # before the sync, never newer
        waiting = beside is not None and beside.waiting
        library = Library(sources, listed=(files, unlisted) if files else None, seal_later=waiting)
        if library.index.generation != record.generation:
            sha = digest(listing)
            if beside is not None and waiting and beside.hand_over(sha, library.report):
                library.close()  # the index's checksum is taken while the composer ranks
                return beside.result(), None, None
            return None, (library, listing), None
    finally:
        if beside is not None:
            beside.cancel()  # no-op once its result is in
    library.close()
    if _checked(record, path) is None:
        return None, None, None
    listed = digest(listing)
    if listed != record.listing or edited is not None:  # touched: the fast path next time
        _write(outline, replace(record, listing=listed), _text(outline_bytes))
    return record.deck, None, None


def _reuse(record: Record, path: Path, sources: Path, proof: Proof | None) -> Reuse | None:
    """What of a stale record a recompose may take: its slides, once its excerpts are still
    verbatim and (for a deck made of them alone) the folder is proven as it was listed (by
    `proof`, or by one started now)."""
    warnings = library_warnings(record.deck)
    if warnings is None or not record.keys or not record.listing:
        return None
    if _checked(record, path) is None:
        return None
    slides = kept_slides(record.deck, record.keys)
    proof = proof or start_proof(sources)
    return Reuse(record.code, record.generation, slides, warnings, record.listing, proof.result)


def _checked(record: Record, path: Path) -> Deck | None:
    return checked(record.deck, Path(record.sources), record.quoted, path)


def _light_edit(outline: Path, outline_bytes: bytes, old: str) -> tuple[str, TextEdit] | None:
    """The outline's text and its edit, when the header names the text the cached deck was
    composed from and the outline differs from it only in bullets and notes (checked on the
    record)."""
    new = _text(outline_bytes)
    if not old or not new:
        return None
    from briefing.compose.cache_edit import text_edit  # YAML: only when an outline changed

    edit = text_edit(outline, old, new)
    return None if edit is None else (new, edit)


def _edited(record: Record, outline_sha: str, old: str, edit: TextEdit) -> Record | None:
    """The record with a bullets-and-notes edit applied, if it was composed from the outline
    text its header names (the header is outside the checksum: never trusted alone)."""
    if record.outline != hashlib.sha256(old.encode("utf-8")).hexdigest():
        return None
    from briefing.compose.cache_edit import edited_deck

    deck = edited_deck(record.deck, edit)
    return None if deck is None else replace(record, outline=outline_sha, deck=deck)


def _text(raw: bytes) -> str:
    """The outline's text as the loader reads it, or "" when it is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""


def store(
    outline: Path,
    deck: Deck,
    inputs: list[Path],
    generation: int,
    listing: Listing = (),
    *,
    text: str | None = None,
    keys: tuple[str, ...] = (),
    listing_sha: str | None = None,
) -> None:
    """Remember a freshly composed deck; a cache that cannot be written is simply skipped.
    `text`: the outline as composed (else read now, when it may have changed since); `keys`:
    its slides' keys; `listing_sha`: the listing's fingerprint, when only that is known."""
    if deck.sources_dir is None:
        return
    if text is None:
        try:
            text = _text(outline.read_bytes())
        except OSError:
            text = ""
    record = Record(
        code=code_version(),
        outline=hashlib.sha256(text.encode("utf-8")).hexdigest() if text else "",
        files=tuple((str(p), sha_of(p)) for p in inputs),
        sources=str(deck.sources_dir),
        generation=generation,
        listing=digest(listing) if listing_sha is None else listing_sha,
        deck=deck,
        quoted=tuple(
            (info.file, sha_of(deck.sources_dir / info.file) or "") for info in deck.cited_sources
        ),
        keys=keys,
    )
    _write(outline, record, text)


def _write(outline: Path, record: Record, text: str, data: bytes | None = None) -> None:
    """Save a record (atomically: concurrent writers each replace the whole file), from its
    file's bytes when already encoded; a cache that cannot be written is skipped with a notice,
    as the deck itself is fine."""
    target = _record_path(outline)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = cache_format.dumps(record, note=text) if data is None else data
        write_atomic(target, data, durable=False)  # checksummed: damage reads as a miss
    except (OSError, OutputError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        notice(f"cannot save the deck cache in {display_path(target.parent)} ({reason}); skipped")
