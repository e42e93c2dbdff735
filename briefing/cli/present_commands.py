"""`briefing present OUTLINE`: hand the deck to the Textual app, composing it meanwhile.

Everything heavy is imported inside the command: `compose`, `check` and `build` never load
Textual. A deck unchanged since its last composition comes from the deck cache without loading
the composer; any other paints the outline's own slides first (`briefing.compose.draft`) while
a worker composes it, so the first paint never waits for indexing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from briefing.cli import COLOURS_OPTION, cli
from briefing.errors import BriefingError
from briefing.progress import reporting

FIRST_PAINT_ENV = "BRIEFING_FIRST_PAINT"  # benchmark: file to write the first-paint time into
NO_TTY_ENV = "BRIEFING_ALLOW_NO_TTY"  # tests and benchmarks: run the TUI without a terminal


def need_terminal(command: str) -> None:
    """Refuse to draw a TUI into a pipe or file: say so in one line, exit non-zero."""
    if os.environ.get(NO_TTY_ENV) or (sys.stdout.isatty() and sys.stdin.isatty()):
        return
    if os.environ.get("TEXTUAL_DRIVER"):  # served (textual-serve's web driver): no terminal needed
        return
    raise BriefingError(
        f"`briefing {command}` needs a terminal, and its input or output is not one "
        "(piped or redirected?); run it in a terminal, or use `briefing build` for a file"
    )


@cli.command()
@click.argument("outline", type=click.Path(path_type=Path, dir_okay=False))
@COLOURS_OPTION
@click.option("--no-watch", is_flag=True, help="Do not reload when the outline or sources change.")
@click.option(
    "--presenter",
    is_flag=True,
    help="Presenter view: notes, next slide, clock; follows the room.",
)
def present(outline: Path, theme: str, no_watch: bool, presenter: bool) -> None:
    """Present OUTLINE live in the terminal (press ? for keys, q to quit)."""
    from briefing.compose.cache import load

    deck = load(outline, sync=False)
    pending = deck is None
    if deck is None:  # paint the outline's own slides now; the excerpts follow when composed
        from briefing.compose.draft import draft_deck

        deck = draft_deck(outline)  # an outline that does not validate never starts the TUI
    need_terminal("present")
    from briefing.tui.present.linked import AudienceApp, PresenterApp

    probe = os.environ.get(FIRST_PAINT_ENV)
    app = (PresenterApp if presenter else AudienceApp)(
        outline,
        deck=deck,
        theme=theme,
        watch=not no_watch,
        first_paint=Path(probe) if probe else None,
        pending=pending,
    )
    with reporting(None):  # a recompose may index: never draw under the TUI
        app.run()
    for line in app.fatal:  # the deck could not be composed: as `build` would say it
        click.echo(line, err=True)
    code = app.return_code or 0
    if code:
        raise SystemExit(code)
