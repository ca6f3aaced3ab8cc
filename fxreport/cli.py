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
@click.option("--closed-days", type=click.Path(), metavar="FILE",
              help="Extra non-business days (typhoon days...), one ISO or ROC date per line.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large batches (default: the CPU count).")
def check(paths: tuple[str, ...], previous: str | None, fmt: str, output: str | None,
          force: bool, lang: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          strict: bool, closed_days: str | None, jobs: int | None) -> None:
    """Check report files against every rule of the format.

    Several PATHS, or a directory (its *.txt files), form a series: reports are
    grouped by firm, ordered by date, and each is checked against the one
    before.  Use - for standard input (no file-name check).

    Exit status: 0 all valid, 1 an error (with --strict, a warning), 2 a usage
    error or a path that cannot be read.
    """
    import io

    from .batch import check_paths
    from .report import apply_selection, use_colour, write_json, write_text
    from .rules import unknown_prefixes

    if previous is not None and len(paths) != 1:
        raise click.UsageError("--previous goes with a single file; to check a series, give all its files")
    selected, ignored = _prefixes(select), _prefixes(ignore)
    unknown = unknown_prefixes(selected + ignored)
    if unknown:
        raise click.UsageError(f"no rule code starts with {', '.join(unknown)}; "
                               "`fxreport rules` lists them")
    lang = _lang(lang)
    outcome = check_paths(list(paths), previous, _calendar(closed_days), jobs)
    apply_selection(outcome, selected, ignored)
    kept = io.StringIO()  # for -o FILE, and HTML (always UTF-8)
    out: Any = kept if output or fmt == "html" else sys.stdout
    if fmt == "json":
        write_json(outcome, out, lang)
    elif fmt == "html":
        from .htmlreport import report_of_paths

        out.write(report_of_paths(outcome, lang, previous, selected=selected, ignored=ignored,
                                  strict=strict, closed_days=closed_days))
    else:
        write_text(outcome, out, lang, colour=use_colour(out))
    if output:
        _write_or_fail(output, kept.getvalue().encode("utf-8"), force, code=2)
    elif fmt == "html":  # UTF-8 whatever the console's code page
        sys.stdout.flush()
        sys.stdout.buffer.write(kept.getvalue().encode("utf-8"))
        sys.stdout.buffer.flush()
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



# --- show -----------------------------------------------------------------------

INPUT_LIMIT = 1024 * 1024


def _load_or_exit(path: str) -> Any:
    import fxreport

    try:
        return fxreport.load(path)
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or exc}", 2)
    except fxreport.ReportDecodeError as exc:
        click.echo(str(exc), err=True)
        click.echo(f"fxreport: `fxreport check {path}` says how to fix it; "
                   f"`fxreport show --ruler {path}` shows its bytes", err=True)
        sys.exit(1)


@cli.command()
@click.argument("path", metavar="FILE", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True,
              help="table for people; json and csv in the shape `build` reads. The CSV is "
                   "UTF-8 with a byte order mark so that Excel opens it with the right encoding.")
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP + " (CSV labels)")
@click.option("--ruler", is_flag=True,
              help="Print the raw records under a column ruler with each field's name "
                   "(works on broken files too).")
def show(path: str, fmt: str, lang: str | None, ruler: bool) -> None:
    """Show a report as a labelled table, JSON or CSV (or its raw bytes with --ruler)."""
    if ruler:
        from .views import ruler_text

        from .reading import read_path

        try:
            data = read_path(path, INPUT_LIMIT)
        except OSError as exc:
            _fail(f"cannot read {path}: {exc.strerror or exc}", 2)
        click.echo(ruler_text(data), nl=False)
        return
    report = _load_or_exit(path)
    if fmt == "json":
        import json

        click.echo(json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from .making import csv_text

        sys.stdout.flush()
        sys.stdout.buffer.write(b"\xef\xbb\xbf" + csv_text(report, _lang(lang)).encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        from .views import table_text

        click.echo(table_text(report), nl=False)


# --- build ----------------------------------------------------------------------

_NEWLINE = click.option("--newline", type=click.Choice(["crlf", "lf"]), default="crlf",
                        show_default=True, help="Line terminator after every record.")
_SIGN = click.option("--sign-style", type=click.Choice(["spaces", "zero-fill"]), default="spaces",
                     show_default=True,
                     help="spaces: '      -123' (canonical); zero-fill: '-000000123'.")


def _read_source(source: str) -> bytes:
    try:
        if source == "-":
            if sys.stdin is None:
                _fail("there is no standard input to read", 2)
            data = sys.stdin.buffer.read(INPUT_LIMIT + 1)
        else:
            from .reading import read_path

            data = read_path(source, INPUT_LIMIT)
    except OSError as exc:
        _fail(f"cannot read {source}: {exc.strerror or exc}", 2)
    if len(data) > INPUT_LIMIT:
        _fail(f"{source} is larger than {INPUT_LIMIT:,} bytes; build input is one day's JSON or CSV")
    return data


def _input_failed(source: str, exc: Any) -> NoReturn:
    for p in exc.problems:
        click.echo(f"{source}: {p.where}: {p.message}", err=True)
    _fail("nothing was written", 1)


def _write_report(report: Any, output: str | None, force: bool, newline: str,
                  sign_style: str, lang: str) -> None:
    """Encode, check, and write atomically; errors block the write."""
    from .batch import Outcome
    from .making import encode_checked, target_for
    from .report import use_colour, write_text

    built = encode_checked(report, newline=newline, sign_style=sign_style)
    target = target_for(report, output)
    built.result.path = str(target)
    if built.result.findings:
        write_text(Outcome([built.result], []), sys.stderr, lang, colour=use_colour(sys.stderr))
    if not built.result.valid:
        _fail("the report has errors; nothing was written", 1)
    if target.name != report.filename:
        if not force:
            _fail(f"{target.name} breaks the naming rule (the content needs {report.filename}); "
                  "use -o DIR to get the right name, or --force to keep yours", 1)
        click.echo(f"fxreport: warning: {target.name} breaks the naming rule "
                   f"(the content needs {report.filename})", err=True)
    _write_or_fail(target, built.data, force)
    click.echo(f"wrote {target} ({report.bank} {report.date.isoformat()})")


def _write_or_fail(target: Any, data: bytes, force: bool, code: int = 1) -> None:
    """Atomic write; an existing file needs --force; a failure says nothing was written."""
    from .atomic import write_atomic

    try:
        write_atomic(target, data, overwrite=force)
    except FileExistsError:
        _fail(f"{target} exists; use --force to replace it", code)
    except OSError as exc:
        _fail(f"cannot write {target}: {exc.strerror or exc}; nothing was written", code)


@cli.command()
@click.argument("source", metavar="INPUT")
@click.option("-o", "--output", metavar="DIR_OR_FILE",
              help="A directory (the file gets its rule name, e.g. ABP1209.txt) or a file "
                   "name. Default: the current directory.")
@click.option("--derive", "derived", is_flag=True,
              help="Compute every left side of the identities (ACUST, ABAL_UNB, ..., POS) "
                   "from its inputs; a given value that disagrees is an error.")
@click.option("--force", is_flag=True,
              help="Replace an existing file; allow an output name that breaks the naming rule.")
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def build(source: str, output: str | None, derived: bool, force: bool, newline: str,
          sign_style: str, lang: str | None) -> None:
    """Make a submission file from JSON or CSV (as `show` prints them; - for stdin).

    The result is checked before it is written: errors block the write (exit 1),
    warnings are printed.  Writes are atomic and never replace a file without
    --force.
    """
    from .making import InputError, make_report, read_input

    data = _read_source(source)
    try:
        doc, where = read_input(data, source)
        report = make_report(doc, derived=derived, where=where)
    except InputError as exc:
        _input_failed(source, exc)
    _write_report(report, output, force, newline, sign_style, _lang(lang))


# --- roll -----------------------------------------------------------------------

@cli.command()
@click.argument("previous", metavar="PREV", type=click.Path())
@click.option("--date", "date_text", metavar="DATE",
              help="The new report's date, ROC (105/12/12) or ISO (2016-12-12). "
                   "Default: the next Taiwan business day after PREV's date.")
@click.option("-o", "--output", metavar="FILE", help="Write the JSON input here instead of stdout.")
@click.option("--write", "write_dir", metavar="DIR",
              help="Write the no-activity submission file into DIR instead.")
@click.option("--closed-days", type=click.Path(), metavar="FILE",
              help="Extra non-business days (typhoon days...), one ISO or ROC date per line.")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def roll(previous: str, date_text: str | None, output: str | None, write_dir: str | None,
         closed_days: str | None, force: bool, newline: str, sign_style: str,
         lang: str | None) -> None:
    """Start the next report from PREV: prior-day fields carried, activity zero.

    Prints the build input as JSON (the left sides of the identities are left
    out: fill in today's trades, then `fxreport build --derive`).
    """
    import json

    from .fields import FieldFormatError, parse_any_date
    from .making import make_report, roll_input

    if output and write_dir:
        raise click.UsageError("-o writes the JSON input and --write the submission file; pick one")
    prev = _load_or_exit(previous)
    if date_text:
        try:
            day = parse_any_date(date_text)
        except FieldFormatError:
            raise click.BadParameter(f"{date_text!r} is not a date like 105/12/12 or 2016-12-12",
                                     param_hint="--date") from None
        if day <= prev.date:
            raise click.BadParameter(f"{date_text} is not after PREV's date {prev.date.isoformat()}",
                                     param_hint="--date")
    else:
        day = _calendar(closed_days).next(prev.date)
    doc = roll_input(prev, day)
    if write_dir:
        _write_report(make_report(doc, derived=True), write_dir, force, newline, sign_style,
                      _lang(lang))
        return
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if not output:
        click.echo(text, nl=False)
        return
    _write_or_fail(output, text.encode("utf-8"), force)
    click.echo(f"wrote {output} (input for {prev.bank} {day.isoformat()})")


# --- fmt ------------------------------------------------------------------------

@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--check", "check_only", is_flag=True,
              help="Only say which files would change (exit 1 if any).")
@_NEWLINE
@_SIGN
def fmt(files: tuple[str, ...], check_only: bool, newline: str, sign_style: str) -> None:
    """Rewrite valid files in canonical form without changing any value.

    Each new text is read back and compared with the old before the file is
    replaced (atomically).  Files with errors are left untouched and reported.
    """
    import os

    from .api import dumps, loads
    from .atomic import write_atomic
    from .checker import check_bytes
    from .reading import read_path

    status = 0
    for path in files:
        try:
            data = read_path(path)
        except OSError as exc:
            click.echo(f"{path}: cannot read: {exc.strerror or exc}", err=True)
            status = 2
            continue
        result = check_bytes(data, path)
        if not result.valid:
            click.echo(f"{path}: has errors, left untouched (see `fxreport check {path}`)")
            status = max(status, 1)
            continue
        report = loads(data)
        new = dumps(report, newline=newline, sign_style=sign_style)
        if new == data:
            click.echo(f"{path}: already canonical")
            continue
        if check_only:
            click.echo(f"{path}: would be reformatted")
            status = max(status, 1)
            continue
        if loads(new) != report:  # never change a value
            click.echo(f"{path}: rewriting would change a value; left untouched", err=True)
            status = max(status, 1)
            continue
        try:
            write_atomic(os.path.realpath(path), new, overwrite=True)
        except OSError as exc:
            click.echo(f"{path}: cannot write: {exc.strerror or exc}; left untouched", err=True)
            status = max(status, 1)
            continue
        click.echo(f"{path}: reformatted")
    sys.exit(status)


# --- schema ---------------------------------------------------------------------

@cli.command()
def schema() -> None:
    """Print the JSON Schema of `build`'s input (labels and byte widths in the descriptions)."""
    import json

    from .model import Report

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
