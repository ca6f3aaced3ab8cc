"""The ``fxreport`` command line: a group of commands, each in its own module of
``fxreport.commands``, thin wrappers over the library.

A command's module is imported only when that command runs (``fxreport --help``
lists them from ``COMMANDS``), and each imports what it needs when it runs, so
``fxreport check`` never pays for the other commands' options, nor for pydantic,
construct, chardet or holidays unless it uses them.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from . import __version__
from .commands import COMMANDS
from .core.words import LANGS

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

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        """As click's, but a usage error (exit status 2) and Ctrl-C (exit status 1) are worded
        by the catalogue in the reader's language (``--lang`` on the command line, else the
        locale)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            status = super().main(argv, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            click.echo(usage_error_text(exc, argv_lang(argv)), err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:  # Ctrl-C (click's "Aborted!"), in the reader's words
            from .core.words import word

            click.echo(word("aborted", argv_lang(argv)), err=True)
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with the whole first paragraph of its help (from ``COMMANDS``,
        without importing it), wrapped, never cut short."""
        from gettext import gettext as _  # as click words its own help

        rows = [(name, " ".join(COMMANDS[name][1].split()) if name in COMMANDS
                 else self.commands[name].get_short_help_str(200))
                for name in self.list_commands(ctx)
                if name in COMMANDS or not self.commands[name].hidden]
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



def argv_lang(argv: list[str]) -> str:
    """The language a command line asks for (``--lang zh-TW``, ``--lang=en``), else the
    locale's, for words said before or without the command's own parsing."""
    from .outputs import default_lang

    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else (
            arg[7:] if arg.startswith("--lang=") else None)
        if value in LANGS:
            return value
    return default_lang()


class _Quoted(str):
    """A value the user typed, quoted in the reader's language."""


def _choices(param: Any) -> list[str] | None:
    choices = getattr(param.type, "choices", None) if param is not None else None
    return [_Quoted(c) for c in choices] if choices else None


def _bad_parameter(exc: click.BadParameter, name: str) -> tuple[str, dict[str, Any]]:
    """A refused value's words: what the parameter's type takes."""
    import re

    param = exc.param
    value = re.match(r"'(.*)' is not", exc.message)
    choices = _choices(param)
    if choices:
        return (("bad_choice", {"value": _Quoted(value.group(1)), "choices": choices}) if value
                else ("bad_choice_unknown", {"choices": choices}))
    kind = getattr(param, "type", None)
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    number = re.match(r"'(.*)' is not a valid integer", exc.message)
    if number:
        return "bad_integer", {"value": _Quoted(number.group(1))}
    if low is not None and high is not None:
        return "bad_between", {"low": low, "high": high}
    if low is not None:
        return "bad_at_least", {"low": low}
    return "bad_value", {}


def _param_name(param: click.Parameter | None) -> str:
    """How a usage error names a parameter: an option by its first flag, an argument
    by its name."""
    if isinstance(param, click.Option):
        return param.opts[0]
    return param.human_readable_name if param is not None else "?"


def _click_words(exc: click.ClickException) -> tuple[str, dict[str, Any]]:
    """A key of ``USAGE`` and its values for one of click's own usage errors."""
    from click.exceptions import BadOptionUsage, MissingParameter, NoSuchOption

    if isinstance(exc, NoSuchOption):
        return "no_such_option", {"name": exc.option_name,
                                  "names": sorted(exc.possibilities or ())}
    if isinstance(exc, MissingParameter):
        kind = "missing_option" if isinstance(exc.param, click.Option) else "missing_argument"
        return kind, {"name": _param_name(exc.param)}
    if isinstance(exc, click.BadParameter):
        name = exc.param_hint if isinstance(exc.param_hint, str) else _param_name(exc.param)
        return _bad_parameter(exc, name.strip("'\""))[0], {
            "name": name.strip("'\""), **_bad_parameter(exc, name)[1]}
    if isinstance(exc, BadOptionUsage):
        if "does not take a value" in exc.format_message():
            return "option_takes_no_value", {"name": exc.option_name}
        return "option_needs_value", {"name": exc.option_name}
    return _message_words(exc.format_message())


def _message_words(message: str) -> tuple[str, dict[str, Any]]:
    """A key of ``USAGE`` for a click usage error known only by its message."""
    import re

    command = re.match(r"No such command '(.*)'\.", message)
    if command:
        return "no_such_command", {"name": _Quoted(command.group(1)),
                                   "commands": [_Quoted(c) for c in COMMANDS]}
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if extra:
        return "extra_arguments", {"args": extra.group(1)}
    return "other", {"message": message}


def usage_error_text(exc: click.ClickException, lang: str) -> str:
    """A usage error as ``fxreport`` says it: the usage line, where to find help and the
    error, each in the catalogue's words (``core.words.USAGE``) in ``lang``."""
    from .commands import UsageProblem
    from .core.words import join, usage

    if isinstance(exc, UsageProblem):
        message = exc.text(lang)
    elif isinstance(exc, click.UsageError):
        key, params = _click_words(exc)
        def show(v: Any) -> Any:
            return usage("quoted", lang, value=v) if isinstance(v, _Quoted) else v

        shown = {k: join([show(x) for x in v], lang) if isinstance(v, list) else show(v)
                 for k, v in params.items()}
        message = usage(key, lang, **shown)
        if key == "no_such_option" and params["names"]:
            message = usage("did_you_mean", lang, text=message, names=shown["names"])
    else:  # not a usage error (click.FileError and the like): its own words
        return usage("error", lang, message=exc.format_message())
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines.append(usage("usage", lang, usage=ctx.get_usage().removeprefix("Usage: ").strip()))
        lines.append(usage("try_help", lang, command=ctx.command_path))
        lines.append("")
    lines.append(usage("error", lang, message=message))
    return "\n".join(lines)


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
        from .core.words import usage, word

        lang = argv_lang(sys.argv[1:])
        detail = f"{type(exc).__name__}: {exc}"
        click.echo(word("program_line", lang, text=usage("internal_error", lang, detail=detail)),
                   err=True)
        sys.exit(3)
