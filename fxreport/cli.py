"""The ``fxreport`` command line: a group of commands, each in its own module of
``fxreport.commands``, thin wrappers over the library.

A command's module is imported only when that command runs (``fxreport --help``
lists them from ``COMMANDS``), and each imports what it needs when it runs, so
``fxreport check`` never pays for the other commands' options, nor for pydantic,
construct, chardet or holidays unless it uses them.
"""

from __future__ import annotations

import sys
import click

from . import __version__

# name: (its module, the first paragraph of its help, which `fxreport --help` shortens)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("fxreport.commands.build",
              "Make a submission file from JSON, CSV or a workbook (.xlsx; - for stdin)."),
    "check": ("fxreport.commands.check", "Check report files against every rule of the format."),
    "fmt": ("fxreport.commands.fmt",
            "Rewrite valid files in canonical form without changing any value."),
    "roll": ("fxreport.commands.roll",
             "Start the next report from PREV: prior-day fields carried, activity zero."),
    "rules": ("fxreport.commands.rules",
              "List the rule catalogue, the rules starting with a prefix (fxreport rules ARI),\n"
              "or explain one rule (fxreport rules ARI001)."),
    "schema": ("fxreport.commands.schema",
               "Print the JSON Schema of `build`'s input (labels and byte widths in the "
               "descriptions)."),
    "serve": ("fxreport.commands.serve",
              "Serve the browser checker and its JSON API (Ctrl-C stops it)."),
    "site": ("fxreport.commands.site",
             "Write the browser checker as a static folder that checks files in the browser."),
    "show": ("fxreport.commands.show",
             "Show a report as a labelled table, JSON, CSV or workbook (or its raw bytes with "
             "--ruler)."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when one is asked for by name (click's
    documented lazy-loading pattern); the list of commands comes from ``COMMANDS``."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module = __import__(COMMANDS[cmd_name][0], fromlist=[cmd_name])
            self.add_command(getattr(module, cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click's, without importing the commands: their help from ``COMMANDS``."""
        from gettext import gettext as _  # as click words its own help

        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            # a loaded command, or a stand-in with its help: click shortens it as its own
            cmd = self.commands.get(name) or click.Command(name, help=COMMANDS[name][1])
            if not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit)))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="fxreport")
def cli() -> None:
    """Read, write and check the FX-position daily report (外匯部位日報表) that Taiwan's
    securities firms licensed for FX business file with the central bank.

    \b
    fxreport check ABP1209.txt          check a file (or a directory: a series)
    fxreport show ABP1209.txt           the report as a labelled table
    fxreport roll ABP1209.txt           tomorrow's input from today's file
    fxreport build day.json -o out/     a submission file from JSON, CSV or a workbook
    fxreport rules                      the rule catalogue
    """



def main() -> None:
    """Console entry point: never a traceback for a user (FXREPORT_DEBUG=1 shows it)."""
    import os

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so briefly instead of dumping a traceback
        if os.environ.get("FXREPORT_DEBUG"):
            raise
        click.echo(f"fxreport: internal error: {type(exc).__name__}: {exc} "
                   "(set FXREPORT_DEBUG=1 for details and please report it)", err=True)
        sys.exit(3)
