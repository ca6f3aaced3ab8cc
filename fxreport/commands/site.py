"""``fxreport site``: the browser checker as a static folder, checking in the browser."""

from __future__ import annotations

import click

from . import command, _LANG_HELP, LANG_CHOICE, PATH, _fail_line, _lang


@command("site", """\
    DIRECTORY gets the page of `fxreport serve`, the Pyodide runtime (from --pyodide)
    and fxreport's own checking code: any web server can serve it (HTTPS or
    localhost for offline use), and files are checked on the user's computer, never
    sent anywhere.  The web server should send the policy in DIRECTORY/web.config.
""")
@click.argument("directory", type=PATH)
@click.option("--pyodide", "pyodide", type=PATH, default="node_modules/pyodide",
              show_default=True, metavar="PATH",
              help="The npm package `pyodide` (installed by `npm ci` in the fxreport checkout).")
@click.option("--force", is_flag=True, help="Replace the files of an earlier build in DIRECTORY.")
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP)
def site(directory: str, pyodide: str, force: bool, lang: str | None) -> None:
    from pathlib import Path

    from ..core.words import line, os_reason, shown_path, word
    from ..site.build import SiteError, write_site

    lang = _lang(lang)
    try:
        files = write_site(Path(directory), Path(pyodide), overwrite=force)
    except SiteError as exc:
        _fail_line(word("program_line", lang, text=exc.message(lang)), 2)
    except FileExistsError as exc:
        _fail_line(line("site_exists", lang, path=shown_path(exc)), 2)
    except OSError as exc:
        _fail_line(line("site_cannot_write", lang, path=shown_path(directory),
                        reason=os_reason(exc, lang)), 2)
    size = f"{sum(len(b) for b in files.values()) / 1e6:.1f}"
    click.echo(line("site_wrote", lang, count=len(files), size=size, path=shown_path(directory)),
               err=True)
