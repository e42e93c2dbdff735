"""Pin, exclude, unpin and un-exclude excerpts on an outline's slides, in the outline file itself.

Only the edited slide's `pins:`/`exclude:` block is rewritten (with ruamel.yaml round-trip, so
comments inside it survive); every other line keeps its bytes. Each edit is checked by loading
the result back, written atomically, and never overwrites a change made on disk meanwhile.
"""

from __future__ import annotations

import copy
import os
import stat
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.error import YAMLError as RuamelError

from briefing.atomic import write_atomic
from briefing.errors import BriefingError, display_path
from briefing.outline.yamledit import CannotSplice, Step, refs, same, splice, whole
from briefing.yamlpos import read_text

PIN = (Step("exclude", False), Step("pins", True))
EXCLUDE = (Step("pins", False), Step("exclude", True))
UNPIN = (Step("pins", False),)
UNEXCLUDE = (Step("exclude", False),)


def pin(path: Path, slide: int, source: str, quote: str, *, loaded: str | None = None) -> str:
    """Always show this excerpt on slide `slide` (1 = first), ahead of the ranked ones; lifts
    any exclusion of it. Returns the file's new text. `loaded` is the text the caller read."""
    return curate(path, slide, PIN, source, quote, loaded=loaded)


def exclude(path: Path, slide: int, source: str, quote: str, *, loaded: str | None = None) -> str:
    """Never show this excerpt on slide `slide`; unpins it if pinned. Returns the new text."""
    return curate(path, slide, EXCLUDE, source, quote, loaded=loaded)


def unpin(path: Path, slide: int, source: str, quote: str, *, loaded: str | None = None) -> str:
    """Stop pinning this excerpt on slide `slide`. Returns the new text."""
    return curate(path, slide, UNPIN, source, quote, loaded=loaded)


def unexclude(path: Path, slide: int, source: str, quote: str, *, loaded: str | None = None) -> str:
    """Let the composer choose this excerpt again on slide `slide`. Returns the new text."""
    return curate(path, slide, UNEXCLUDE, source, quote, loaded=loaded)


def curate(
    path: Path,
    slide: int,
    steps: tuple[Step, ...],
    source: str,
    quote: str,
    *,
    loaded: str | None = None,
) -> str:
    """Apply `steps` to the file and return its new text (unchanged text when nothing to do).

    If the file differs from `loaded`, the change is reapplied to what is on disk, provided
    slide `slide` still has the title it had in `loaded`; otherwise nothing is written.
    """
    shown = display_path(path)
    target = path.resolve() if path.is_symlink() else path  # write through a link; it stays one
    for _attempt in range(3):
        current = read_text(path)
        if loaded is not None and _lines(current) != _lines(loaded):
            _same_slide(shown, loaded, current, slide)
        new = edit_text(current, slide, steps, source, quote, shown=shown)
        if new == current:
            return new
        _writable(target, shown)
        if write_atomic(
            target, new.encode("utf-8"), expected=current.encode("utf-8"), keep_owner=True
        ):
            return new
    raise BriefingError(f"{shown} keeps changing on disk; nothing was written, try again")


def _writable(path: Path, shown: str) -> None:
    """Refuse a file its owner has made read-only (checked by mode too: root may write it)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise BriefingError(f"cannot write {shown}: {exc.strerror or exc}") from None
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise BriefingError(
            f"{shown} is read-only; nothing was written (make it writable with "
            f"`chmod u+w {shown}`, or pin in a copy of it)"
        )


def marks(text: str, slide: int, source: str, quote: str) -> set[str]:
    """Which of 'pins' and 'exclude' already hold this excerpt on slide `slide` of `text`."""
    spec = _slide(_plain(text, "outline"), slide, "outline")
    return {k for k in ("pins", "exclude") if any(same(i, source, quote) for i in refs(spec, k))}


def edit_text(
    text: str, slide: int, steps: tuple[Step, ...], source: str, quote: str, *, shown: str = ""
) -> str:
    """The outline text with `steps` applied; pure. Tries the byte-preserving splice first and
    accepts a result only if it loads back as exactly the intended data."""
    source, quote = source.strip(), quote.strip()
    if not source or not quote:
        raise BriefingError("an excerpt needs a source file name and a non-empty quote")
    shown = shown or "outline"
    before = _plain(text, shown)
    expected = copy.deepcopy(before)
    for step in steps:
        _apply(_slide(expected, slide, shown), step, source, quote, shown)
    if expected == before:
        return text
    for method, safe in ((splice, False), (splice, True), (whole, False), (whole, True)):
        new = text
        try:
            for step in steps:
                new = method(new, slide - 1, step, source, quote, safe)
        except (CannotSplice, RuamelError, LookupError, TypeError, ValueError):
            continue  # every attempt is checked by loading it back; try the next way
        try:
            if yaml.safe_load(new) == expected:
                return new
        except yaml.YAMLError:
            continue
    raise BriefingError(f"{shown}: could not write this change safely; the file is unchanged")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n")


def _plain(text: str, shown: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        raise BriefingError(f"{shown} is not valid YAML; run `briefing check` on it") from None


def _slide(data: Any, number: int, shown: str) -> dict[str, Any]:
    slides = data.get("slides") if isinstance(data, dict) else None
    if not isinstance(slides, list):
        raise BriefingError(f"{shown} has no `slides:` list; run `briefing check` on it")
    if not 1 <= number <= len(slides):
        raise BriefingError(f"{shown} has no slide {number}; its slides are 1 to {len(slides)}")
    if not isinstance(slides[number - 1], dict):
        raise BriefingError(f"{shown}: slide {number} is not a mapping; run `briefing check`")
    return slides[number - 1]


def _same_slide(shown: str, loaded: str, current: str, number: int) -> None:
    def title(text: str) -> Any:
        try:
            return _slide(yaml.safe_load(text), number, shown).get("title")
        except (yaml.YAMLError, BriefingError):
            return None

    was = title(loaded)
    if was is None or title(current) != was:
        raise BriefingError(
            f"{shown} changed on disk since it was loaded and slide {number} is no longer "
            f"'{was}'; reload it and try again (nothing was written)"
        )


def _apply(spec: dict[str, Any], step: Step, source: str, quote: str, shown: str) -> None:
    """The intended change on plain data: what the written file must load back as."""
    items = spec.get(step.kind)
    if items is not None and not isinstance(items, list):
        raise BriefingError(f"{shown}: `{step.kind}:` must be a list; run `briefing check`")
    items = items or []
    kept = [i for i in items if not same(i, source, quote)]
    if step.add and len(kept) == len(items):
        spec[step.kind] = [*items, {"source": source, "quote": quote}]
    elif not step.add and len(kept) != len(items):
        if kept:
            spec[step.kind] = kept
        else:
            spec.pop(step.kind)
