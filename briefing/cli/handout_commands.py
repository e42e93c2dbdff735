"""`briefing handout OUTLINE -o handout.pdf`: every slide with its notes and citations, on paper."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli import TEMPLATE_OPTION, cli, warn
from briefing.errors import display_path


@cli.command()
@click.argument("outline", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the PDF (default: the outline's name with -handout.pdf, here).",
)
@TEMPLATE_OPTION
def handout(outline: Path, output: Path | None, template: Path | None) -> None:
    """Write OUTLINE as a printable PDF: each slide with its speaker notes and citations."""
    from briefing.compose.cache import compose_cached
    from briefing.export import handout as paper

    out = output if output is not None else Path(outline.stem + "-handout.pdf")
    paper.check_destination(out)  # fail before composing, not after
    paper.find_soffice()
    deck = compose_cached(outline)
    pages = paper.write_handout(deck, out, template)
    warn(deck.warnings)
    click.echo(f"wrote {display_path(out)}: {pages} pages", err=True)
