"""The typed model of one `sources.yaml` entry, apart from the catalogue's reader so that a
sources folder without a catalogue never imports the validation library."""

# No `from __future__ import annotations`: msgspec reads the annotations as objects.
from typing import Annotated

from msgspec import Meta

from briefing.validation import Date, Strict


class CatalogueEntry(Strict, kw_only=True):
    """Metadata for one source file; every field optional."""

    title: str | None = None
    author: str | None = None
    cite_as: Annotated[str | None, Meta(description="Author as shown in short citations.")] = None
    publisher: str | None = None
    date: Date | None = None
    url: str | None = None
    note: Annotated[str | None, Meta(description="Anything a reader should know.")] = None
    keep: Annotated[
        list[str] | None,
        Meta(
            description="Passages cleaning removed that may be quoted after all (their exact text)."
        ),
    ] = None
