"""Running the application under uvicorn: ``fxreport serve``.

Loopback by default; any other address serves a page without login to the
network, so it is said on standard error.  The socket is bound here, before
uvicorn starts, so the printed URL is the real one (also with ``--port 0``)
and a busy port is a plain message.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from typing import IO

from .. import __version__


class ServeError(Exception):
    """The server could not start: a message for the user."""


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def not_loopback_warning(host: str) -> str:
    return (f"fxreport: warning: serving on {host}, which is not loopback: other machines can "
            "reach this page and its API, and they have no login. Put it behind the intranet's "
            "proxy (with its login), or serve on 127.0.0.1.")


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket on host:port (port 0: a free one)."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"cannot use host {host!r}: {exc.strerror or exc}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: no one else may share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(host: str = "127.0.0.1", port: int = 8000, out: IO[str] | None = None,
          err: IO[str] | None = None) -> None:
    """Serve the checker until Ctrl-C (uvicorn stops gracefully)."""
    import uvicorn

    from .app import create_app

    out = out or sys.stdout
    err = err or sys.stderr
    if not is_loopback(host):
        print(not_loopback_warning(host), file=err, flush=True)
    sock = bind(host, port)
    url = url_of(sock)
    app = create_app()
    print(f"fxreport {__version__}: the checker is at {url} (API docs: {url}docs); "
          "press Ctrl-C to stop", file=out, flush=True)
    # the access log says method, path and status: never a body, never a file's name
    config = uvicorn.Config(app, log_level="info", access_log=True, server_header=False,
                            proxy_headers=False, timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
