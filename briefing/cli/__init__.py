"""The `briefing` command: thin commands that parse arguments and call the core.

Every `BriefingError` becomes one line on stderr and exit status 1; anything unexpected
becomes one line too (set BRIEFING_DEBUG=1 for the traceback) and exit status 2.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from briefing import __version__
from briefing.errors import BriefingError, ValidationError


class BriefingGroup(click.Group):
    """A click group that turns errors into messages instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ValidationError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            ctx.exit(1)
        except BriefingError as exc:
            click.echo(f"briefing: error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("briefing: interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get("BRIEFING_DEBUG"):
                raise
            name = type(exc).__name__
            click.echo(
                f"briefing: internal error: {name}: {exc} (rerun with BRIEFING_DEBUG=1 "
                "for details, and please report it)",
                err=True,
            )
            ctx.exit(2)


@click.group(cls=BriefingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Compose briefing decks of verbatim, cited excerpts from a folder of sources."""


def warn(lines: Any) -> None:
    """Print warnings to stderr, one per line, so stdout stays clean for JSON and pipes."""
    for line in lines:
        click.echo(f"warning: {line}", err=True)


def main() -> None:
    _register()
    cli(prog_name="briefing")


def _register() -> None:
    """Import every command module; each adds its commands to `cli` on import."""
    from briefing.cli import core_commands  # noqa: F401

    for optional in ("build_commands", "present_commands", "edit_commands"):
        try:
            __import__(f"briefing.cli.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"briefing.cli.{optional}":
                raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
