"""`briefing new`: a commented starter outline that already passes `briefing check`, so an
analyst edits a working deck instead of writing YAML from a blank page."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import yaml

from briefing.atomic import write_atomic
from briefing.errors import BriefingError, display_path
from briefing.outline.folders import project_root
from briefing.outline.models import OutlineFile
from briefing.outline.themes import BUILTIN_THEMES, Theme, load_themes, theme_files
from briefing.suggest import did_you_mean
from briefing.validation import validate
from briefing.yamlpos import load_located


def new_outline(
    path: Path,
    theme_ids: list[str],
    *,
    title: str | None = None,
    themes_dir: Path | None = None,
    sources_dir: Path | None = None,
    today: dt.date | None = None,
) -> str:
    """Write a starter outline at `path` with one slide per theme id and return its text.
    Refuses to overwrite anything; the folders default to the project's themes/ and seeds/."""
    shown = display_path(path)
    if path.suffix not in (".yaml", ".yml"):
        raise BriefingError(f"{shown}: outline files end in .yaml; try {shown}.yaml")
    if path.exists():
        raise BriefingError(f"{shown} already exists; choose another name (nothing was written)")
    if not path.parent.is_dir():
        raise BriefingError(f"{display_path(path.parent)}: folder not found; create it first")
    root = project_root(path)
    folder = themes_dir or root / "themes"
    if themes_dir is None and not folder.is_dir():
        folder = BUILTIN_THEMES  # a folder of its own: the themes briefing ships
    known = theme_files(folder)
    wanted = list(dict.fromkeys(theme_ids))
    for theme_id in wanted:
        if theme_id not in known:
            hint = did_you_mean(theme_id, known)
            raise BriefingError(
                f"unknown theme '{theme_id}'{hint}; available: {', '.join(known) or 'none'}"
            )
    themes = load_themes(folder, set(wanted))
    text = outline_text(
        path,
        [themes[t] for t in wanted],
        title=title or _title_from(path),
        today=today or dt.date.today(),
        available=list(known),
        themes_key=_relative_key(themes_dir, root / "themes", path),
        sources_key=_relative_key(sources_dir, root / "seeds", path),
    )
    _, problems = validate(OutlineFile, load_located(path, text))
    if problems:  # a bug here, not the user's: never hand them a broken file
        raise RuntimeError(f"scaffold produced an invalid outline: {problems[0]}")
    write_atomic(path, text.encode("utf-8"), exclusive=True)
    return text


BUILTIN_SCHEMAS = BUILTIN_THEMES.parent / "schemas"


def schema_reference(path: Path) -> str:
    """Where an outline at `path` finds its JSON Schema: the project's schemas/ when it has
    one, else the copy installed with briefing, so the line always names a file that exists."""
    local = project_root(path) / "schemas" / "outline.schema.json"
    if local.is_file():
        return Path(os.path.relpath(local, path.parent.resolve())).as_posix()
    return (BUILTIN_SCHEMAS / "outline.schema.json").resolve().as_uri()


def outline_text(
    path: Path,
    themes: list[Theme],
    *,
    title: str,
    today: dt.date,
    available: list[str],
    themes_key: str | None = None,
    sources_key: str | None = None,
) -> str:
    """The starter outline's text: every key present and explained by a comment above it."""
    name = display_path(path)
    lines = [
        f"# yaml-language-server: $schema={schema_reference(path)}",
        "# A briefing outline: one deck. Editors that read the line above show help for every",
        "# key and flag typos (run `briefing schema` if the schema files are missing).",
        f"#   Check it:    briefing check {name}",
        f"#   Build it:    briefing build {name} -o {path.stem}.pptx",
        f"#   Present it:  briefing present {name}",
        "",
        "# The deck's title, on the title slide (required).",
        f"title: {scalar(title)}",
        "# One line under the title.",
        "subtitle: What this briefing answers, in one line",
        "# Who presents it: a name or a desk.",
        "presenter: Your name or desk",
        "# The date on the title slide, as YYYY-MM-DD.",
        f"date: {today.isoformat()}",
        "# The classification marking printed on every slide.",
        "marking: UNCLASSIFIED",
    ]
    for key, value, what in (
        ("sources", sources_key, "source documents"),
        ("themes", themes_key, "theme files"),
    ):
        if value is not None:
            lines += [f"# The folder of {what}, relative to this file.", f"{key}: {scalar(value)}"]
    lines += [
        "",
        "# The slides, in order (at least one). A slide quotes a theme's best excerpts, shows",
        "# your own bullets, or both.",
        f"# Themes available: {', '.join(available) or 'none yet'}.",
        "slides:",
        "  # Your judgements first: a slide with bullets and no theme quotes nothing.",
        "  - title: Bottom line up front",
        "    # Time budget in minutes, shown when presenting.",
        "    minutes: 2",
        "    # Your own points, one per line; shown as written.",
        "    bullets:",
        "      - Replace with your first key judgement.",
        "      - Replace with your second key judgement.",
        "    # Speaker notes: plain text, or a Jinja2 template over the deck and the slide.",
        "    notes: Open with the judgement, then the evidence.",
    ]
    for theme in themes:
        lines += [
            "",
            f"  # Quotes the theme '{theme.id}'. See its candidates, then keep or drop one:",
            f"  #   briefing excerpts {theme.id}",
            f"  #   briefing pin {name} {theme.id} SOURCE START:END",
            f"  #   briefing exclude {name} {theme.id} SOURCE START:END",
            f"  - title: {scalar(theme.title)}",
            "    # A theme id (a file in the themes folder): the slide quotes what matches it.",
            f"    theme: {theme.id}",
            "    # How many excerpts to show (pinned ones count).",
            "    excerpts: 3",
            "    minutes: 3",
        ]
    lines += [
        "",
        "  - title: Outlook",
        "    minutes: 2",
        "    bullets:",
        "      - Replace with what to watch next.",
        "    notes: Close with the indicators and take questions.",
    ]
    return "\n".join(lines) + "\n"


def scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when it reads back unchanged, else double-quoted."""
    try:
        if value.strip() == value and yaml.safe_load(value) == value:
            return value
    except yaml.YAMLError:
        pass
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    return quoted if yaml.safe_load(quoted) == value else json.dumps(value)


def _title_from(path: Path) -> str:
    words = path.stem.replace("_", " ").replace("-", " ").strip()
    return (words[:1].upper() + words[1:]) if words else "New briefing"


def _relative_key(chosen: Path | None, default: Path, path: Path) -> str | None:
    """The outline's `themes:`/`sources:` value: only when a folder other than the project's
    own was chosen, and relative to the outline so the project can move."""
    if chosen is None or chosen.resolve() == default.resolve():
        return None
    if not chosen.is_dir():
        raise BriefingError(f"{display_path(chosen)}: folder not found")
    return Path(os.path.relpath(chosen.resolve(), path.resolve().parent)).as_posix()
