"""A real `fxreport serve` for the tests: a subprocess on a free loopback port; the
static site on a local server; and a page in Debian's chromium that records every request.

Its temporary directory (TMPDIR/TEMP/TMP) is a fresh folder, so a test can
prove that no file is left behind; its output goes to files (a pipe could
fill up and stall it) so a test can read its logs.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reports import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None  # type: ignore[assignment]

# The marks of every module that drives the page in a browser (its `pytestmark`).
BROWSER_MARKS = [
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not importable: "
                       "pip install -e '.[test]'"),
    pytest.mark.skipif(CHROMIUM is None, reason="no `chromium` on PATH (this suite never "
                       "downloads a browser; install the system's chromium package)"),

]
# The static site's Pyodide, as the README's `npm ci` installs it.
PYODIDE = ROOT / "node_modules" / "pyodide"
# The marks of every module that drives the static site (`fxreport site`) in a browser.
SITE_MARKS = [
    *BROWSER_MARKS,
    pytest.mark.skipif(not (PYODIDE / "pyodide.asm.wasm").exists(),
                       reason="no node_modules/pyodide: run `npm ci` first (the README's "
                              "test command does)"),
]


@dataclass
class Server:
    url: str
    proc: subprocess.Popen  # type: ignore[type-arg]
    tmpdir: Path
    stdout: Path
    stderr: Path
    returncode: int | None = None

    def rss(self) -> int | None:
        """The server's resident memory in bytes, where the OS says (Linux /proc)."""
        status = Path(f"/proc/{self.proc.pid}/status")
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            return None
        return None

    def logs(self) -> str:
        return (self.stdout.read_text(encoding="utf-8", errors="replace")
                + self.stderr.read_text(encoding="utf-8", errors="replace"))


def stop(server: Server, timeout: float = 10) -> int:
    """Ctrl-C, as a person stops it; the exit status."""
    proc = server.proc
    if proc.poll() is None:
        if os.name == "nt":
            proc.send_signal(signal.CTRL_BREAK_EVENT)  # type: ignore[attr-defined]
        else:
            proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    server.returncode = proc.returncode
    return proc.returncode


@contextmanager
def running_server(workdir: Path, *args: str) -> Iterator[Server]:
    tmpdir = workdir / "server-tmp"
    tmpdir.mkdir()
    out, err = workdir / "server.out", workdir / "server.err"
    env = dict(os.environ, TMPDIR=str(tmpdir), TEMP=str(tmpdir), TMP=str(tmpdir),
               PYTHONUNBUFFERED="1")
    flags = subprocess.CREATE_NEW_PROCESS_GROUP if os.name == "nt" else 0  # type: ignore[attr-defined]
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen([sys.executable, "-m", "fxreport", "serve", "--port", "0", *args],
                                stdout=fo, stderr=fe, cwd=workdir, env=env, creationflags=flags)
    server = Server("", proc, tmpdir, out, err)
    try:
        deadline = time.monotonic() + 120  # a guard only: a loaded 2-core machine starts slowly
        while time.monotonic() < deadline:
            text = out.read_text(encoding="utf-8", errors="replace")
            m = re.search(r"http://\S+?/(?= )", text)
            if m and "Application startup complete" in err.read_text(errors="replace"):
                server.url = m.group(0)
                break
            if proc.poll() is not None:
                raise RuntimeError(f"fxreport serve exited: {server.logs()}")
            time.sleep(0.05)
        else:
            raise RuntimeError(f"fxreport serve did not start: {server.logs()}")
        yield server
    finally:
        stop(server)


@contextmanager
def threaded_server(**bounds: float) -> Iterator[tuple[str, int]]:
    """`fxreport serve`'s application and uvicorn settings in a thread of this process, on a
    free loopback port; ``bounds`` are ``server_config``'s (``header_timeout``,
    ``body_timeout``), short for tests of slow clients.  Waits until it listens."""
    import threading

    import uvicorn

    from fxreport.server.app import create_app
    from fxreport.server.run import bind, server_config

    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(server_config(create_app(), log_level="warning", **bounds))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:  # a state, polled
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.01)
        yield sock.getsockname()[:2]
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


@dataclass
class StaticSite:
    """A folder served on loopback as a plain static web server serves it, with the
    headers the README asks the hosting server for; every request is logged."""

    url: str
    requests: list[tuple[str, str, int]]  # (method, path, body bytes)
    folder: Path


@contextmanager
def static_site(folder: Path) -> Iterator[StaticSite]:
    """``folder`` on a free loopback port, in a thread, until the block ends."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from fxreport.site.build import SITE_CSP

    log: list[tuple[str, str, int]] = []

    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                          ".wasm": "application/wasm", ".js": "text/javascript",
                          ".zip": "application/zip", ".json": "application/json"}

        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", SITE_CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-cache")
            super().end_headers()

        def _logged(self) -> None:
            log.append((self.command, self.path, int(self.headers.get("Content-Length") or 0)))

        def do_GET(self) -> None:
            self._logged()
            super().do_GET()

        def do_HEAD(self) -> None:
            self._logged()
            super().do_HEAD()

        def do_POST(self) -> None:
            self._logged()
            self.send_error(405)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0),
                                functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield StaticSite(f"http://127.0.0.1:{httpd.server_address[1]}/", log, folder)
    finally:
        httpd.shutdown()
        httpd.server_close()


class Watched:
    """A page whose every request is recorded, and refused if it leaves the server
    (anything with a ``url``: a `Server` or a `StaticSite`)."""

    def __init__(self, browser: Browser, server: Any, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.context.set_default_timeout(120_000)  # a guard: a loaded 2-core machine is slow, not wrong
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []

        def route(r: Any) -> None:
            url = r.request.url
            self.requests.append(url)
            if url.startswith(server.url) or url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                self.outside.append(url)
                r.abort()

        self.context.route("**/*", route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def close(self) -> None:
        self.context.close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium, headless, through playwright (which never downloads a browser here)."""
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()
