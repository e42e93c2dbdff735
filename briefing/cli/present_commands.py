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
from typing import TYPE_CHECKING

import click

from briefing.cli import COLOURS_OPTION, cli
from briefing.errors import BriefingError
from briefing.progress import reporting

if TYPE_CHECKING:
    from briefing.compose.draft import Drafting
    from briefing.deck import Deck
    from briefing.tui.watch import Stamp

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
    from briefing.tui.watch import stamp

    seen = stamp(outline)  # before the deck is read: a save from here on is reloaded
    deck = load(outline, sync=False)
    pending, drafting = deck is None, None
    if deck is None:  # paint the outline's own slides now; the excerpts follow when composed
        from briefing.compose.draft import Drafting, draft_deck

        # Drafted and composed in another process, which imports the outline's libraries
        # while this one imports Textual; without one, drafted here and composed in a thread.
        drafting = Drafting.start(outline)
        if drafting is None:
            deck = draft_deck(outline)  # an outline that does not validate never starts the TUI
    try:
        _present(
            outline,
            deck,
            drafting,
            pending,
            theme=theme,
            watch=not no_watch,
            presenter=presenter,
            outline_seen=seen,
        )
    finally:
        if drafting is not None:
            drafting.stop()


def _present(
    outline: Path,
    deck: Deck | None,
    drafting: Drafting | None,
    pending: bool,
    *,
    theme: str,
    watch: bool,
    presenter: bool,
    outline_seen: Stamp | None = None,
) -> None:
    """Run the app on `deck`, or on the draft `drafting` sends (its problems come first)."""
    try:
        need_terminal("present")
    except BriefingError:
        if drafting is not None:
            drafting.draft()  # a broken outline is the first thing to fix
        raise
    from briefing.tui.present.linked import AudienceApp, PresenterApp

    if drafting is not None:
        deck = drafting.draft()  # an outline that does not validate never starts the TUI
    assert deck is not None
    probe = os.environ.get(FIRST_PAINT_ENV)
    app = (PresenterApp if presenter else AudienceApp)(
        outline,
        deck=deck,
        theme=theme,
        watch=watch,
        first_paint=Path(probe) if probe else None,
        pending=pending,
        drafting=drafting,
        outline_seen=outline_seen,
    )
    with reporting(None):  # a recompose may index: never draw under the TUI
        app.run()
    for line in app.fatal:  # the deck could not be composed: as `build` would say it
        click.echo(line, err=True)
    code = app.return_code or 0
    if code:
        raise SystemExit(code)
