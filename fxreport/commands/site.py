"""``fxreport site``: the browser checker as a static folder, checking in the browser."""

from __future__ import annotations

import click

from . import PATH, _fail


@click.command()
@click.argument("directory", type=PATH)
@click.option("--pyodide", "pyodide", type=PATH, default="node_modules/pyodide",
              show_default=True, metavar="PATH",
              help="The npm package `pyodide` (installed by `npm ci` in the fxreport checkout).")
@click.option("--force", is_flag=True, help="Replace the files of an earlier build in DIRECTORY.")
def site(directory: str, pyodide: str, force: bool) -> None:
    """Write the browser checker as a static folder that checks files in the browser.

    DIRECTORY gets the page of `fxreport serve`, the Pyodide runtime (from --pyodide)
    and fxreport's own checking code: any web server can serve it (HTTPS or
    localhost for offline use), and files are checked on the user's computer, never
    sent anywhere.  The web server should send the policy in DIRECTORY/web.config.
    """
    from pathlib import Path

    from ..site.build import SiteError, write_site

    try:
        files = write_site(Path(directory), Path(pyodide), overwrite=force)
    except SiteError as exc:
        _fail(str(exc), 2)
    except FileExistsError as exc:
        _fail(f"{exc} exists: give --force to replace an earlier build", 2)
    except OSError as exc:
        _fail(f"cannot write {directory}: {exc.strerror or exc}", 2)
    size = sum(len(b) for b in files.values())
    click.echo(f"fxreport: wrote {len(files)} files ({size / 1e6:.1f} MB) to {directory}; "
               "serve it with any web server, e.g. python -m http.server -d "
               f"{directory} --bind 127.0.0.1", err=True)
