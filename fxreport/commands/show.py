"""``fxreport show``: a report as a table, JSON, CSV or workbook, or its raw records."""

from __future__ import annotations

import sys

import click

from ..formats import FORMATS
from . import (command, UsageProblem, INPUT_LIMIT, LANG_CHOICE, PATH, _LANG_HELP, _fail_line, _lang, _load_or_exit,
               _name, _write_binary)

FORMAT_NAMES = [f.name for f in FORMATS.values() if f.writer]  # what `show --format` writes


@command("show")
@click.argument("path", metavar="FILE", type=PATH)
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES),
              default="table", show_default=True,
              help="table for people; json and csv in the shape `build` reads. The CSV is "
                   "UTF-8 with a byte order mark so that Excel opens it with the right encoding. "
                   "txt: the submission file itself, canonical (as `build` writes it). "
                   "xlsx: the report form as an Excel workbook (needs -o).")
@click.option("-o", "--output", metavar="FILE",
              help="Write the workbook here (--format xlsx; - for standard output).")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP + " (table and CSV labels, the ruler's lines)")
@click.option("--ruler", is_flag=True,
              help="Print the raw records under a column ruler with each field's name "
                   "(works on broken files too).")
def show(path: str, fmt: str, output: str | None, force: bool, lang: str | None,
         ruler: bool) -> None:
    if output is not None and fmt != "xlsx":
        raise UsageProblem("output_goes_with_xlsx")
    if fmt == "xlsx" and output is None:
        raise UsageProblem("xlsx_needs_output")
    if ruler:
        from ..outputs.views import ruler_text

        from ..checking.reading import read_path

        try:
            data = read_path(path, INPUT_LIMIT)
        except OSError as exc:
            from ..core.words import line, os_reason

            _fail_line(line("cannot_read", _lang(lang), path=_name(path), reason=os_reason(exc, _lang(lang))), 2)
        click.echo(ruler_text(data, _lang(lang)), nl=False)
        return
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
    from ..checking.checker import check_bytes
    from ..checking.reading import read_path
    from ..core.words import word

    result = check_bytes(read_path(path), path)
    codes = sorted({f.code for f in result.findings if f.severity == "error"})
    if codes:
        click.echo(word("show_note", lang).format(path=_name(path), codes=", ".join(codes)), err=True)
