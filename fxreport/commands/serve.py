"""``fxreport serve``: the browser checker and its JSON API."""

from __future__ import annotations

import click

from . import command, LANG_CHOICE, _LANG_HELP, _fail_line, _lang, line_of


@command("serve", """\
    The page (/) checks files dropped on it; POST /api/check answers the JSON
    of `fxreport check --format json`; /docs documents the API.  Files are
    checked in memory and never stored.  A client must send a request's headers
    within 10 s and its body within 60 s more, or it is closed.
""")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs the intranet's proxy: "
                   "the page has no login.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: a free one).")
@click.option("--lang", type=LANG_CHOICE, help=_LANG_HELP + " (this command's own lines)")
def serve(host: str, port: int, lang: str | None) -> None:
    from ..core.words import line
    from ..server.run import ServeError
    from ..server.run import serve as run

    lang = _lang(lang)
    try:
        run(host, port, lang=lang)
    except ServeError as exc:
        _fail_line(line_of(exc.message(lang), lang), 2)
    except KeyboardInterrupt:  # uvicorn stopped gracefully and passed Ctrl-C on: the normal end
        pass
    click.echo(line("serve_stopped", lang), err=True)
