"""JSON Schemas for outline and theme files, generated from the models that validate
them, so the help and checking an editor gives can never drift from what `briefing` accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec

from briefing.atomic import write_atomic
from briefing.outline.models import OutlineFile, ThemeFile

DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft editors' YAML plugins support best

SCHEMAS: dict[str, tuple[type[msgspec.Struct], str, str]] = {
    "outline": (
        OutlineFile,
        "Briefing outline",
        "One briefing deck: its title page and its slides, in order. "
        "Check it with `briefing check OUTLINE`.",
    ),
    "theme": (
        ThemeFile,
        "Briefing theme",
        "A topic the composer looks for in the sources (never a colour scheme). "
        "The theme's id is the file name without `.yaml`.",
    ),
}

# Help for fields whose model declares no description (a description in models.py wins).


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema for `kind` ('outline' or 'theme'), with help text for every key."""
    model, title, description = SCHEMAS[kind]
    # draft-07 keeps shared parts in `definitions`
    (top,), definitions = msgspec.json.schema_components(
        [model], ref_template="#/definitions/{name}"
    )
    generated = dict(definitions.pop(model.__name__)) if "$ref" in top else dict(top)
    generated.pop("title", None)
    generated.pop("description", None)
    schema = {"$schema": DRAFT, "title": title, "description": description, **generated}
    return {**schema, "definitions": definitions} if definitions else schema


def render(kind: str) -> str:
    """The schema as the text written to `<kind>.schema.json` (stable, so diffs are real)."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def schema_paths(out_dir: Path) -> dict[str, Path]:
    """Where each schema goes inside `out_dir`: the names outline and theme files point at."""
    return {kind: out_dir / f"{kind}.schema.json" for kind in SCHEMAS}


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into `out_dir` (created if missing), atomically; return the files
    whose contents changed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for kind, path in schema_paths(out_dir).items():
        text = render(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text.encode("utf-8"))
            changed.append(path)
    return changed


def stale_schemas(out_dir: Path) -> list[Path]:
    """The schema files in `out_dir` that are missing or differ from a fresh generation."""
    return [
        path
        for kind, path in schema_paths(out_dir).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != render(kind)
    ]
