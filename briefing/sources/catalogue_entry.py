"""The typed model of one `sources.yaml` entry, apart from the catalogue's reader so that a
sources folder without a catalogue never imports pydantic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from briefing.validation import Date


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
