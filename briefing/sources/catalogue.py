"""`sources.yaml` in the sources folder: human-edited metadata that overrides extraction.

An entry may set a field to null to say "unknown" on purpose; absent fields fall back to what
was extracted from the document.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import ValidationError

CATALOGUE = "sources.yaml"
FIELDS = ("title", "author", "cite_as", "publisher", "date", "url")


def kept_passages(entries: dict[str, dict[str, object]]) -> dict[str, tuple[str, ...]]:
    """File name -> the passages its `keep:` entry rescues from cleaning."""
    found = {}
    for name, fields in entries.items():
        keep = fields.get("keep")
        if isinstance(keep, list) and keep:
            found[name] = tuple(str(k) for k in keep)
    return found


def load_catalogue(folder: Path) -> dict[str, dict[str, object]]:
    """File name -> the fields the catalogue sets (including explicit nulls)."""
    path = folder / CATALOGUE
    if not path.is_file():
        return {}
    from briefing.yamlpos import load_located  # YAML (~16 ms) only for a folder that has one

    located = load_located(path)
    if located.data is None:
        return {}
    if not isinstance(located.data, dict):
        raise ValidationError([located.problem((), "expected a mapping of file name -> fields")])
    entries: dict[str, dict[str, object]] = {}
    # Validation is imported only for a folder that has a catalogue to check.
    from briefing.sources.catalogue_entry import CatalogueEntry
    from briefing.validation import validate

    problems = []
    for name, fields in located.data.items():
        sub = type(located)(data=fields or {}, file=located.file)
        sub.positions = {k[1:]: v for k, v in located.positions.items() if k[:1] == (name,)}
        sub.key_positions = {k[1:]: v for k, v in located.key_positions.items() if k[:1] == (name,)}
        sub.positions.setdefault((), located.where((name,)))
        model, found = validate(CatalogueEntry, sub)
        problems += found
        if model is not None:
            entries[str(name)] = {str(key): getattr(model, key) for key in fields or {}}
    if problems:
        raise ValidationError(problems)
    return entries
