"""Commands about one source document: `text` prints its canonical text, the text that every
excerpt's offsets index, so anyone can check a quote against it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from briefing.cli import cli
from briefing.errors import CorpusError, display_path


@cli.command("text")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Also give pages and stated metadata.")
def text_command(source: Path, as_json: bool) -> None:
    """Print SOURCE's canonical text: what excerpt offsets index (PDF, HTML and DOCX are
    extracted; .txt and .md are the file itself)."""
    from briefing.sources.canonical import Unreadable, is_source, read_canonical
    from briefing.sources.workers import extract_alone

    shown = display_path(source)
    if source.is_dir():
        raise CorpusError(f"{shown}: a folder; give one source file")
    if not is_source(source.name):
        raise CorpusError(f"{shown}: not a source format (.txt, .md, .pdf, .html, .htm, .docx)")
    try:
        found = read_canonical(source, extract_alone)  # a reader in C: in a worker
    except FileNotFoundError:
        raise CorpusError(f"{shown}: no such file") from None
    except OSError as exc:
        raise CorpusError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except Unreadable as why:
        raise CorpusError(f"{shown}: {why}") from None
    if as_json:
        pages = [
            {"page": p.number, "label": p.label, "start": p.start, "end": p.end}
            for p in found.pages
        ]
        payload = {"source": source.name, "text": found.text, "pages": pages}
        payload["meta"] = found.meta or {}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    sys.stdout.write(found.text)  # exactly: offsets count these characters
    sys.stdout.flush()


@cli.command("init")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def init_command(folder: Path) -> None:
    """Lay out a new briefing project in FOLDER: sources/, themes/ (the four shipped themes),
    outlines/briefing.yaml and schemas/; files already there are kept as they are."""
    from briefing.outline.project import STARTER, init_project

    laid = init_project(folder)
    for path in laid.created:
        click.echo(f"created {display_path(path)}", err=True)
    for path in laid.kept:
        click.echo(f"kept    {display_path(path)} (already there)", err=True)
    outline = display_path(folder / "outlines" / STARTER)
    click.echo(
        f"next: put your documents (.pdf, .html, .docx, .txt, .md) in "
        f"{display_path(folder / 'sources')}, then run: briefing check {outline}",
        err=True,
    )
