"""Commands over the core: compose, check, sources, themes, excerpts."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing.cli import SOURCES_OPTION, THEMES_OPTION, cli, warn

if TYPE_CHECKING:
    from briefing.outline.themes import Theme
    from briefing.sources.library import Library

OUTLINE = click.argument("outline", type=click.Path(path_type=Path, dir_okay=False, exists=False))


def folders_option(func: Callable[..., None]) -> Callable[..., None]:
    """--outline, or --sources/--themes, to pick the folders a listing command reads."""
    func = SOURCES_OPTION(THEMES_OPTION(func))
    return click.option(
        "--outline",
        "outline",
        type=click.Path(path_type=Path),
        help="Take both folders from this outline.",
    )(func)


def _folders(outline: Path | None, sources: Path | None, themes: Path | None) -> tuple[Path, Path]:
    from briefing.outline.folders import project_root
    from briefing.outline.load import load_outline

    if outline is not None:
        parsed = load_outline(outline)
        return sources or parsed.sources_dir, themes or parsed.themes_dir
    root = project_root(Path.cwd() / "outline.yaml")
    return sources or root / "seeds", themes or root / "themes"


def _languages(outline: Path | None) -> tuple[str, ...]:
    """The languages OUTLINE's deck may quote (its `language:`), English without an outline."""
    from briefing.outline.load import load_outline

    return tuple(load_outline(outline).model.language) if outline is not None else ("en",)


@cli.command()
@OUTLINE
@click.option("--json", "as_json", is_flag=True, help="Print the deck as JSON (see CONTRACT.md).")
def compose(outline: Path, as_json: bool) -> None:
    """Compose OUTLINE and print the deck: readable text, or JSON with --json."""
    from briefing.compose.cache import compose_cached
    from briefing.export import text as textdeck

    deck = compose_cached(outline)
    warn(deck.warnings)
    if as_json:
        click.echo(json.dumps(deck.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(textdeck.render(deck), nl=False)


@cli.command("check")
@OUTLINE
def check_command(outline: Path) -> None:
    """Validate OUTLINE, its themes, sources and pins; print each problem as FILE:LINE:COL."""
    from briefing.outline.check import check

    problems = [str(p) for p in check(outline)]
    if not problems:  # the notes against each slide's real excerpts, as `build` will render them
        problems = _composed_problems(outline)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} problem{'s' * (len(problems) != 1)} found", err=True)
        raise SystemExit(1)
    click.echo(f"{outline}: ok", err=True)


def _composed_problems(outline: Path) -> list[str]:
    """What composing the valid outline still finds: a notes template that fails on the
    excerpts the composer really chose (fewer than asked, say), at its slide's line."""
    from briefing.compose.cache import compose_cached
    from briefing.errors import TemplateError, display_path
    from briefing.outline.load import load_outline

    try:
        compose_cached(outline)
    except TemplateError as exc:
        lines = load_outline(outline).slide_lines
        line = lines[exc.slide - 1] if 0 < exc.slide <= len(lines) else 1
        message = str(exc).removeprefix(f"{display_path(outline)}: ")
        return [f"{display_path(outline)}:{line}:5: {message}"]
    return []


@cli.command()
@folders_option
@click.option("-v", "--verbose", is_flag=True, help="Show every passage cleaning removed.")
def sources(
    outline: Path | None, sources_dir: Path | None, themes_dir: Path | None, verbose: bool
) -> None:
    """List source documents with their metadata and what cleaning removed."""
    from briefing.sources.library import Library

    folder, _ = _folders(outline, sources_dir, themes_dir)
    library = Library(folder)
    try:
        for doc in library.documents():
            click.echo(click.style(doc.name, bold=True))
            if doc.skipped:
                click.echo(f"  skipped: {doc.skipped}")
                continue
            info = doc.info
            for label, value in (
                ("title", info.title),
                ("author", info.author),
                ("publisher", info.publisher),
                ("date", info.date_text),
            ):
                click.echo(f"  {label:<10}{value or 'unknown'}")
            garbled = "" if doc.quality >= 0.9 else "  (low quality: ranked below clean text)"
            click.echo(
                f"  {'size':<10}{doc.chars:,} characters, quality {doc.quality:.2f}{garbled}"
            )
            removed = Counter(reason for _, _, reason in doc.noise)
            summary = ", ".join(f"{n} {reason}" for reason, n in sorted(removed.items()))
            click.echo(f"  {'removed':<10}{summary or 'nothing'}")
            if verbose:
                text = library.text(doc.name)
                for start, end, reason in doc.noise:
                    snippet = " ".join(text[start:end].split())
                    snippet = snippet if len(snippet) <= 70 else snippet[:69] + "\u2026"
                    click.echo(f"    - [{reason}] {snippet}")
    finally:
        library.close()


@cli.command()
@folders_option
def themes(outline: Path | None, sources_dir: Path | None, themes_dir: Path | None) -> None:
    """List themes with how many paragraphs of each source match them."""
    from briefing.outline.themes import load_themes
    from briefing.sources.library import Library

    sources_folder, themes_folder = _folders(outline, sources_dir, themes_dir)
    loaded = load_themes(themes_folder)
    library = Library(sources_folder)
    try:
        names = [d.name for d in library.documents() if not d.skipped]
        for theme in loaded.values():
            click.echo(click.style(f"{theme.id}", bold=True) + f"  {theme.title}")
            if theme.summary:
                click.echo(f"  {theme.summary}")
            click.echo(f"  keywords: {', '.join(theme.keywords)}")
            counts = _matches_per_source(library, theme)
            total = sum(counts.values())
            click.echo(f"  matching paragraphs: {total}")
            for name in names:
                if counts.get(name):
                    click.echo(f"    {counts[name]:>4}  {name}")
    finally:
        library.close()


def _matches_per_source(library: Library, theme: Theme) -> dict[str, int]:
    from briefing.compose.query import theme_match

    match = theme_match(list(theme.keywords), list(theme.exclude))
    if match is None:
        return {}
    import json

    rows = library.db.execute(
        "SELECT d.name, COUNT(DISTINCT w.para) FROM windows w JOIN docs d ON d.id = w.doc"
        " WHERE w.id IN (SELECT value FROM json_each(?)) GROUP BY d.name",
        (json.dumps(library.fulltext.matching(match)),),
    )
    return dict(rows)


@cli.command()
@click.argument("theme")
@folders_option
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1),
    default=15,
    show_default=True,
    help="How many candidates (1 or more).",
)
def excerpts(
    theme: str, outline: Path | None, sources_dir: Path | None, themes_dir: Path | None, limit: int
) -> None:
    """Show THEME's ranked candidate excerpts with scores and matched terms, to tune it."""
    from briefing.compose import ranking
    from briefing.deck import display_quote
    from briefing.errors import BriefingError
    from briefing.outline.themes import load_themes, theme_files
    from briefing.sources.library import Library
    from briefing.suggest import did_you_mean

    sources_folder, themes_folder = _folders(outline, sources_dir, themes_dir)
    known = theme_files(themes_folder)
    if theme not in known:
        hint = did_you_mean(theme, known)
        raise BriefingError(f"unknown theme '{theme}'{hint}; available: {', '.join(known)}")
    loaded = load_themes(themes_folder, {theme})[theme]
    library = Library(sources_folder)
    try:
        ranked = ranking.rank_theme(library, loaded, _languages(outline))
        click.echo(f"{len(ranked)} candidates for {theme}; showing {min(limit, len(ranked))}")
        for rank, c in enumerate(ranked[:limit], 1):
            text = " ".join(library.text(c.source)[c.start : c.end].split())
            flags = [f"quality {c.quality:.2f}", f"{c.words} words"]
            if c.dangling:
                flags.append("opens with a dangling reference")
            click.echo("")
            click.echo(
                click.style(f"{rank:>3}. score {c.score:.2f}", bold=True)
                + f"  relevance {c.relevance:.2f}  "
                + ", ".join(flags)
            )
            click.echo(
                f"     {c.source} [{c.start}:{c.end}]  {library.info(c.source).short_citation()}"
            )
            click.echo(f"     matched: {', '.join(c.terms) or '-'}")
            click.echo(f"     \u201c{display_quote(text)}\u201d")
        warn(library.warnings)
    finally:
        library.close()
