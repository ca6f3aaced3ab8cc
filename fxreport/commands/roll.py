"""``fxreport roll``: the next day's input (or file) from today's report."""

from __future__ import annotations

from typing import Any

import click

from ..core.words import join
from .build import _input_failed, _write_report
from . import (
    command,
    UsageProblem,
    _name,
    LANG_CHOICE,
    PATH,
    _LANG_HELP,
    _NEWLINE,
    _SIGN,
    _calendar,
    _calendar_options,
    _fail_line,
    _lang,
    _load_or_exit,
    _write_binary,
    _write_text,
)


def _previous_report(path: str, lang: str) -> Any:
    """PREV: yesterday's submission file, or yesterday's workbook (the form it was built from)."""
    from ..checking.reading import read_path
    from ..formats.sniff import is_workbook

    try:
        head = read_path(path, 8)  # a workbook is known by its first bytes too
    except OSError:
        head = b""  # loading it says why it cannot be read
    if not is_workbook(path, head):
        return _load_or_exit(path, lang)
    from .build import _read_source
    from ..core.problems import InputError
    from ..policy.making import report_from_input

    try:
        return report_from_input(path, _read_source(path, lang))
    except InputError as exc:
        _input_failed(_name(path), exc, lang)


@command("roll", """\
    Prints the build input as JSON (the left sides of the identities are left
    out: fill in today's trades, then `fxreport build --derive`), or writes the
    report form as a workbook (--format xlsx -o BOOK.xlsx) whose formulas
    compute them as you type; `fxreport build BOOK.xlsx` makes the file.
    Status lines go to standard error.
""")
@click.argument("previous", metavar="PREV", type=PATH)
@click.option("--date", "date_text", metavar="DATE",
              help="The new report's date, ROC (105/12/12, 105/1/2) or ISO (2016-12-12). "
                   "Default: the next business day after PREV's date (see --calendar).")
@click.option("--format", "fmt", type=click.Choice(["json", "xlsx"]), default="json",
              show_default=True,
              help="json: build input to edit; xlsx: the report form as a workbook (needs -o).")
@click.option("-o", "--output", metavar="FILE",
              help="Write the JSON input or the workbook here instead of standard output "
                   "(- for standard output).")
@click.option("--write", "write_dir", metavar="DIR",
              help="Write the no-activity submission file into the folder DIR instead "
                   "(created when missing).")
@_calendar_options
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def roll(previous: str, date_text: str | None, fmt: str, output: str | None,
         write_dir: str | None, calendar_kind: str, closed_days: str | None,
         open_days: str | None, force: bool, newline: str, sign_style: str,
         lang: str | None) -> None:
    from ..core.fields import roc_text
    from ..core.words import line
    from ..policy.making import roll_input

    lang = _lang(lang)
    if output and write_dir:
        _fail_line(line("roll_pick_one", lang), 2)
    if fmt == "xlsx" and not output:
        raise UsageProblem("xlsx_needs_output")
    prev = _previous_report(previous, lang)
    given = _given_date(date_text, prev.date, lang) if date_text else None
    calendar = _calendar(calendar_kind, closed_days, open_days, lang)
    day = given if given is not None else calendar.next(prev.date)
    _warn_what_roll_sees(previous, day, calendar, lang)
    doc = roll_input(prev, day)
    if write_dir:
        _write_rolled(doc, write_dir, force, newline, sign_style, lang, previous)
    elif fmt == "xlsx":
        from ..formats.xlsx import roll_workbook

        _write_binary(output or "-", roll_workbook(doc), force, lang)
    elif not output or output == "-":
        click.echo(_input_text(doc), nl=False)
    else:
        _write_text(output, _input_text(doc).encode("utf-8"), force, lang)
        click.echo(line("wrote_input", lang, path=_name(output), bank=prev.bank,
                        iso=day.isoformat(), roc=roc_text(day)), err=True)


def _input_text(doc: Any) -> str:
    import json

    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _given_date(date_text: str, prev_date: Any, lang: str) -> Any:
    """``--date`` as a date after PREV's; a usage error (exit 2) when it is not one."""
    from ..core.fields import FieldFormatError, parse_any_date, roc_text, roc_year_fits
    from ..core.model import date_refusal
    from ..core.words import input_message, line, value_text

    try:
        day = parse_any_date(date_text)
    except FieldFormatError as exc:
        key, params = date_refusal(date_text, exc.reason)
        params["value"] = value_text(date_text)
        _fail_line(line("roll_bad_date", lang, message=input_message(key, lang, params)), 2)
    if not roc_year_fits(day):
        message = input_message("date_range", lang, {"value": value_text(date_text)})
        _fail_line(line("roll_bad_date", lang, message=message), 2)
    if day <= prev_date:
        _fail_line(line("roll_date_not_after", lang, iso=day.isoformat(), roc=roc_text(day),
                        prev_iso=prev_date.isoformat(), prev_roc=roc_text(prev_date)), 2)
    return day


def _write_rolled(doc: Any, write_dir: str, force: bool, newline: str, sign_style: str,
                  lang: str, previous: str) -> None:
    """``--write DIR``: the no-activity submission file made and written into DIR."""
    import os

    from ..core.problems import InputError
    from ..policy.making import make_report

    try:
        report = make_report(doc, derived=True)
    except InputError as exc:
        _input_failed(previous, exc, lang)
    folder = write_dir if write_dir.endswith(("/", "\\", os.sep)) else write_dir + os.sep
    _write_report(report, folder, force, newline, sign_style, lang, previous)  # made if missing


def _warn_what_roll_sees(previous: str, day: Any, calendar: Any, lang: str) -> None:
    """FORMAT.md 7.8: PREV's errors, named, and a --date that is not a business day, on
    standard error; the exit status stays 0."""
    from ..checking.checker import check_bytes
    from ..checking.reading import read_path
    from ..core.fields import roc_text
    from ..core.rules import render_reason
    from ..core.words import line

    try:
        result = check_bytes(read_path(previous), previous)
    except OSError:  # read a moment ago: a file that vanished since says nothing here
        result = None
    if result is not None:
        named = sorted({f"{f.code} {f.display(lang)}" if f.field is not None else f.code
                        for f in result.findings if f.severity == "error"})
        if named:
            click.echo(line("roll_prev_errors", lang, path=_name(previous),
                            codes=join(named, lang)), err=True)
    if not calendar.is_business_day(day):
        click.echo(line("roll_not_business_day", lang, iso=day.isoformat(), roc=roc_text(day),
                        calendar=render_reason(calendar.kind, None, lang)), err=True)
