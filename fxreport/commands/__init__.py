"""The commands of ``fxreport``, one module each (``fxreport.cli`` imports a command's
module only when that command runs), and what they share: the language option, the
calendar options, exits, and writing a file that is not a report."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from ..core.fields import NEWLINES, SIGN_STYLES, SPACES
from ..core.words import LANGS

# name: (its module, the first paragraph of its help): `fxreport --help` lists the commands
# from here without importing their modules, and each command's help begins with it
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


def command(name: str, more: str = "") -> Callable[[Callable[..., Any]], click.Command]:
    """The click command ``name`` (a module of this package): its help is its paragraph in
    ``COMMANDS``, then ``more`` (indented as a docstring is)."""
    first = COMMANDS[name][1]
    return click.command(name, help=f"{first}\n\n{inspect.cleandoc(more)}" if more else first)


PATH = click.Path()  # one for every path: a parameter type holds no state of a parameter
LANG_CHOICE = click.Choice(LANGS)
_LANG_HELP = "Language of messages, labels and hints (default: from the locale, else en)."


class UsageProblem(click.UsageError):
    """A usage error of a command, worded by the catalogue (``core.words.USAGE``):
    ``fxreport.cli`` shows it in the reader's language with click's frame; exit 2."""

    def __init__(self, key: str, **params: Any) -> None:
        from ..core.words import usage

        self.key = key
        self.params = params
        super().__init__(usage(key, "en", **params), click.get_current_context(silent=True))

    def text(self, lang: str) -> str:
        from ..core.words import usage

        return usage(self.key, lang, **self.params)


def _lang(value: str | None) -> str:
    if value:
        return value
    from ..outputs import default_lang

    return default_lang()


def _calendar_options(command: Any) -> Any:
    """--calendar, --closed-days and --open-days (FORMAT.md 6.1), for check and roll."""
    # (small: no holidays, no tables)
    from ..checking.calendar import CALENDARS, DEFAULT_CALENDAR, CalendarKind

    days: dict[CalendarKind, str] = {
        "bank": "stock exchange days plus the settlement-only days before Lunar New Year",
        "exchange": "trading days", "government": "government offices"}
    kinds = [f"{kind} ({days[kind]})" for kind in CALENDARS]
    for option in reversed((
        click.option("--calendar", "calendar_kind",
                     type=click.Choice(CALENDARS), default=DEFAULT_CALENDAR,
                     show_default=True,
                     help=f"Business days: {', '.join(kinds[:-1])} or {kinds[-1]}."),
        click.option("--closed-days", type=PATH, metavar="FILE",
                     help="Extra non-business days (typhoon days...), one ISO or ROC date per line."),
        click.option("--open-days", type=PATH, metavar="FILE",
                     help="Extra business days, one ISO or ROC date per line."),
    )):
        command = option(command)
    return command


def _days(option: str, path: str | None, lang: str | None = None) -> tuple[Any, ...]:
    """The dates of a ``--closed-days``/``--open-days`` file; one that cannot be used exits 2
    with the catalogue's words in ``lang``."""
    if not path:
        return ()
    from ..checking.calendar import CalendarError, read_days
    from ..core.words import os_reason, usage

    lang = _lang(lang)
    try:
        return tuple(read_days(path))
    except OSError as exc:
        text = usage("days_cannot_read", lang, path=_name(path), reason=os_reason(exc, lang))
    except CalendarError as exc:
        text = exc.message(lang)
    _fail_line(line_of(usage("option_message", lang, option=option, text=text), lang), 2)


def _refused(exc: Any, lang: str | None = None) -> NoReturn:
    """A ``pipeline.OptionError`` as the usage error of the option it names (exit 2), in
    the catalogue's words."""
    from ..checking.calendar import CalendarError
    from ..core.words import usage

    if exc.option in ("select", "ignore"):
        raise UsageProblem("unknown_codes", option=f"--{exc.option}", codes=", ".join(exc.values))
    if exc.option == "previous":
        raise UsageProblem("previous_single")
    lang = _lang(lang)
    cause = exc.__cause__ or exc.__context__  # the calendar's own error, worded
    detail = cause.message(lang) if isinstance(cause, CalendarError) else exc.detail
    _fail_line(line_of(usage("option_message", lang, option="--closed-days, --open-days",
                             text=detail), lang), 2)


def _calendar(kind: str, closed_days: str | None, open_days: str | None,
              lang: str | None = None) -> Any:
    """The business calendar of the options, as ``check`` makes it; a day file that cannot
    be used exits 2, in the catalogue's words in ``lang``."""
    return _calendar_of(kind, closed_days, open_days, lang)[1]


def _calendar_of(kind: str, closed_days: str | None, open_days: str | None,
                 lang: str | None = None) -> tuple[Any, Any]:
    """The calendar options as ``check`` takes them (a ``CheckOptions``) and their business
    calendar: the one place a command makes it (``roll``, ``build --previous``)."""
    from ..checking.pipeline import CheckOptions, OptionError

    options = CheckOptions(calendar=kind, closed_days=_days("--closed-days", closed_days, lang),
                           open_days=_days("--open-days", open_days, lang))
    try:
        return options, options.business_calendar()
    except OptionError as exc:
        _refused(exc, lang)


def line_of(text: str, lang: str) -> str:
    """``fxreport: TEXT`` in ``lang``."""
    from ..core.words import word

    return word("program_line", lang, text=text)



_NEWLINE = click.option("--newline", type=click.Choice(list(NEWLINES)), default="crlf",
                        show_default=True, help="Line terminator after every record.")
_SIGN = click.option("--sign-style", type=click.Choice(SIGN_STYLES), default=SPACES,
                     show_default=True,
                     help="spaces: '      -123' (canonical); zero-fill: '-000000123'.")


INPUT_LIMIT = 1024 * 1024


def _load_or_exit(path: str, lang: str = "en") -> Any:
    import fxreport

    from ..core.words import line, os_reason

    try:
        return fxreport.load(path)
    except OSError as exc:
        _fail_line(line("cannot_read", lang, path=_name(path), reason=os_reason(exc, lang)), 2)
    except fxreport.ReportDecodeError as exc:
        exc.source = _name(path)
        click.echo(exc.text(lang), err=True)
        _fail_line(line("see_check", lang, path=_name(path)), 1)


def _name(path: Any) -> str:
    """A path in a message: control characters escaped (FORMAT.md 6.7), in every command."""
    from ..core.words import shown_path

    return shown_path(path)


def _fail_line(text: str, code: int = 1) -> NoReturn:
    """Exit after a line already worded (``fxreport: ...`` in the reader's language)."""
    click.echo(text, err=True)
    sys.exit(code)


def _write_binary(output: str, data: bytes, force: bool, lang: str) -> None:
    """A workbook to a file (atomic, never over a file without --force), or - for stdout."""
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from ..core.words import line

    _write_text(output, data, force, lang)
    click.echo(line("wrote_file", lang, path=_name(output)), err=True)


def _write_refused(exc: Any, lang: str) -> NoReturn:
    """A write the library refused, in the CLI's terms: an existing output (FORMAT.md 7.9)
    is a usage problem, exit 2, from every command; any other refusal exits 1."""
    from ..core.words import cli_advice, word

    text = cli_advice(exc.key, exc.message(lang), lang)
    _fail_line(word("program_line", lang, text=text), 2 if exc.key == "exists" else 1)


def _write_text(target: str, data: bytes, force: bool, lang: str, sweep: bool = True) -> None:
    """Atomic write of a file that is not a report; an existing file needs --force."""
    from ..policy.writing import WriteRefused, write_file

    try:
        write_file(target, data, force=force, sweep=sweep)
    except WriteRefused as exc:
        _write_refused(exc, lang)
