"""`briefing build` (write the deck as .pptx) and `briefing verify` (re-check its quotes).

Thin: parse arguments, call the core. python-pptx is imported only when a command runs, and
only through briefing.export.pptx.writer; nothing here imports textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing.cli import TEMPLATE_OPTION, cli, warn
from briefing.errors import BriefingError, display_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.deck import Deck

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
    from briefing.compose import lexeme

    # On a new machine, simplemma's dictionary starts loading on the idle core first of all:
    # ranking needs it, and it takes longer than everything before ranking (a no-op once
    # lemmas are stored).
    lexeme.prefetch()
    try:
        slides, notes, deck = _build(outline, output, template)
    finally:
        lexeme.stop_prefetch()
    warn([*deck.warnings, *notes])
    click.echo(f"wrote {display_path(out_path(outline, output))}: {slides} slides", err=True)


def out_path(outline: Path, output: Path | None) -> Path:
    """Where the deck goes: `-o`, or the outline's name with .pptx, here."""
    return output if output is not None else Path(outline.stem + ".pptx")


def _build(
    outline: Path, output: Path | None, template: Path | None
) -> tuple[int, list[str], Deck]:
    from briefing.compose.cache import compose_cached, recorded
    from briefing.export.pptx import package as deckfile

    out = out_path(outline, output)
    deckfile.check_destination(out)  # fail before composing, not after
    if recorded(outline):  # the cached deck, or one edit from it: tens of ms, not worth a fork
        deck = compose_cached(outline)
        from briefing.export.pptx.writer import build_pptx

        slides, notes = build_pptx(deck, out, template)
        return slides, notes, deck
    return _first_build(outline, out, template)  # composed in a child; python-pptx here


def _first_build(outline: Path, out: Path, template: Path | None) -> tuple[int, list[str], Deck]:
    """Compose in a forked child while python-pptx is imported and the template opened here:
    two cores, each on one. An outline's problems are still reported before a template's, as
    when they ran one after the other."""
    from briefing.compose import lexeme
    from briefing.compose.cache_ahead import index_ahead, still_indexing
    from briefing.forked import Forked

    indexing = index_ahead(outline)  # a new index is made here while the composer imports
    waiting = still_indexing(outline) if indexing is not None else None
    composing = Forked(lambda: _compose_first(outline, waiting))
    if composing.forked:
        lexeme.leave_prefetch()  # the composer asks the lemma server, and stops it
    try:
        if composing.forked and indexing is not None:
            indexing()
        from briefing.export.pptx.writer import build_pptx, open_template

        opened = open_template(template)
    except BriefingError as exc:
        composing.result()  # raises the outline's problem first, if it has one
        raise exc from None
    except BaseException:
        composing.cancel()
        raise
    deck = composing.result()
    return (*build_pptx(deck, out, template, opened), deck)


def _compose_first(outline: Path, waiting: Callable[[], bool] | None = None) -> Deck:
    """The forked composer's work in a first build: the composer's modules first, while the
    index is made beside it (which it would otherwise sit waiting for); then, while `waiting()`
    says it still is, what composing needs from no index (`compose.meanwhile`)."""
    from briefing.compose.cache import compose_cached
    from briefing.compose.cache_beside import import_composer

    import_composer()
    if waiting is not None and waiting():
        from briefing.compose.meanwhile import prepare

        prepare(outline, waiting)
    return compose_cached(outline)


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
