"""Where an outline's folders are: its project's root, and a `sources:` or `themes:` value
resolved against the outline's own folder. Light on purpose (no models, no validation): a
`build` reads the sources folder from the YAML alone to index it while another process
imports the outline models (`quoted_sources`)."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import BriefingError
from briefing.yamlpos import load_located


def project_root(outline_path: Path) -> Path:
    """The project an outline belongs to: the nearest parent holding `seeds/` or `themes/`."""
    start = outline_path.resolve().parent
    for folder in (start, *start.parents):
        if (folder / "seeds").is_dir() or (folder / "themes").is_dir():
            return folder
    return start.parent if start.name == "outlines" else start


def resolve_folder(outline_path: Path, value: str | None, default: str) -> Path:
    """A folder key's value resolved as the outline loader resolves it (`default` under the
    project root when the key is absent)."""
    if value is None:
        return project_root(outline_path) / default
    found = Path(value).expanduser()
    return found if found.is_absolute() else (outline_path.resolve().parent / found)


def quoted_sources(outline_path: Path) -> Path | None:
    """The sources folder the outline quotes from, read from its YAML without validating it;
    None when no slide quotes (a theme, pins or exclusions) or the file cannot tell. Only a
    head start: the validated outline decides what is composed, and reports every problem."""
    try:
        data = load_located(outline_path).data
    except (BriefingError, OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("slides"), list):
        return None
    value = data.get("sources")
    if value is not None and not isinstance(value, str):
        return None
    quoting = ("theme", "pins", "exclude")
    if not any(isinstance(s, dict) and any(s.get(k) for k in quoting) for s in data["slides"]):
        return None
    try:
        found = resolve_folder(outline_path, value, "seeds")
        return found if found.is_dir() else None
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL in the value
        return None
