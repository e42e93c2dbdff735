"""`briefing check`: every problem with an outline, its themes, its sources and its pins."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import BriefingError, Problem, ValidationError, display_path
from briefing.outline.check_notes import check_notes
from briefing.outline.load import Outline, parse_outline
from briefing.outline.pins import pin_problems
from briefing.outline.themes import Theme, load_theme, theme_files
from briefing.sources.catalogue import load_catalogue
from briefing.sources.library import Library
from briefing.sources.quotes import locate_quote
from briefing.yamlpos import load_located


def check(path: Path) -> list[Problem]:
    """All problems found, sorted by file and position; an empty list means valid."""
    try:
        outline, problems = parse_outline(path)
    except ValidationError as exc:
        return exc.problems
    if outline is None:
        return problems
    themes: dict[str, Theme] = {}
    if outline.themes_dir.is_dir():
        files = theme_files(outline.themes_dir)
        for theme_id in sorted({s.theme for s in outline.model.slides if s.theme} & set(files)):
            try:
                theme, found = load_theme(theme_id, files[theme_id])
            except ValidationError as exc:
                found, theme = exc.problems, None
            problems += found
            if theme is not None:
                themes[theme_id] = theme
    problems += check_notes(outline, load_located(path, outline.text), themes)
    if outline.sources_dir.is_dir():
        problems += _check_sources(path, outline)
    return sorted(problems)


def _check_sources(path: Path, outline: Outline) -> list[Problem]:
    problems: list[Problem] = []
    shown = display_path(outline.sources_dir)
    try:
        load_catalogue(outline.sources_dir)
    except ValidationError as exc:  # reported once here; the library would refuse it again
        return exc.problems
    try:
        library = Library(outline.sources_dir)
    except ValidationError as exc:
        return exc.problems
    except BriefingError as exc:
        return [*problems, Problem(shown, 1, 1, str(exc))]
    try:
        for name, why in sorted(library.report.skipped.items()):
            problems.append(Problem(f"{shown}/{name}", 1, 1, f"skipped: {why}"))
        located = load_located(path, outline.text)
        known = {d.name for d in library.documents() if not d.skipped}
        for i, slide in enumerate(outline.model.slides):
            for kind in ("pins", "exclude"):
                for j, ref in enumerate(getattr(slide, kind)):
                    where = ("slides", i, kind, j, "quote")
                    if ref.source not in known:
                        problems.append(
                            located.problem(
                                ("slides", i, kind, j, "source"),
                                f"{kind[:-1] if kind == 'pins' else 'exclusion'} names unknown "
                                f"source '{ref.source}'",
                            )
                        )
                    elif locate_quote(library.text(ref.source), ref.quote) is None:
                        problems.append(
                            located.problem(
                                where,
                                f"quote no longer appears in {ref.source}; re-pin it or remove it",
                            )
                        )
        problems += pin_problems(outline.model, library, located)
    finally:
        library.close()
    return problems
