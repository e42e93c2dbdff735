"""The `briefing` command: thin commands that parse arguments and call the core.

Every `BriefingError` becomes one line on stderr and exit status 1; anything unexpected
becomes one line too (set BRIEFING_DEBUG=1 for the traceback) and exit status 2.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

import click

from briefing import __version__
from briefing.errors import BriefingError, ValidationError

# Which module defines each command: only the one a run needs is imported, so `build` and
# `compose` never pay for the TUI, the editor or the listing commands.
COMMAND_MODULES = {
    "compose": "core_commands",
    "check": "core_commands",
    "sources": "core_commands",
    "themes": "core_commands",
    "excerpts": "core_commands",
    "search": "search_commands",
    "text": "source_commands",
    "init": "source_commands",
    "build": "build_commands",
    "verify": "build_commands",
    "handout": "handout_commands",
    "present": "present_commands",
    "serve": "serve_commands",
    "schema": "edit_commands",
    "new": "edit_commands",
    "edit": "edit_commands",
    "pin": "edit_commands",
    "exclude": "edit_commands",
    "unpin": "edit_commands",
    "unexclude": "edit_commands",
}


class BriefingGroup(click.Group):
    """A click group that loads commands lazily and turns errors into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register()
        return sorted(self.commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if cmd_name not in self.commands and module:
            importlib.import_module(f"briefing.cli.{module}")
        return self.commands.get(cmd_name)

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
        except BrokenPipeError:  # `briefing compose ... | head`: the reader has all it wanted
            _quiet_stdout()
            ctx.exit(141)  # 128 + SIGPIPE, as a shell reports a process the pipe closed on
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


# Options several commands share, declared once so their names and help never drift apart.
SOURCES_OPTION = click.option(
    "--sources",
    "sources_dir",
    type=click.Path(path_type=Path),
    help="Sources folder (default: the project's seeds/).",
)
THEMES_OPTION = click.option(
    "--themes",
    "themes_dir",
    type=click.Path(path_type=Path),
    help="Theme folder (default: the project's themes/).",
)
TEMPLATE_OPTION = click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    help="An organisation's .pptx template whose layouts the slides use.",
)
COLOURS_OPTION = click.option(
    "--theme",
    type=click.Choice(["dark", "light", "contrast"]),
    default="dark",
    show_default=True,
    help="Colours (dark, light, or high contrast for projectors).",
)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so flushing it at exit cannot raise a second broken pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def warn(lines: Any) -> None:
    """Print warnings to stderr, one per line, so stdout stays clean for JSON and pipes."""
    for line in lines:
        click.echo(f"warning: {line}", err=True)


def main() -> None:
    """The `briefing` program: run the command, then leave without the interpreter's teardown
    (briefing.cli.leave), which would only free memory the system reclaims anyway."""
    from briefing.cli.leave import leave

    try:
        run()
    except SystemExit as done:
        leave(done.code)


def run() -> None:
    """Run the command line in `sys.argv`; ends in SystemExit, as click does (for callers that
    stay in the process afterwards: tests, benchmarks)."""
    from briefing.cli.feedback import IndexingLine
    from briefing.progress import reporting

    with reporting(IndexingLine()):
        cli(prog_name="briefing")


def _register() -> None:
    """Import every command module (each adds its commands to `cli`): for help and tests."""
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"briefing.cli.{module}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
