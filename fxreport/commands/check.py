"""``fxreport check``: files, directories or standard input against every rule."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..outputs import CHECK_OUTPUTS, Look
from . import command, LANG_CHOICE, PATH, _LANG_HELP, _calendar_options, _days, _lang, _refused, _write_text


@command("check", """\
    Several PATHS, or a directory (its *.txt files), form a series: reports are
    grouped by firm, ordered by date, and each is checked against the one
    before.  Use - for standard input (no file-name check).

    Exit status: 0 all valid, 1 an error (with --strict, a warning), 2 a usage
    error, a path that cannot be read or an -o FILE that exists (without --force).
""")
@click.argument("paths", nargs=-1, required=True, type=PATH)
@click.option("--previous", "previous", type=PATH, metavar="FILE",
              help="The previous business day's report, for continuity of a single file.")
@click.option("--format", "fmt", type=click.Choice(list(CHECK_OUTPUTS)),
              default="text", show_default=True,
              help="Output: " + ", ".join(f"{name} {o.help}" for name, o in CHECK_OUTPUTS.items()) + ".")
@click.option("-o", "--output", metavar="FILE",
              help="Write the output to FILE (atomically; an existing FILE needs --force); "
                   "- is standard output.")
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
@click.option("--limits", type=PATH, metavar="FILE",
              help="Position limits: CSV with the header BANK,FIELD,... and one line per firm "
                   "(thousands of USD); a value over its limit is a LIM001 warning.")
@click.option("--verified", type=PATH, metavar="FILE",
              help="Verified findings: CSV BANK,DATE,CODE,FIELD,NOTE; a quality or limit "
                   "finding it names carries its note and no longer fails --strict.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour in the text output: auto colours a terminal unless NO_COLOR is set.")
@click.option("--quiet", "-q", is_flag=True,
              help="Text output: only the files with findings, and the summary.")
def check(paths: tuple[str, ...], previous: str | None, fmt: str, output: str | None,
          force: bool, lang: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          strict: bool, calendar_kind: str, closed_days: str | None, open_days: str | None,
          jobs: int | None, color: str, quiet: bool, limits: str | None = None,
          verified: str | None = None) -> None:
    import io

    from ..checking.pipeline import CheckOptions, OptionError, check_paths, split_codes

    lang = _lang(lang)
    options = CheckOptions(
        select=split_codes(select), ignore=split_codes(ignore), calendar=calendar_kind,
        closed_days=_days("--closed-days", closed_days, lang),
        open_days=_days("--open-days", open_days, lang),
        previous=previous, strict=strict, lang=lang, jobs=jobs,
        limits=_sidecar("--limits", limits, "read_limits", lang) if limits else None,
        verified=tuple(_sidecar("--verified", verified, "read_verified", lang)) if verified else ())
    try:
        outcome = check_paths(paths, options)
    except OptionError as exc:
        _refused(exc, lang)
    if output == "-":  # standard output, as for build, roll and show
        output = None
    chosen = CHECK_OUTPUTS[fmt]
    kept = io.StringIO()  # for -o FILE, and a file's format (always UTF-8)
    out: Any = kept if output or chosen.utf8 else sys.stdout
    chosen.write(outcome, out, Look(color, quiet))
    if output:
        _write_text(output, kept.getvalue().encode("utf-8"), force, lang,
                    sweep=False)  # check never deletes anything (FORMAT.md 7.9)
    elif chosen.utf8:  # UTF-8 whatever the console's code page
        sys.stdout.flush()
        sys.stdout.buffer.write(kept.getvalue().encode("utf-8"))
        sys.stdout.buffer.flush()
    _say_unused(outcome, lang)
    sys.exit(outcome.exit_status())


def _say_unused(outcome: Any, lang: str) -> None:
    """On standard error: each path that could not be read, and each verified line that
    matches no finding (FORMAT.md 7.6: reported, the exit status unchanged)."""
    from ..core.words import safe, word

    for u in outcome.unreadable:
        said = word("source_line", lang, source=f"{word('unreadable', lang)} {safe(u.path)}",
                    text=safe(u.why(lang)))
        click.echo(word("program_line", lang, text=said), err=True)
    for text in outcome.stale_lines():
        click.echo(word("program_line", lang, text=safe(text)), err=True)


SIDECAR_LIMIT = 16 * 1024 * 1024  # a limits or verified file is a few kilobytes


def _sidecar(option: str, path: str, reader: str, lang: str) -> Any:
    """A limits or verified file read by ``sidecar.<reader>``; a usage error (exit 2) in
    ``lang``, naming the line and cell, when it cannot be read or used."""
    from ..checking import sidecar
    from ..checking.sidecar import SidecarError

    read = getattr(sidecar, reader)
    from ..core.words import os_reason, word
    from . import _fail_line, _name

    try:
        with open(path, "rb") as f:
            data = f.read(SIDECAR_LIMIT + 1)
        if len(data) > SIDECAR_LIMIT:
            raise SidecarError(option.strip("-"), _name(path), "too_large")
        return read(data, _name(path))
    except OSError as exc:
        text = word("source_line", lang, source=_name(path), text=os_reason(exc, lang))
        _fail_line(word("program_line", lang, text=word("source_line", lang, source=option, text=text)), 2)
    except SidecarError as exc:
        text = word("source_line", lang, source=option, text=exc.message(lang))
        _fail_line(word("program_line", lang, text=text), 2)
