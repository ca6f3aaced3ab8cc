"""``fxreport build``: a submission file from JSON, CSV or a workbook, checked before it is written."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from . import (
    command,
    _name,
    INPUT_LIMIT,
    LANG_CHOICE,
    _LANG_HELP,
    _NEWLINE,
    _SIGN,
    _calendar_of,
    _calendar_options,
    _fail_line,
    _lang,
    _write_refused,
)

# A workbook holds the form and perhaps a large detail sheet that is never unpacked; the
# parts that are read have caps of their own (``formats.xlsx_reading``).
WORKBOOK_LIMIT = 32 * 1024 * 1024


def _read_source(source: str, lang: str) -> bytes:
    """The input's bytes: JSON or CSV up to ``INPUT_LIMIT``, a workbook up to ``WORKBOOK_LIMIT``."""
    from ..core.words import line, os_reason
    from ..formats.sniff import is_workbook

    try:
        if source == "-":
            if sys.stdin is None:
                _fail_line(line("no_stdin", lang), 2)
            from ..checking.reading import read_limited

            data = read_limited(sys.stdin.buffer, WORKBOOK_LIMIT)
        else:
            from ..checking.reading import read_path

            data = read_path(source, WORKBOOK_LIMIT)
    except OSError as exc:
        _fail_line(line("cannot_read", lang, path=_name(source), reason=os_reason(exc, lang)), 2)
    if is_workbook(source, data):
        if len(data) > WORKBOOK_LIMIT:
            _fail_line(line("workbook_too_large", lang, path=_name(source), limit=WORKBOOK_LIMIT))
    elif len(data) > INPUT_LIMIT:
        _fail_line(line("input_too_large", lang, path=_name(source), limit=INPUT_LIMIT))
    return data


def _previous(path: str | None, kind: str, closed_days: str | None, open_days: str | None,
              lang: str) -> Any:
    """``--previous``: the report before (a submission file or a workbook) as submission
    bytes, with the calendar options as ``check`` takes them."""
    if path is None:
        return None
    from ..formats.sniff import is_workbook
    from ..core.problems import InputError
    from ..policy.making import Previous, report_from_input

    options = _calendar_of(kind, closed_days, open_days, lang)[0]
    data = _read_source(path, lang)
    if is_workbook(path, data):
        from ..core.codec import encode

        try:
            data = encode(report_from_input(path, data))
        except InputError as exc:
            _input_failed(_name(path), exc, lang)
    return Previous(data, path, options)


def _shown_source(source: str, lang: str) -> str:
    from ..core.words import word

    return word("standard_input", lang) if source == "-" else _name(source)


def _input_failed(source: str, exc: Any, lang: str) -> NoReturn:
    from ..core.words import line, word

    for p in exc.problems:
        click.echo(word("source_line", lang, source=source, text=p.text(lang)), err=True)
    _fail_line(line("nothing_written", lang), 1)


def _echo_findings(source: str, findings: list[Any], where: Any, lang: str) -> None:
    """Findings of a report made from input, at the input's key paths (``row1.ACUST``,
    or the CSV line), never at a file that was not written."""
    from ..core.findings import Finding
    from ..core.problems import Where
    from ..policy.making import finding_key
    from ..core.words import word

    for f in sorted(findings, key=Finding.sort_key):
        key = finding_key(f)
        at = (where.get(key) or Where(key=key)) if key else Where()
        click.echo(word("source_line", lang, source=source, text=f.line(lang, at.text(lang))),
                   err=True)
        click.echo(word("hint", lang, text=f.hint(lang)), err=True)


def _write_report(report: Any, output: str | None, force: bool, newline: str,
                  sign_style: str, lang: str, source: str, where: Any = None,
                  previous: Any = None) -> None:
    """Check, name and write through ``writing.write_report``; only the printing is here."""
    from ..policy.refused import ReportInvalidError
    from ..core.fields import roc_text
    from ..policy.writing import WriteRefused, write_report
    from ..core.words import line

    where = where or {}
    if output == "-":  # standard output: the same check, then the bytes
        from ..policy.making import checked_bytes

        try:
            data, warnings = checked_bytes(report, newline=newline, sign_style=sign_style,
                                           previous=previous)
        except ReportInvalidError as exc:
            _echo_findings(source, exc.findings + exc.warnings, where, lang)
            _fail_line(line("report_has_errors", lang), 1)
        _echo_findings(source, warnings, where, lang)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        done = write_report(report, output, force=force, newline=newline, sign_style=sign_style,
                            previous=previous)
    except ReportInvalidError as exc:
        _echo_findings(source, exc.findings + exc.warnings, where, lang)
        _fail_line(line("report_has_errors", lang), 1)
    except WriteRefused as exc:
        _write_refused(exc, lang)
    _echo_findings(source, done.warnings, where, lang)
    if done.name_breaks_rule:
        click.echo(line("name_warning", lang, name=done.path.name, expected=done.expected_name),
                   err=True)
    click.echo(line("wrote_report", lang, path=_name(done.path), bank=report.bank,
                    iso=report.date.isoformat(), roc=roc_text(report.date)), err=True)


@command("build", """\
    JSON and CSV as `show` prints them; a workbook as `roll --format xlsx` or
    `show --format xlsx` writes it, read by its named cells (a workbook that no
    spreadsheet program has saved gets its formulas computed, as --derive does).
    The result is checked before it is written (with --previous PREV, its
    continuity with the report before too): errors block the write (exit 1),
    warnings are printed.  Writes are atomic and never replace a file without
    --force.  Status lines go to standard error.
""")
@click.argument("source", metavar="INPUT")
@click.option("-o", "--output", metavar="DIR_OR_FILE",
              help="A directory (the file gets its rule name, e.g. ABP1209.txt) or a file "
                   "name; - for standard output. Default: the current directory.")
@click.option("--derive", "derived", is_flag=True,
              help="Compute every missing left side of the identities (ACUST, ABAL_UNB, ..., POS) "
                   "from its inputs; a given value that disagrees is an error.")
@click.option("--force", is_flag=True,
              help="Replace an existing file; allow an output name that breaks the naming rule.")
@click.option("--previous", "previous_path", metavar="PREV",
              help="The report before (a submission file, or yesterday's workbook): "
                   "continuity is checked before anything is written.")
@_calendar_options
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def build(source: str, output: str | None, derived: bool, force: bool, previous_path: str | None,
          calendar_kind: str, closed_days: str | None, open_days: str | None, newline: str,
          sign_style: str, lang: str | None) -> None:
    from ..core.words import join, line
    from ..formats.sniff import read_build_input
    from ..core.problems import InputError
    from ..policy.making import make_report

    lang = _lang(lang)
    data = _read_source(source, lang)
    shown = _shown_source(source, lang)
    previous = _previous(previous_path, calendar_kind, closed_days, open_days, lang)
    try:
        given = read_build_input(source, data)
        if given.derived:
            click.echo(line("xlsx_derived", lang, source=shown, names=join(list(given.derived), lang)),
                       err=True)
        for note in given.warnings:
            click.echo(line("input_warning", lang, source=shown, text=note.text(lang)), err=True)
        where = given.where
        report = make_report(given.doc, derived=derived, where=where)
    except InputError as exc:
        _input_failed(shown, exc, lang)
    _write_report(report, output, force, newline, sign_style, lang, shown, where, previous)
