"""Issue 17 item 24: a client trickling its headers (slowloris) or its body held a
connection open for ever; now each phase has a deadline that later bytes do not move,
the slow are closed and the others keep being served.

A real server on loopback (uvicorn in a thread, the settings of `fxreport serve` with
short bounds); counts and times are bounded, and every wait is on a state (a socket
closed, an answer received), with a deadline only as a guard.
"""

from __future__ import annotations

import http.client
import select
import socket
import time

from serving import threaded_server
from reports import README, Run

HEADERS, BODY = 1.0, 2.0  # seconds, the bounds under test
SLOW = 20  # slow connections at once


def _open(address: tuple[str, int], first: bytes) -> socket.socket:
    s = socket.create_connection(address, timeout=10)
    if first:
        s.sendall(first)
    return s


def _trickle_until_closed(socks: list[socket.socket], guard: float) -> dict[socket.socket, bytes]:
    """Send one byte to each open socket every 0.1 s until the server closes it; what
    each received.  A socket still open after ``guard`` seconds fails the test."""
    got = {s: b"" for s in socks}
    open_ = set(socks)
    deadline = time.monotonic() + guard
    while open_ and time.monotonic() < deadline:
        readable, _, _ = select.select(list(open_), [], [], 0.1)  # an answer, or the end
        for s in readable:
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            got[s] += data
            if not data:
                open_.discard(s)
        for s in list(open_):
            if got[s]:
                continue  # answered: read on to its end, send no more
            try:
                s.send(b"x")
            except OSError:  # closed by the server: reset or broken pipe
                open_.discard(s)
    assert not open_, f"{len(open_)} slow connection(s) still open after {guard} s"
    return got


def _wait_closed(s: socket.socket, guard: float) -> dict[socket.socket, bytes]:
    """What a socket that sends nothing receives until the server closes it."""
    s.settimeout(guard)
    data = b""
    try:
        while chunk := s.recv(4096):
            data += chunk
    except ConnectionResetError:
        pass
    return {s: data}


def _served(address: tuple[str, int]) -> None:
    """A normal client on a kept-alive connection: two answers."""
    conn = http.client.HTTPConnection(*address, timeout=10)
    for path in ("/api/rules", "/"):
        conn.request("GET", path)
        r = conn.getresponse()
        r.read()
        assert r.status == 200, (path, r.status)
    conn.close()


def test_headers_sent_a_byte_at_a_time_are_closed_and_others_served() -> None:
    with threaded_server(header_timeout=HEADERS, body_timeout=BODY) as address:
        started = time.monotonic()
        slow = [_open(address, b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ") for _ in range(SLOW)]
        silent = _open(address, b"")  # opens and never sends
        _served(address)
        got = _trickle_until_closed(slow, guard=HEADERS + 8)
        got.update(_wait_closed(silent, guard=HEADERS + 8))
        took = time.monotonic() - started
        _served(address)  # and after them
        assert took >= HEADERS  # not closed before its bound
        for s in slow:
            assert got[s].startswith(b"HTTP/1.1 408 "), got[s][:60]
            assert "請求標頭傳送過慢".encode() in got[s]
        assert got[silent] == b""  # nothing sent, nothing answered: closed
        for s in slow + [silent]:
            s.close()


def test_a_body_sent_a_byte_at_a_time_is_closed_and_others_served() -> None:
    head = (b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
            b"boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; "
            b'name="files"; filename="ABP1209.txt"\r\n\r\n')
    with threaded_server(header_timeout=HEADERS, body_timeout=BODY) as address:
        started = time.monotonic()
        slow = [_open(address, head) for _ in range(SLOW // 4)]
        _served(address)
        _trickle_until_closed(slow, guard=BODY + 8)
        assert time.monotonic() - started >= BODY
        _served(address)
        for s in slow:
            s.close()


def test_the_bounds_are_documented_as_they_are(run: Run) -> None:
    from fxreport.server.run import BODY_TIMEOUT, HEADER_TIMEOUT

    readme = README
    help_text = " ".join(run("serve", "--help").output.split())
    for bound in (HEADER_TIMEOUT, BODY_TIMEOUT):
        assert f"within {bound:g} s" in readme
        assert f"within {bound:g} s" in help_text
