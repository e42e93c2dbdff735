"""`briefing build` (write the deck as .pptx) and `briefing verify` (re-check its quotes).

Thin: parse arguments, call the core. python-pptx is imported only when a command runs, and
only through briefing.export.pptx.writer; nothing here imports textual.
"""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli import TEMPLATE_OPTION, cli, warn
from briefing.errors import display_path

OUTLINE = click.argument("outline", type=click.Path(path_type=Path, dir_okay=False))


@cli.command()
@OUTLINE
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Where to write the deck (default: the outline's name with .pptx, here).",
)
@TEMPLATE_OPTION
def build(outline: Path, output: Path | None, template: Path | None) -> None:
    """Write OUTLINE's deck as PowerPoint, ready to circulate."""
    from briefing.compose.cache import compose_cached
    from briefing.export.pptx import package as deckfile

    out = output if output is not None else Path(outline.stem + ".pptx")
    deckfile.check_destination(out)  # fail before composing, not after
    deck = compose_cached(outline)
    from briefing.export.pptx.writer import build_pptx

    slides, notes = build_pptx(deck, out, template)
    warn([*deck.warnings, *notes])
    click.echo(f"wrote {display_path(out)}: {slides} slides", err=True)


@cli.command()
@click.argument("deck", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@OUTLINE
def verify(deck: Path, outline: Path) -> None:
    """Check every quote in DECK, and its attribution, still matches OUTLINE's sources."""
    from briefing.export.pptx.verify import verify_deck

    problems, checked = verify_deck(deck, outline)
    for line in problems:
        click.echo(line)
    if problems:
        found = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        click.echo(f"{deck}: {found}; do not circulate it until rebuilt", err=True)
        raise SystemExit(1)
    click.echo(f"{display_path(deck)}: ok, {checked} quotes match their sources", err=True)
