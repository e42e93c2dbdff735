"""Apply an outline edit to a cached deck when the edit changed only what composing copies.

An edited bullet, slide title or speaker note changes no excerpt: the composer copies each
slide's title and bullets into the deck and reads them nowhere else but the notes templates,
which reach them only by the names `slide` (its own) and `deck` (`deck.slides`: every title),
and the labels of the slide's warnings ("slide 2 'Ports': ..."); it renders each slide's notes
from that slide's template alone. Recomposing for such an edit imports the outline models
(validation), the ranking and the notes engine only to produce the same excerpts again. Here the
old and new outline texts are compared as parsed YAML: when they differ only in slides'
`title`, `bullets` and `notes`, every new title and bullet is text the outline model keeps as
written and every note is text, the cached deck gets the new titles, bullets and slide lines,
its warnings are relabelled, and the notes that may have changed are rendered again (a
template, as opposed to plain text, on a theme's slide also sees the theme: that edit is
recomposed). Anything else (a new key, a number, a title or bullet that would be stripped or
refused, the deck's own title) returns None and the outline is validated and composed as
usual, so every error message stays the validator's own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefing.compose.cache_reuse import label, library_warnings
from briefing.compose.notes import render_template
from briefing.deck import Deck, Slide
from briefing.errors import BriefingError, ValidationError
from briefing.outline.notes_context import notes_context
from briefing.yamlpos import Located, load_located

BULLETS, NOTES, TITLE = "bullets", "notes", "title"


@dataclass(frozen=True)
class TextEdit:
    """What an edit of titles, bullets and notes changes in a deck: each slide's title,
    bullets and line, and the notes templates (by slide number) that must be rendered again."""

    bullets: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    templates: dict[int, str]
    titles: tuple[str, ...] = ()  # each slide's title, when one changed


def text_edit(path: Path, old_text: str, new_text: str) -> TextEdit | None:
    """How `new_text` differs from `old_text`, when only in titles and bullets the model keeps
    as written and in notes; else None (the caller then validates and composes). Reads no
    deck: it is decided before a cached deck is decoded."""
    try:
        old, new = load_located(path, old_text), load_located(path, new_text)
    except ValidationError:
        return None
    slides = _slides(old.data, new.data)
    if slides is None:
        return None
    retitled = any(not _same(before.get(TITLE), after.get(TITLE)) for before, after in slides)
    titles, bullets, templates = [], [], {}
    for number, (before, after) in enumerate(slides, 1):
        now = _bullets(before, after)
        if now is None:
            return None
        notes = after.get(NOTES)
        if notes is not None and not _encodable(notes):
            return None
        notes = notes or ""
        edited = not _same(before.get(NOTES), after.get(NOTES))
        own = not _same(before.get(BULLETS), after.get(BULLETS)) or not _same(
            before.get(TITLE), after.get(TITLE)
        )
        if edited or (own and _reads_slide(notes)) or (retitled and _reads_deck(notes)):
            if after.get("theme") is not None and _is_template(notes):
                return None  # its context holds the theme, which only loading it gives
            templates[number] = notes
        titles.append(after.get(TITLE, ""))
        bullets.append(now)
    lines = tuple(_line(new, i) for i in range(len(slides)))
    return TextEdit(tuple(bullets), lines, templates, tuple(titles) if retitled else ())


def edited_deck(deck: Deck, edit: TextEdit) -> Deck | None:
    """The deck composed from the old outline with the edit applied, or None when the edit
    is not one this deck can take (the caller then composes)."""
    if len(deck.slides) != len(edit.bullets):
        return None
    for number, template in edit.templates.items():
        if deck.slides[number - 1].theme is not None and _is_template(template):
            return None
    slides = tuple(
        replace(slide, bullets=bullets, line=line)
        for slide, bullets, line in zip(deck.slides, edit.bullets, edit.lines, strict=True)
    )
    edited = replace(deck, slides=slides)
    if edit.titles:
        retitled = _retitled(edited, edit.titles)
        if retitled is None:
            return None
        edited = retitled
    try:
        return _rendered(edited, edit.templates)
    except BriefingError:  # the composer reports it, with every check before it
        return None


def _retitled(deck: Deck, titles: tuple[str, ...]) -> Deck | None:
    """The deck with these slide titles, each slide's warnings labelled by its new title as
    the composer labels them; None when a warning does not carry its slide's label."""
    corpus = library_warnings(deck)
    if corpus is None or len(titles) != len(deck.slides):
        return None
    slides = []
    for number, (slide, title) in enumerate(zip(deck.slides, titles, strict=True), 1):
        old, new = f"{label(number, slide.title)}: ", f"{label(number, title)}: "
        if not all(w.startswith(old) for w in slide.warnings):
            return None
        warnings = tuple(new + w.removeprefix(old) for w in slide.warnings)
        slides.append(replace(slide, title=title, warnings=warnings))
    warnings = (*corpus, *(w for s in slides for w in s.warnings))
    return replace(deck, slides=tuple(slides), warnings=warnings)


def _rendered(deck: Deck, templates: dict[int, str]) -> Deck:
    """The deck with these slides' notes rendered again, as the composer renders them."""
    slides: list[Slide] = list(deck.slides)
    for number, template in templates.items():
        context = notes_context(deck, number, None)
        title = slides[number - 1].title
        notes = render_template(
            template, context, outline=deck.outline_path, slide_no=number, title=title
        )
        slides[number - 1] = replace(slides[number - 1], notes=notes)
    return replace(deck, slides=tuple(slides))


def _slides(old: Any, new: Any) -> list[tuple[dict, dict]] | None:
    """Old and new slide mappings in pairs, when everything outside them is the same."""
    if not isinstance(old, dict) or not isinstance(new, dict) or old.keys() != new.keys():
        return None
    if any(not _same(old[key], new[key]) for key in old if key != "slides"):
        return None
    before, after = old.get("slides"), new.get("slides")
    if not isinstance(before, list) or not isinstance(after, list):
        return None
    if len(before) != len(after):
        return None
    pairs = list(zip(before, after, strict=True))
    if not all(isinstance(b, dict) and isinstance(a, dict) for b, a in pairs):
        return None
    return pairs


def _bullets(before: dict, after: dict) -> tuple[str, ...] | None:
    """The new slide's bullets, when the slide differs from the old one only in them, its
    title (kept as written) and its notes."""
    keys = (before.keys() | after.keys()) - {BULLETS, NOTES, TITLE}
    if any(k not in before or k not in after or not _same(before[k], after[k]) for k in keys):
        return None
    if not _same(before.get(TITLE), after.get(TITLE)) and not _plain_text(after.get(TITLE)):
        return None
    bullets = after.get(BULLETS, [])
    if not isinstance(bullets, list) or not all(_plain_text(b) for b in bullets):
        return None
    return tuple(bullets)


def _plain_text(value: Any) -> bool:
    """Text the model's stripped, non-empty `Text` keeps exactly as written."""
    if type(value) is not str or not value or value[0].isspace() or value[-1].isspace():
        return False
    return _encodable(value)


def _encodable(value: Any) -> bool:
    """Text (a `str`, never a number) with no lone surrogate from a YAML escape: those are
    the validator's call."""
    if type(value) is not str:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_template(notes: str) -> bool:
    """Whether notes go through the template engine (see compose.notes), needing a context."""
    return "{" in notes


def _reads_slide(notes: str) -> bool:
    """Whether a notes template may read its slide's fields: a template (see compose.notes)
    looks a variable up only by its name, and the context holds the bullets only in `slide`."""
    return "{" in notes and "slide" in notes


def _reads_deck(notes: str) -> bool:
    """Whether a notes template may read the slides' titles (`deck.slides`)."""
    return "{" in notes and "deck" in notes


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (YAML's 1, 1.0 and true differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _line(located: Located, number: int) -> int:
    return located.where(("slides", number))[0]
