"""`briefing serve OUTLINE`: present in a web browser (textual-serve), on localhost by default."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli import COLOURS_OPTION, cli
from briefing.errors import OutputError


@cli.command()
@click.argument("outline", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@COLOURS_OPTION
def serve(outline: Path, host: str, port: int, theme: str) -> None:
    """Present OUTLINE in a web browser: open the address it prints."""
    from briefing.compose.cache import compose_cached

    deck = compose_cached(outline)  # a deck that cannot be composed is reported here, once
    from briefing.tui.serve import serve as run

    try:
        run(outline, deck.title, host, port, theme)
    except OSError as exc:
        raise OutputError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
