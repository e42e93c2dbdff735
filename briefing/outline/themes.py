"""Theme files: `themes/<id>.yaml`, each a topic the composer looks for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError, Problem, ValidationError, display_path
from briefing.outline.models import ThemeFile
from briefing.validation import validate
from briefing.yamlpos import load_located


@dataclass(frozen=True)
class Theme:
    """A validated theme with its id (the file name without `.yaml`)."""

    id: str
    title: str
    keywords: tuple[str, ...]
    weights: dict[str, float]
    exclude: tuple[str, ...]
    summary: str | None
    path: Path
    context: tuple[str, ...] = ()  # keywords that count only beside another of the theme's

    def weight(self, keyword: str) -> float:
        return self.weights.get(keyword, 1.0)


# The four themes users asked for travel with the package (briefing/data/themes links to the
# project's themes/), so an outline in any folder can use them.
BUILTIN_THEMES = Path(__file__).resolve().parent.parent / "data" / "themes"


def theme_files(folder: Path) -> dict[str, Path]:
    """Theme id -> file, for every `*.yaml`/`*.yml` in the folder, sorted by id."""
    if not folder.is_dir():
        raise BriefingError(
            f"{display_path(folder)}: themes folder not found; "
            "create it or set `themes:` in the outline"
        )
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return {p.stem: p for p in files}


def load_theme(theme_id: str, path: Path) -> tuple[Theme | None, list[Problem]]:
    """Load and validate one theme file."""
    located = load_located(path)
    model, problems = validate(ThemeFile, located)
    if model is None:
        return None, problems
    unknown = sorted(set(model.weights) - set(model.keywords))
    for key in unknown:
        problems.append(
            located.problem(
                ("weights", key),
                f"weight for '{key}', which is not one of this theme's keywords",
                key=True,
            )
        )
    theme = Theme(
        id=theme_id,
        title=model.title,
        keywords=tuple(model.keywords),
        weights=dict(model.weights),
        exclude=tuple(model.exclude),
        summary=model.summary,
        path=path,
        context=tuple(model.context),
    )
    return theme, problems


def load_themes(folder: Path, wanted: set[str] | None = None) -> dict[str, Theme]:
    """Load the themes in `folder` (only `wanted` ids, if given); raise on any problem."""
    files = theme_files(folder)
    themes: dict[str, Theme] = {}
    problems: list[Problem] = []
    for theme_id, path in files.items():
        if wanted is not None and theme_id not in wanted:
            continue
        theme, found = load_theme(theme_id, path)
        problems.extend(found)
        if theme is not None:
            themes[theme_id] = theme
    if problems:
        raise ValidationError(problems)
    return themes
