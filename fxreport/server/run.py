"""Running the application under uvicorn: ``fxreport serve``.

Loopback by default; any other address serves a page without login to the
network, so it is said on standard error.  The socket is bound here, before
uvicorn starts, so the printed URL is the real one (also with ``--port 0``)
and a busy port is a plain message.

Slow clients are bounded (``bounded_protocol``): a request's headers must
arrive within ``HEADER_TIMEOUT`` seconds of its first byte (or of the
connection's opening), and its body within ``BODY_TIMEOUT`` seconds of the
headers; a client slower than that is closed, and the others are served on.
uvicorn's keep-alive timeout alone does not do it: it restarts with every byte.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import sys
from typing import IO, Any

from .. import __version__

HEADER_TIMEOUT = 10.0  # seconds for a request's line and headers
BODY_TIMEOUT = 60.0  # seconds for its body (16 MiB at most: about 280 KB/s)
_LINGER = 2.0  # seconds a timed-out connection is still read (and dropped) after its answer


def _timed_out() -> bytes:
    """The plain answer to headers too slow, in both languages (there is no request yet
    whose language could be known)."""
    from ..core.words import LANGS, server_message

    body = " / ".join(server_message("slow_headers", lang, {}) for lang in LANGS)
    data = (body + "\r\n").encode("utf-8")
    return (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
            b"connection: close\r\ncontent-length: %d\r\n\r\n%s" % (len(data), data))


def bounded_protocol(header_timeout: float = HEADER_TIMEOUT,
                     body_timeout: float = BODY_TIMEOUT) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol with a deadline for each request's headers and body.

    A deadline starts when its phase starts (headers: the connection opens, or the
    first byte of the next request arrives; body: the headers are complete) and is
    not moved by later bytes, so trickling one byte at a time does not hold a
    connection open.  Headers too slow get a plain ``408`` (the application has not
    seen the request; a connection that sent nothing is just closed); a body too slow
    closes the connection (the application sees the client leave).  Idle keep-alive connections stay uvicorn's (``timeout_keep_alive``).
    """
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    log = logging.getLogger("uvicorn.error")
    timed_out = _timed_out()
    bounds = {"headers": header_timeout, "body": body_timeout}

    class BoundedH11Protocol(H11Protocol):
        _phase: str | None = None
        _timer: asyncio.TimerHandle | None = None
        _lingering = False

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._enter("headers")

        def data_received(self, data: bytes) -> None:
            if self._lingering:
                return  # answered and closing: what still comes is dropped
            super().data_received(data)
            self._watch()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._watch()

        def connection_lost(self, exc: Exception | None) -> None:
            self._enter(None)
            super().connection_lost(exc)

        def _watch(self) -> None:
            state = self.conn.their_state
            if state is h11.SEND_BODY:
                self._enter("body")
            elif state is h11.IDLE and self.conn.trailing_data[0]:
                self._enter("headers")  # part of a request's head has come
            elif state is not h11.IDLE or self._phase != "headers":
                self._enter(None)  # a request is complete, or the connection is idle

        def _enter(self, phase: str | None) -> None:
            if phase == self._phase:
                return  # a deadline is never moved by more bytes of the same phase
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._phase = phase
            if phase is not None and not self.transport.is_closing():
                self._timer = self.loop.call_later(bounds[phase], self._expired, phase)

        def _expired(self, phase: str) -> None:
            self._timer = None
            if self._phase != phase or self.transport.is_closing():
                return
            log.warning("closed a connection: its request's %s took over %g s", phase,
                        bounds[phase])
            # a connection that sent nothing (a browser's preconnect) is closed without an
            # answer it might misread; one in the middle of its headers gets the 408, then a
            # lingering close, so the bytes it still sends do not reset the answer away
            if phase == "headers" and self.conn.our_state is h11.IDLE and self.conn.trailing_data[0]:
                self.transport.write(timed_out)
                if self.transport.can_write_eof():
                    self.transport.write_eof()
                    self._lingering = True
                    self.loop.call_later(_LINGER, self.transport.close)
                    return
            self.transport.close()

    return BoundedH11Protocol


class ServeError(Exception):
    """The server could not start: a message for the user, a key of ``core.words.WORDS``
    and its values, said by ``message(lang)`` (``str()`` is the English)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from ..core.words import os_reason, quoted, word

        shown = dict(self.params)
        cause = shown.pop("cause", None)
        if cause is not None:
            shown["reason"] = os_reason(cause, lang) if isinstance(cause, OSError) else str(cause)
        if self.key == "serve_bad_host":
            shown["host"] = quoted(shown["host"], lang)
            if lang == "zh-TW":  # the resolver's words are English
                shown["reason"] = word("serve_unknown_host", lang)
        return word(self.key, lang, **shown)


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def not_loopback_warning(host: str, lang: str = "en") -> str:
    from ..core.words import line

    return line("serve_not_loopback", lang, host=host)


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket on host:port (port 0: a free one)."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError("serve_bad_host", host=host, reason=exc.strerror or str(exc)) from None
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
        raise ServeError("serve_cannot_listen", host=host, port=port, cause=exc) from None
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def server_config(app: Any, *, header_timeout: float = HEADER_TIMEOUT,
                  body_timeout: float = BODY_TIMEOUT, log_level: str = "info") -> Any:
    """uvicorn's settings for ``fxreport serve``, slow clients bounded."""
    import uvicorn

    # the access log says method, path and status: never a body, never a file's name
    return uvicorn.Config(app, log_level=log_level, access_log=True, server_header=False,
                          proxy_headers=False, timeout_graceful_shutdown=5,
                          http=bounded_protocol(header_timeout, body_timeout))


def serve(host: str = "127.0.0.1", port: int = 8000, out: IO[str] | None = None,
          err: IO[str] | None = None, lang: str = "en") -> None:
    """Serve the checker until Ctrl-C (uvicorn stops gracefully); its own lines in ``lang``."""
    import uvicorn

    from ..core.words import word
    from .app import create_app

    out = out or sys.stdout
    err = err or sys.stderr
    if not is_loopback(host):
        print(not_loopback_warning(host, lang), file=err, flush=True)
    sock = bind(host, port)
    url = url_of(sock)
    app = create_app()
    print(word("serve_started", lang, version=__version__, url=url), file=out, flush=True)
    config = server_config(app)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
