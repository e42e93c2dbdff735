"""`sources.yaml` in the sources folder: human-edited metadata that overrides extraction.

An entry may set a field to null to say "unknown" on purpose; absent fields fall back to what
was extracted from the document.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from briefing.errors import ValidationError
from briefing.validation import Date, validate
from briefing.yamlpos import load_located

CATALOGUE = "sources.yaml"
FIELDS = ("title", "author", "cite_as", "publisher", "date", "url")


class CatalogueEntry(BaseModel):
    """Metadata for one source file; every field optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    author: str | None = None
    cite_as: str | None = Field(default=None, description="Author as shown in short citations.")
    publisher: str | None = None
    date: Date | None = None
    url: str | None = None
    note: str | None = Field(default=None, description="Anything a reader should know.")
    keep: list[str] | None = Field(
        default=None,
        description="Passages cleaning removed that may be quoted after all (their exact text).",
    )


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
    located = load_located(path)
    if located.data is None:
        return {}
    if not isinstance(located.data, dict):
        raise ValidationError([located.problem((), "expected a mapping of file name -> fields")])
    entries: dict[str, dict[str, object]] = {}
    problems = []
    for name, fields in located.data.items():
        sub = type(located)(data=fields or {}, file=located.file)
        sub.positions = {k[1:]: v for k, v in located.positions.items() if k[:1] == (name,)}
        sub.key_positions = {k[1:]: v for k, v in located.key_positions.items() if k[:1] == (name,)}
        sub.positions.setdefault((), located.where((name,)))
        model, found = validate(CatalogueEntry, sub)
        problems += found
        if model is not None:
            entries[str(name)] = model.model_dump(include=set(model.model_fields_set))
    if problems:
        raise ValidationError(problems)
    return entries
