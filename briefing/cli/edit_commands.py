"""Commands for writing and curating outlines: schema, new, pin, exclude, unpin, unexclude.

Thin wrappers over briefing.outline's schema, scaffold and curate modules (the `edit` TUI
command belongs here too)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from briefing.cli import COLOURS_OPTION, SOURCES_OPTION, THEMES_OPTION, cli
from briefing.cli.core_commands import OUTLINE
from briefing.errors import BriefingError, ValidationError, display_path
from briefing.outline import curate, schema
from briefing.outline.folders import project_root
from briefing.outline.load import Outline, parse_outline
from briefing.outline.models import OutlineFile
from briefing.outline.scaffold import new_outline
from briefing.progress import reporting
from briefing.sources.documents import Unreadable, list_documents, read_document
from briefing.sources.quotes import locate_quote
from briefing.suggest import did_you_mean


@cli.command("schema")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write into (default: the project's schemas/).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the files are stale.")
def schema_command(out: Path | None, check: bool) -> None:
    """Write JSON Schemas for outline and theme files, for editors' help and checking."""
    folder = out or project_root(Path.cwd() / "outline.yaml") / "schemas"
    if check:
        stale = schema.stale_schemas(folder)
        for path in stale:
            click.echo(f"{display_path(path)}: stale; run `briefing schema` to regenerate it")
        raise SystemExit(1 if stale else 0)
    changed = schema.write_schemas(folder)
    for path in schema.schema_paths(folder).values():
        state = "written" if path in changed else "up to date"
        click.echo(f"{display_path(path)}: {state}", err=True)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-t", "--theme", "theme_ids", multiple=True, help="A theme id to give a slide (repeatable)."
)
@click.option("--title", help="The deck's title (default: from the file name).")
@THEMES_OPTION
@SOURCES_OPTION
def new(
    path: Path,
    theme_ids: tuple[str, ...],
    title: str | None,
    themes_dir: Path | None,
    sources_dir: Path | None,
) -> None:
    """Create a commented starter outline at PATH, one slide per --theme; never overwrites."""
    new_outline(path, list(theme_ids), title=title, themes_dir=themes_dir, sources_dir=sources_dir)
    click.echo(f"wrote {display_path(path)}; check it with: briefing check {path}", err=True)


CURATION_HELP = """{what}

SLIDE is a slide number (1 = first), or a theme id or title naming one slide. SOURCE is the
source file name and SPAN its [START:END] offsets, both as `briefing excerpts THEME` prints
them (START:END, [START:END] or START END); or give the text with --quote instead of SPAN.
A SPAN that starts or ends inside a word is refused, with the whole-word span to use instead.

\b
Example:
  briefing excerpts semiconductors
  briefing {name} outlines/us-vietnam.yaml semiconductors 002_a30051e82dc3743c.txt 2543:2869
"""


def _curation_command(name: str, steps: tuple[curate.Step, ...], what: str) -> None:
    @cli.command(
        name,
        help=CURATION_HELP.format(what=what, name=name),
        context_settings={"ignore_unknown_options": True},  # `-1:10` is a bad SPAN, said so
    )
    @OUTLINE
    @click.argument("slide")
    @click.argument("source")
    @click.argument("span", nargs=-1)
    @click.option("-q", "--quote", help="The excerpt's text, instead of SPAN.")
    def command(
        outline: Path, slide: str, source: str, span: tuple[str, ...], quote: str | None
    ) -> None:
        parsed = _load(outline)
        number = slide_number(parsed.model, slide)
        adding = steps[-1].add
        text = _quote(parsed, source, span, quote, must_exist=adding)
        kind = steps[-1].kind
        before = curate.marks(parsed.text, number, source, text)
        new_text = curate.curate(outline, number, steps, source, text, loaded=parsed.text)
        after = curate.marks(new_text, number, source, text)
        label = f"slide {number} '{parsed.model.slides[number - 1].title}'"
        done = {"pins": "pinned", "exclude": "excluded"}[kind]
        if (kind in after) == (kind in before):
            state = "already" if adding else "not"
            click.echo(f"{state} {done} on {label}; nothing to do", err=True)
            return
        note = " (its exclusion was lifted)" if "exclude" in before - after and adding else ""
        note = " (it was unpinned)" if "pins" in before - after and adding else note
        verb = done if adding else f"no longer {done}"
        click.echo(f"{verb} on {label}: \u201c{_clip(text)}\u201d{note}", err=True)


def _load(outline: Path) -> Outline:
    parsed, problems = parse_outline(outline)
    if parsed is None:
        raise ValidationError(problems)
    return parsed


def slide_number(model: OutlineFile, value: str) -> int:
    """A slide number from a number, or from a theme id or title that names exactly one slide."""
    if value.isdigit():
        if not 1 <= int(value) <= len(model.slides):
            raise BriefingError(f"no slide {value}; slides are numbered 1 to {len(model.slides)}")
        return int(value)
    for field in ("theme", "title"):
        found = [
            i
            for i, s in enumerate(model.slides, 1)
            if (getattr(s, field) or "").casefold() == value.casefold()
        ]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise BriefingError(f"slides {found} all match '{value}'; give the slide number")
    names = [s.theme for s in model.slides if s.theme] + [s.title for s in model.slides]
    raise BriefingError(
        f"no slide '{value}'{did_you_mean(value, names)}; give a number from 1 to "
        f"{len(model.slides)}, a theme id or a slide title"
    )


_SPAN = re.compile(r"^\[?\s*(\d+)\s*[:, ]\s*(\d+)\s*\]?$")


def _quote(
    outline: Outline, source: str, span: tuple[str, ...], quote: str | None, *, must_exist: bool
) -> str:
    """The excerpt's verbatim text: the SPAN slice of the source, or --quote as found in it."""
    if bool(span) == (quote is not None):
        raise BriefingError("give the excerpt either as SPAN (START:END) or with --quote")
    if quote is not None and not must_exist:
        return quote  # removing: the quote may be gone from the source, which is fine
    text = _source_text(outline.sources_dir, source)
    if quote is not None:
        found = locate_quote(text, quote)
        if found is None:
            raise BriefingError(f"the quote does not appear in {source}; copy it exactly")
        return text[found[0] : found[1]]
    match = _SPAN.match(" ".join(span))
    if not match:
        raise BriefingError(f"SPAN must look like 1234:1401, not {' '.join(span)!r}")
    start, end = int(match[1]), int(match[2])
    if start >= end:
        raise BriefingError(f"SPAN {start}:{end} is empty or backwards; START must be below END")
    if end > len(text):
        raise BriefingError(f"[{start}:{end}] is outside {source} (0 to {len(text)} characters)")
    snapped = snap_to_words(text, start, end)
    if snapped != (start, end):
        a, b = snapped
        raise BriefingError(
            f"[{start}:{end}] cuts a word in {source} (\u201c{_clip(text[start:end], 40)}\u201d); "
            f"nothing was written; the whole words are {a}:{b} (\u201c{_clip(text[a:b], 40)}\u201d)"
        )
    return text[start:end]


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened so that it neither starts nor ends inside a word."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _source_text(folder: Path, source: str) -> str:
    names = {d.name: d.path for d in list_documents(folder)}
    if source not in names:
        raise BriefingError(
            f"no source '{source}' in {display_path(folder)}{did_you_mean(source, names)}"
        )
    try:
        return read_document(names[source])[0]
    except Unreadable as exc:
        raise BriefingError(f"{source}: {exc}") from None


def _clip(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


_curation_command("pin", curate.PIN, "Always show an excerpt on a slide, before ranked ones.")
_curation_command("exclude", curate.EXCLUDE, "Never show an excerpt on a slide.")
_curation_command("unpin", curate.UNPIN, "Stop pinning an excerpt on a slide.")
_curation_command("unexclude", curate.UNEXCLUDE, "Let the composer choose an excerpt again.")


@cli.command()
@OUTLINE
@COLOURS_OPTION
def edit(outline: Path, theme: str) -> None:
    """Edit OUTLINE beside a live preview of the slide at the cursor; problems show as you
    type, Ctrl+S saves, and unsaved work is kept in a recovery file until it is saved."""
    from briefing.cli.present_commands import need_terminal
    from briefing.tui.edit.app import EditorApp  # Textual only for the TUI commands

    app = EditorApp(outline, theme=theme)  # a bad outline fails here, before any screen
    need_terminal("edit")
    with reporting(None):  # a recompose may index: never draw under the TUI
        app.run()
    code = app.return_code or 0
    if code:
        raise SystemExit(code)
