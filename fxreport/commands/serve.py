"""``fxreport serve``: the browser checker and its JSON API."""

from __future__ import annotations

import click

from . import _fail


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs the intranet's proxy: "
                   "the page has no login.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: a free one).")
def serve(host: str, port: int) -> None:
    """Serve the browser checker and its JSON API (Ctrl-C stops it).

    The page (/) checks files dropped on it; POST /api/check answers the JSON
    of `fxreport check --format json`; /docs documents the API.  Files are
    checked in memory and never stored.  A client must send a request's headers
    within 10 s and its body within 60 s more, or it is closed.
    """
    from ..server.run import ServeError
    from ..server.run import serve as run

    try:
        run(host, port)
    except ServeError as exc:
        _fail(str(exc), 2)
    except KeyboardInterrupt:  # uvicorn stopped gracefully and passed Ctrl-C on: the normal end
        pass
    click.echo("fxreport: the checker has stopped", err=True)
