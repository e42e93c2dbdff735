"""`briefing init DIR`: lay out a new project anywhere (sources/, themes/, outlines/ and the
editor schemas), never overwriting a file that is already there."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.errors import BriefingError, display_path
from briefing.outline.scaffold import BUILTIN_SCHEMAS, new_outline
from briefing.outline.themes import BUILTIN_THEMES, theme_files

STARTER = "briefing.yaml"


@dataclass
class Laid:
    """What `init` wrote, and what it found already there and left alone."""

    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def init_project(root: Path) -> Laid:
    """Create `root`'s folders, copy the shipped themes and schemas, and write a starter
    outline with one slide per shipped theme; existing files are kept as they are."""
    if root.exists() and not root.is_dir():
        raise BriefingError(f"{display_path(root)}: exists and is not a folder")
    laid = Laid()
    for name in ("sources", "themes", "outlines", "schemas"):
        folder = root / name
        if folder.exists() and not folder.is_dir():
            raise BriefingError(f"{display_path(folder)}: exists and is not a folder")
        if not folder.is_dir():
            folder.mkdir(parents=True)
            laid.created.append(folder)
    shipped = theme_files(BUILTIN_THEMES)
    for theme_id, source in shipped.items():
        _copy(source, root / "themes" / f"{theme_id}.yaml", laid)
    for schema in sorted(BUILTIN_SCHEMAS.glob("*.json")):
        _copy(schema, root / "schemas" / schema.name, laid)
    outline = root / "outlines" / STARTER
    if outline.exists():
        laid.kept.append(outline)
    else:
        new_outline(
            outline,
            list(shipped),
            title="A new briefing",
            themes_dir=root / "themes",
            sources_dir=root / "sources",
        )
        laid.created.append(outline)
    return laid


def _copy(source: Path, target: Path, laid: Laid) -> None:
    if target.exists():
        laid.kept.append(target)
        return
    write_atomic(target, source.read_bytes(), exclusive=True)
    laid.created.append(target)
