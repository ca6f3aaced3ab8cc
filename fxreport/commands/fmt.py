"""``fxreport fmt``: valid files rewritten in canonical form."""

from __future__ import annotations

import sys
from typing import Any

import click

from . import command, LANG_CHOICE, PATH, _LANG_HELP, _NEWLINE, _SIGN, _lang, _name


@command("fmt", """\
    FILES may be directories (their *.txt files, as `check` reads them).  Each
    new text is read back and compared with the old before the file is
    replaced (atomically).  Files with errors are left untouched and reported.
    The lines go to standard error.  Exit status: 0 nothing to do or all
    rewritten, 1 a file with errors (with --check, a file that would change),
    2 a path that cannot be read.
""")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("--check", "check_only", is_flag=True,
              help="Only say which files would change (exit 1 if any).")
@_NEWLINE
@_SIGN
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def fmt(files: tuple[str, ...], check_only: bool, newline: str, sign_style: str,
        lang: str | None) -> None:
    import os

    from ..api import dumps, loads
    from ..policy.atomic import write_atomic
    from ..checking.batch import expand
    from ..checking.checker import check_bytes
    from ..checking.reading import read_path
    from ..core.words import os_reason, word

    lang = _lang(lang)

    def say(key: str, path: str, **params: Any) -> None:
        click.echo(word(key, lang, path=_name(path), **params), err=True)

    paths, unreadable = expand(files)
    status = 2 if unreadable else 0
    for u in unreadable:
        say("fmt_cannot_read", u.path, reason=u.why(lang))
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
        new = dumps(report, newline=newline, sign_style=sign_style,  # type: ignore[arg-type]  # a click.Choice of the Literal's values
                    check=False)  # (click.Choice has given one of the Literal values)
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
