"""The ``fxreport`` command line: thin wrappers over the library.

Each command imports what it needs when it runs, so ``fxreport check`` never
pays for pydantic, construct, chardet or holidays unless it uses them.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from . import __version__

LANG_CHOICE = click.Choice(["en", "zh-TW"])
_LANG_HELP = "Language of messages, labels and hints (default: from the locale, else en)."


def _lang(value: str | None) -> str:
    if value:
        return value
    from .report import default_lang

    return default_lang()


def _prefixes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"fxreport: {message}", err=True)
    sys.exit(code)


def _calendar(closed_days: str | None) -> Any:
    from .calendar import BusinessCalendar, read_closed_days

    if not closed_days:
        return BusinessCalendar()
    try:
        return BusinessCalendar(read_closed_days(closed_days))
    except (OSError, ValueError) as exc:
        _fail(f"--closed-days: {exc}", 2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="fxreport")
def cli() -> None:
    """Read, write and check the FX-position daily report (外匯部位日報表) that Taiwan's
    securities firms licensed for FX business file with the central bank.

    \b
    fxreport check ABP1209.txt          check a file (or a directory: a series)
    fxreport show ABP1209.txt           the report as a labelled table
    fxreport roll ABP1209.txt           tomorrow's input from today's file
    fxreport build day.json -o out/     a submission file from JSON or CSV
    fxreport rules                      the rule catalogue
    """


# --- check ----------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--previous", "previous", type=click.Path(), metavar="FILE",
              help="The previous business day's report, for continuity of a single file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output: text for people, json for pipelines.")
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rule codes or prefixes (comma-separated, repeatable), e.g. ARI,FLD003.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Leave out these rule codes or prefixes, e.g. NAM002.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--closed-days", type=click.Path(), metavar="FILE",
              help="Extra non-business days (typhoon days...), one ISO or ROC date per line.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large batches (default: the CPU count).")
def check(paths: tuple[str, ...], previous: str | None, fmt: str, lang: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], strict: bool,
          closed_days: str | None, jobs: int | None) -> None:
    """Check report files against every rule of the format.

    Several PATHS, or a directory (its *.txt files), form a series: reports are
    grouped by firm, ordered by date, and each is checked against the one
    before.  Use - for standard input (no file-name check).

    Exit status: 0 all valid, 1 an error (with --strict, a warning), 2 a usage
    error or a path that cannot be read.
    """
    from .batch import check_paths
    from .report import apply_selection, use_colour, write_json, write_text

    if previous is not None and len(paths) != 1:
        raise click.UsageError("--previous goes with a single file; to check a series, give all its files")
    lang = _lang(lang)
    outcome = check_paths(list(paths), previous, _calendar(closed_days), jobs)
    apply_selection(outcome, _prefixes(select), _prefixes(ignore))
    out = sys.stdout
    if fmt == "json":
        write_json(outcome, out, lang)
    else:
        write_text(outcome, out, lang, colour=use_colour(out))
        for u in outcome.unreadable:
            click.echo(f"fxreport: cannot read {u.path}: {u.reason}", err=True)
    if outcome.unreadable:
        sys.exit(2)
    bad = any(not r.valid or (strict and r.findings) for r in outcome.reports)
    sys.exit(1 if bad else 0)


# --- rules ----------------------------------------------------------------------

@cli.command()
@click.argument("code", required=False)
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def rules(code: str | None, lang: str | None) -> None:
    """List the rule catalogue, or explain one rule (fxreport rules ARI001)."""
    from .rules import RULES

    lang = _lang(lang)
    if code is None:
        for r in RULES.values():
            click.echo(f"{r.code}  {r.severity:<7}  {r.category:<11}  {r.title[lang]}")
        return
    rule = RULES.get(code.upper())
    if rule is None:
        _fail(f"no rule {code!r}; `fxreport rules` lists them", 2)
    from .specs import explain

    click.echo(explain(rule, lang))


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
