"""Outline files: `outlines/<name>.yaml`, one deck each, validated with positions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.errors import Problem, ValidationError, display_path
from briefing.outline.folders import resolve_folder
from briefing.outline.models import OutlineFile
from briefing.outline.themes import BUILTIN_THEMES, theme_files
from briefing.suggest import did_you_mean
from briefing.validation import validate
from briefing.yamlpos import Located, load_located, read_text


@dataclass(frozen=True)
class Outline:
    """A validated outline with its folders resolved and the line of each slide."""

    path: Path
    model: OutlineFile
    sources_dir: Path
    themes_dir: Path
    slide_lines: tuple[int, ...]
    text: str  # the file as read, so a later write-back can tell if it changed on disk


def needs_sources(model: OutlineFile) -> bool:
    """Does any slide quote sources? An outline of bullets only needs no sources folder."""
    return any(s.theme or s.pins or s.exclude for s in model.slides)


def _resolve(outline_path: Path, value: str | None, default: str) -> Path:
    found = resolve_folder(outline_path, value, default)
    if value is None and default == "themes" and not found.is_dir():
        return BUILTIN_THEMES  # a project of its own may use the themes briefing ships
    return found


def parse_outline(path: Path, text: str | None = None) -> tuple[Outline | None, list[Problem]]:
    """Parse and validate an outline (structure, theme ids, folders); never raises on content."""
    try:
        if text is None:
            text = read_text(path)  # kept as read: a later write-back compares against it
        located = load_located(path, text)
    except ValidationError as exc:  # malformed YAML is a problem like any other
        return None, exc.problems
    model, problems = validate(OutlineFile, located)
    if model is None:  # still report unknown theme ids, so one run shows every problem
        raw = located.data if isinstance(located.data, dict) else {}
        themes_value = raw.get("themes") if isinstance(raw.get("themes"), str) else None
        folder = _resolve(path, themes_value, "themes")
        if folder.is_dir():
            problems += _check_theme_ids(located, raw.get("slides"), sorted(theme_files(folder)))
        return None, problems
    sources_dir = _resolve(path, model.sources, "seeds")
    themes_dir = _resolve(path, model.themes, "themes")
    problems += _check_folders(located, model, sources_dir, themes_dir)
    if themes_dir.is_dir():
        slides = [{"theme": s.theme} for s in model.slides]
        problems += _check_theme_ids(located, slides, sorted(theme_files(themes_dir)))
    lines = tuple(located.where(("slides", i))[0] for i in range(len(model.slides)))
    outline = Outline(path, model, sources_dir, themes_dir, lines, text)
    return outline, problems


def load_outline(path: Path, text: str | None = None) -> Outline:
    """Parse an outline, raising ValidationError listing every problem."""
    outline, problems = parse_outline(path, text)
    if problems or outline is None:
        raise ValidationError(problems)
    return outline


def _check_folders(
    located: Located, model: OutlineFile, sources_dir: Path, themes_dir: Path
) -> list[Problem]:
    problems = []
    needed = {"sources": needs_sources(model), "themes": any(s.theme for s in model.slides)}
    for key, folder in (("sources", sources_dir), ("themes", themes_dir)):
        if needed[key] and not folder.is_dir():
            where = (key,) if getattr(model, key) is not None else ()
            problems.append(
                located.problem(
                    where,
                    f"{key} folder not found: {display_path(folder)}; "
                    f"create it or set `{key}:` to a folder relative to this file",
                )
            )
    return problems


def _check_theme_ids(located: Located, slides: object, known: list[str]) -> list[Problem]:
    """Unknown theme ids in the (possibly invalid) list of slides, with suggestions."""
    problems: list[Problem] = []
    for i, slide in enumerate(slides if isinstance(slides, list) else []):
        theme = slide.get("theme") if isinstance(slide, dict) else None
        if isinstance(theme, str) and theme not in known:
            hint = did_you_mean(theme, known)
            available = ", ".join(known) or "none"
            problems.append(
                located.problem(
                    ("slides", i, "theme"),
                    f"unknown theme '{theme}'{hint}; available: {available}",
                )
            )
    return problems
