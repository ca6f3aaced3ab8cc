"""The ``fxreport`` command line: thin wrappers over the library.

Each command imports what it needs when it runs, so ``fxreport check`` never
pays for pydantic, construct, chardet or holidays unless it uses them.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from . import __version__
from .formats import FORMATS

FORMAT_NAMES = [f.name for f in FORMATS.values() if f.writer]  # what `show --format` writes

LANG_CHOICE = click.Choice(["en", "zh-TW"])
_LANG_HELP = "Language of messages, labels and hints (default: from the locale, else en)."


def _lang(value: str | None) -> str:
    if value:
        return value
    from .outputs import default_lang

    return default_lang()


def _prefixes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _selection(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``--select``/``--ignore`` prefixes; one that matches no rule is a usage error (6.8)."""
    from .core.rules import unknown

    selected, ignored = _prefixes(select), _prefixes(ignore)
    for option, values in (("--select", selected), ("--ignore", ignored)):
        bad = unknown(values)
        if bad:
            raise click.BadParameter(
                f"{', '.join(bad)} matches no rule code; `fxreport rules` lists them "
                "(`fxreport rules ARI` those starting with ARI)", param_hint=option)
    return selected, ignored


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"fxreport: {message}", err=True)
    sys.exit(code)


def _calendar_options(command: Any) -> Any:
    """--calendar, --closed-days and --open-days (FORMAT.md 6.1), for check and roll."""
    from .checking.calendar import CALENDARS, DEFAULT_CALENDAR  # small: no holidays, no tables

    for option in reversed((
        click.option("--calendar", "calendar_kind",
                     type=click.Choice(CALENDARS), default=DEFAULT_CALENDAR,
                     show_default=True,
                     help="Business days: bank (stock exchange days plus the settlement-only "
                          "days before Lunar New Year), exchange (trading days) or government "
                          "(government offices)."),
        click.option("--closed-days", type=click.Path(), metavar="FILE",
                     help="Extra non-business days (typhoon days...), one ISO or ROC date per line."),
        click.option("--open-days", type=click.Path(), metavar="FILE",
                     help="Extra business days, one ISO or ROC date per line."),
    )):
        command = option(command)
    return command


def _calendar(kind: str, closed_days: str | None, open_days: str | None) -> Any:
    """The business calendar of the options; a day file that cannot be used exits 2."""
    from .checking.calendar import BusinessCalendar, read_days

    days: dict[str, list[Any]] = {}
    for option, path in (("--closed-days", closed_days), ("--open-days", open_days)):
        try:
            days[option] = read_days(path) if path else []
        except OSError as exc:
            _fail(f"{option}: cannot read {path}: {exc.strerror or exc}", 2)
        except ValueError as exc:
            _fail(f"{option}: {exc}", 2)
    try:
        return BusinessCalendar(kind, days["--closed-days"], days["--open-days"])
    except ValueError as exc:
        _fail(f"--closed-days and --open-days: {exc}", 2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


# --- check ----------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--previous", "previous", type=click.Path(), metavar="FILE",
              help="The previous business day's report, for continuity of a single file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True,
              help="Output: text for people, json for pipelines, html for a sign-off folder.")
@click.option("-o", "--output", metavar="FILE",
              help="Write the output to FILE (atomically; an existing FILE needs --force).")
@click.option("--force", is_flag=True, help="Replace an existing --output FILE.")
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rule codes or prefixes (comma-separated, repeatable), e.g. ARI,FLD003.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Leave out these rule codes or prefixes, e.g. NAM002.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@_calendar_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large batches (default: the CPU count).")
def check(paths: tuple[str, ...], previous: str | None, fmt: str, output: str | None,
          force: bool, lang: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          strict: bool, calendar_kind: str, closed_days: str | None, open_days: str | None,
          jobs: int | None) -> None:
    """Check report files against every rule of the format.

    Several PATHS, or a directory (its *.txt files), form a series: reports are
    grouped by firm, ordered by date, and each is checked against the one
    before.  Use - for standard input (no file-name check).

    Exit status: 0 all valid, 1 an error (with --strict, a warning), 2 a usage
    error or a path that cannot be read.
    """
    import io

    from .checking.batch import check_paths
    from .core.words import word
    from .outputs import apply_selection, safe, use_colour, write_json, write_text

    if previous is not None and len(paths) != 1:
        raise click.UsageError("--previous goes with a single file; to check a series, give all its files")
    lang = _lang(lang)
    selected, ignored = _selection(select, ignore)
    outcome = check_paths(list(paths), previous, _calendar(calendar_kind, closed_days, open_days),
                          jobs)
    apply_selection(outcome, selected, ignored)
    kept = io.StringIO()  # for -o FILE, and HTML (always UTF-8)
    out: Any = kept if output or fmt == "html" else sys.stdout
    if fmt == "json":
        write_json(outcome, out, lang)
    elif fmt == "html":
        from .outputs.html import report_of_paths

        out.write(report_of_paths(outcome, lang, previous, selected=selected, ignored=ignored,
                                  strict=strict, closed_days=closed_days))
    else:
        write_text(outcome, out, lang, colour=use_colour(out))
    if output:
        _write_text(output, kept.getvalue().encode("utf-8"), force, lang, code=2)
    elif fmt == "html":  # UTF-8 whatever the console's code page
        sys.stdout.flush()
        sys.stdout.buffer.write(kept.getvalue().encode("utf-8"))
        sys.stdout.buffer.flush()
    for u in outcome.unreadable:
        click.echo(f"fxreport: {word('unreadable', lang)} {safe(u.path)}: {safe(u.why(lang))}", err=True)
    if outcome.unreadable:
        sys.exit(2)
    bad = any(not r.valid or (strict and r.iter_findings()) for r in outcome.reports)
    sys.exit(1 if bad else 0)


# --- rules ----------------------------------------------------------------------

@cli.command()
@click.argument("code", metavar="[CODE_OR_PREFIX]", required=False)
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def rules(code: str | None, lang: str | None) -> None:
    """List the rule catalogue, the rules starting with a prefix (fxreport rules ARI),
    or explain one rule (fxreport rules ARI001)."""
    from .core.rules import RULES, category_word, matching, severity_word

    lang = _lang(lang)
    codes = list(RULES) if code is None else matching(code)
    if not codes:
        _fail(f"no rule starts with {code!r}; `fxreport rules` lists them", 2)
    if code is not None and codes == [code.upper()]:
        from .specs import explain

        click.echo(explain(RULES[codes[0]], lang))
        return
    for c in codes:
        r = RULES[c]
        click.echo(f"{r.code}  {severity_word(r.severity, lang)}  {category_word(r.category, lang)}  "
                   f"{r.title[lang]}")


# --- show -----------------------------------------------------------------------

INPUT_LIMIT = 1024 * 1024


def _load_or_exit(path: str, lang: str = "en") -> Any:
    import fxreport

    from .core.words import line, os_reason

    try:
        return fxreport.load(path)
    except OSError as exc:
        _fail_line(line("cannot_read", lang, path=path, reason=os_reason(exc, lang)), 2)
    except fxreport.ReportDecodeError as exc:
        click.echo(exc.text(lang), err=True)
        _fail_line(line("see_check", lang, path=path), 1)


def _fail_line(text: str, code: int = 1) -> NoReturn:
    """Exit after a line already worded (``fxreport: ...`` in the reader's language)."""
    click.echo(text, err=True)
    sys.exit(code)


@cli.command()
@click.argument("path", metavar="FILE", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES),
              default="table", show_default=True,
              help="table for people; json and csv in the shape `build` reads. The CSV is "
                   "UTF-8 with a byte order mark so that Excel opens it with the right encoding. "
                   "xlsx: the report form as an Excel workbook (needs -o).")
@click.option("-o", "--output", metavar="FILE",
              help="Write the workbook here (--format xlsx; - for standard output).")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP + " (table and CSV labels)")
@click.option("--ruler", is_flag=True,
              help="Print the raw records under a column ruler with each field's name "
                   "(works on broken files too).")
def show(path: str, fmt: str, output: str | None, force: bool, lang: str | None,
         ruler: bool) -> None:
    """Show a report as a labelled table, JSON, CSV or workbook (or its raw bytes with --ruler)."""
    if output is not None and fmt != "xlsx":
        raise click.UsageError("-o goes with --format xlsx; redirect the other formats")
    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a workbook: give -o BOOK.xlsx (- for stdout)")
    if ruler:
        from .outputs.views import ruler_text

        from .checking.reading import read_path

        try:
            data = read_path(path, INPUT_LIMIT)
        except OSError as exc:
            from .core.words import line, os_reason

            _fail_line(line("cannot_read", _lang(lang), path=path, reason=os_reason(exc, _lang(lang))), 2)
        click.echo(ruler_text(data), nl=False)
        return
    from .formats import FORMATS

    report = _load_or_exit(path, _lang(lang))
    writer = FORMATS[fmt]
    data = writer.write(report, _lang(lang))
    if writer.binary:
        _write_binary(output or "-", data, force, _lang(lang))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    _note_errors(path, _lang(lang))


def _note_errors(path: str, lang: str) -> None:
    """``show`` of a readable report that ``check`` rejects says so on standard error."""
    from .checking.checker import check_bytes
    from .checking.reading import read_path
    from .outputs import safe
    from .core.words import word

    result = check_bytes(read_path(path), path)
    codes = sorted({f.code for f in result.findings if f.severity == "error"})
    if codes:
        click.echo(word("show_note", lang).format(path=safe(path), codes=", ".join(codes)), err=True)


# --- build ----------------------------------------------------------------------

_NEWLINE = click.option("--newline", type=click.Choice(["crlf", "lf"]), default="crlf",
                        show_default=True, help="Line terminator after every record.")
_SIGN = click.option("--sign-style", type=click.Choice(["spaces", "zero-fill"]), default="spaces",
                     show_default=True,
                     help="spaces: '      -123' (canonical); zero-fill: '-000000123'.")


def _read_source(source: str, lang: str) -> bytes:
    from .core.words import line, os_reason

    try:
        if source == "-":
            if sys.stdin is None:
                _fail_line(line("no_stdin", lang), 2)
            from .checking.reading import read_limited

            data = read_limited(sys.stdin.buffer, INPUT_LIMIT)
        else:
            from .checking.reading import read_path

            data = read_path(source, INPUT_LIMIT)
    except OSError as exc:
        _fail_line(line("cannot_read", lang, path=source, reason=os_reason(exc, lang)), 2)
    if len(data) > INPUT_LIMIT:
        _fail_line(line("input_too_large", lang, path=source, limit=INPUT_LIMIT))
    return data


def _shown_source(source: str, lang: str) -> str:
    from .checking.checker import display_path
    from .core.words import word

    return word("standard_input", lang) if source == "-" else display_path(source)


def _input_failed(source: str, exc: Any, lang: str) -> NoReturn:
    from .core.words import line, word

    for p in exc.problems:
        click.echo(word("source_line", lang, source=source, text=p.text(lang)), err=True)
    _fail_line(line("nothing_written", lang), 1)


def _echo_findings(source: str, findings: list[Any], where: Any, lang: str) -> None:
    """Findings of a report made from input, at the input's key paths (``row1.ACUST``,
    or the CSV line), never at a file that was not written."""
    from .core.findings import Finding
    from .policy.making import Where, finding_key
    from .core.words import word

    for f in sorted(findings, key=Finding.sort_key):
        key = finding_key(f)
        at = (where.get(key) or Where(key=key)) if key else Where()
        text = f.text(lang) if f.field is None else f"{f.field.display} {f.text(lang)}"
        message = word("finding", lang, code=f.code, text=text)
        click.echo(word("source_line", lang, source=source,
                        text=word("where_message", lang, where=at.text(lang), message=message)),
                   err=True)
        click.echo(word("hint", lang, text=f.hint(lang)), err=True)


def _write_binary(output: str, data: bytes, force: bool, lang: str) -> None:
    """A workbook to a file (atomic, never over a file without --force), or - for stdout."""
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from .core.words import line

    _write_text(output, data, force, lang)
    click.echo(line("wrote_file", lang, path=output), err=True)


def _write_report(report: Any, output: str | None, force: bool, newline: str,
                  sign_style: str, lang: str, source: str, where: Any = None) -> None:
    """Check, name and write through ``making.write_report``; only the printing is here."""
    from .api import ReportInvalidError
    from .core.fields import roc_text
    from .policy.making import WriteRefused, write_report
    from .core.words import line, word

    where = where or {}
    if output == "-":  # standard output: the same check, then the bytes
        from .policy.making import checked_bytes

        try:
            data, warnings = checked_bytes(report, newline=newline, sign_style=sign_style)
        except ReportInvalidError as exc:
            _echo_findings(source, exc.findings + exc.warnings, where, lang)
            _fail_line(line("report_has_errors", lang), 1)
        _echo_findings(source, warnings, where, lang)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        done = write_report(report, output, force=force, newline=newline, sign_style=sign_style)
    except ReportInvalidError as exc:
        _echo_findings(source, exc.findings + exc.warnings, where, lang)
        _fail_line(line("report_has_errors", lang), 1)
    except WriteRefused as exc:
        _fail_line(word("program_line", lang, text=exc.message(lang)), 1)
    _echo_findings(source, done.warnings, where, lang)
    if done.name_breaks_rule:
        click.echo(line("name_warning", lang, name=done.path.name, expected=done.expected_name),
                   err=True)
    click.echo(line("wrote_report", lang, path=done.path, bank=report.bank,
                    iso=report.date.isoformat(), roc=roc_text(report.date)), err=True)


@cli.command()
@click.argument("source", metavar="INPUT")
@click.option("-o", "--output", metavar="DIR_OR_FILE",
              help="A directory (the file gets its rule name, e.g. ABP1209.txt) or a file "
                   "name; - for standard output. Default: the current directory.")
@click.option("--derive", "derived", is_flag=True,
              help="Compute every missing left side of the identities (ACUST, ABAL_UNB, ..., POS) "
                   "from its inputs; a given value that disagrees is an error.")
@click.option("--force", is_flag=True,
              help="Replace an existing file; allow an output name that breaks the naming rule.")
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def build(source: str, output: str | None, derived: bool, force: bool, newline: str,
          sign_style: str, lang: str | None) -> None:
    """Make a submission file from JSON, CSV or a workbook (.xlsx; - for stdin).

    JSON and CSV as `show` prints them; a workbook as `roll --format xlsx` or
    `show --format xlsx` writes it, read by its named cells (a workbook that no
    spreadsheet program has saved gets its formulas computed, as --derive does).
    The result is checked before it is written: errors block the write (exit 1),
    warnings are printed.  Writes are atomic and never replace a file without
    --force.  Status lines go to standard error.
    """
    from .core.words import join, line
    from .formats import reader_for
    from .policy.making import InputError, make_report

    lang = _lang(lang)
    data = _read_source(source, lang)
    shown = _shown_source(source, lang)
    fmt = reader_for(source, data)
    try:
        given = fmt.read(data)
        if given.derived:
            click.echo(line("xlsx_derived", lang, source=shown, names=join(list(given.derived), lang)),
                       err=True)
        where = given.where
        report = make_report(given.doc, derived=derived, where=where)
    except InputError as exc:
        _input_failed(shown, exc, lang)
    _write_report(report, output, force, newline, sign_style, lang, shown, where)


# --- roll -----------------------------------------------------------------------

@cli.command()
@click.argument("previous", metavar="PREV", type=click.Path())
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
              help="Write the no-activity submission file into DIR instead.")
@_calendar_options
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def roll(previous: str, date_text: str | None, fmt: str, output: str | None,
         write_dir: str | None, calendar_kind: str, closed_days: str | None,
         open_days: str | None, force: bool, newline: str, sign_style: str,
         lang: str | None) -> None:
    """Start the next report from PREV: prior-day fields carried, activity zero.

    Prints the build input as JSON (the left sides of the identities are left
    out: fill in today's trades, then `fxreport build --derive`), or writes the
    report form as a workbook (--format xlsx -o BOOK.xlsx) whose formulas
    compute them as you type; `fxreport build BOOK.xlsx` makes the file.
    Status lines go to standard error.
    """
    import json

    from .core.fields import FieldFormatError, parse_any_date, roc_text, roc_year_fits
    from .policy.making import InputError, make_report, roll_input
    from .core.model import date_refusal
    from .core.words import input_message, line, value_text

    lang = _lang(lang)
    if output and write_dir:
        _fail_line(line("roll_pick_one", lang), 2)
    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx writes a workbook: give -o BOOK.xlsx (- for stdout)")
    prev = _load_or_exit(previous, lang)
    if date_text:
        try:
            day = parse_any_date(date_text)
        except FieldFormatError as exc:
            key, params = date_refusal(date_text, exc.reason)
            params["value"] = value_text(date_text)
            _fail_line(line("roll_bad_date", lang, message=input_message(key, lang, params)), 2)
        if not roc_year_fits(day):
            message = input_message("date_range", lang, {"value": value_text(date_text)})
            _fail_line(line("roll_bad_date", lang, message=message), 2)
        if day <= prev.date:
            _fail_line(line("roll_date_not_after", lang, iso=day.isoformat(), roc=roc_text(day),
                            prev_iso=prev.date.isoformat(), prev_roc=roc_text(prev.date)), 2)
    else:
        day = _calendar(calendar_kind, closed_days, open_days).next(prev.date)
    doc = roll_input(prev, day)
    if write_dir:
        try:
            report = make_report(doc, derived=True)
        except InputError as exc:
            _input_failed(previous, exc, lang)
        _write_report(report, write_dir, force, newline, sign_style, lang, previous)
        return
    if fmt == "xlsx":
        from .formats.xlsx import roll_workbook

        _write_binary(output or "-", roll_workbook(doc), force, lang)
        return
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if not output or output == "-":
        click.echo(text, nl=False)
        return
    _write_text(output, text.encode("utf-8"), force, lang)
    click.echo(line("wrote_input", lang, path=output, bank=prev.bank, iso=day.isoformat(),
                    roc=roc_text(day)), err=True)


def _write_text(target: str, data: bytes, force: bool, lang: str, code: int = 1) -> None:
    """Atomic write of a file that is not a report; an existing file needs --force."""
    from .policy.atomic import write_atomic
    from .policy.making import ReportExistsError, WriteRefused
    from .core.words import word

    try:
        try:
            write_atomic(target, data, overwrite=force)
        except FileExistsError as exc:
            raise ReportExistsError("exists", target) from exc
        except OSError as exc:
            raise WriteRefused("cannot_write", target, reason=exc) from exc
    except WriteRefused as exc:
        _fail_line(word("program_line", lang, text=exc.message(lang)), code)


# --- fmt ------------------------------------------------------------------------

@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--check", "check_only", is_flag=True,
              help="Only say which files would change (exit 1 if any).")
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def fmt(files: tuple[str, ...], check_only: bool, newline: str, sign_style: str,
        lang: str | None) -> None:
    """Rewrite valid files in canonical form without changing any value.

    FILES may be directories (their *.txt files, as `check` reads them).  Each
    new text is read back and compared with the old before the file is
    replaced (atomically).  Files with errors are left untouched and reported.
    The lines go to standard error.  Exit status: 0 nothing to do or all
    rewritten, 1 a file with errors (with --check, a file that would change),
    2 a path that cannot be read.
    """
    import os

    from .api import dumps, loads
    from .policy.atomic import write_atomic
    from .checking.batch import expand
    from .checking.checker import check_bytes, display_path
    from .checking.reading import read_path
    from .core.words import os_reason, reason_text, word

    lang = _lang(lang)

    def say(key: str, path: str, **params: Any) -> None:
        click.echo(word(key, lang, path=display_path(path), **params), err=True)

    paths, unreadable = expand(files)
    status = 2 if unreadable else 0
    for u in unreadable:
        say("fmt_cannot_read", u.path, reason=reason_text(u.reason, lang))
    for path in paths:
        try:
            data = read_path(path)
        except OSError as exc:
            say("fmt_cannot_read", path, reason=os_reason(exc, lang))
            status = 2
            continue
        result = check_bytes(data, path)
        if not result.valid:
            say("fmt_has_errors", path)
            status = max(status, 1)
            continue
        report = loads(data)
        new = dumps(report, newline=newline, sign_style=sign_style, check=False)
        if new == data:
            say("fmt_canonical", path)
            continue
        if check_only:
            say("fmt_would", path)
            status = max(status, 1)
            continue
        if loads(new) != report:  # never change a value
            say("fmt_value_changes", path)
            status = max(status, 1)
            continue
        try:
            write_atomic(os.path.realpath(path), new, overwrite=True)
        except OSError as exc:
            say("fmt_cannot_write", path, reason=os_reason(exc, lang))
            status = max(status, 1)
            continue
        say("fmt_reformatted", path)
    sys.exit(status)


# --- schema ---------------------------------------------------------------------

@cli.command()
def schema() -> None:
    """Print the JSON Schema of `build`'s input (labels and byte widths in the descriptions)."""
    import json

    from .core.model import Report

    click.echo(json.dumps(Report.model_json_schema(by_alias=True), ensure_ascii=False, indent=2))


# --- serve ----------------------------------------------------------------------

@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs the intranet's proxy: "
                   "the page has no login.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: a free one).")
def serve(host: str, port: int) -> None:
    """Serve the browser checker and its JSON API (Ctrl-C stops it).

    The page (/) checks files dropped on it; POST /api/check answers the JSON
    of `fxreport check --format json`; /docs documents the API.  Files are
    checked in memory and never stored.
    """
    from .server.run import ServeError
    from .server.run import serve as run

    try:
        run(host, port)
    except ServeError as exc:
        _fail(str(exc), 2)
    except KeyboardInterrupt:  # uvicorn stopped gracefully and passed Ctrl-C on: the normal end
        pass
    click.echo("fxreport: the checker has stopped", err=True)


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
