"""Issue 17 item 23: a multipart boundary over 256 characters got a plain-text 500 without
the security headers and broke the kept-alive connection.  Every refusal the application
answers is now a 4xx JSON with the headers of a normal answer; what the HTTP layer refuses
(a malformed request) is a 400, never a 500, and other connections are not disturbed."""

from __future__ import annotations

import http.client
import socket
import warnings

from fxreport.server.app import SECURITY_HEADERS, create_app
from reports import BYTES2
from serving import threaded_server

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LONG = "multipart/form-data; boundary=" + "b" * 300
HEADERS = {k.decode(): v.decode() for k, v in SECURITY_HEADERS}


def test_every_refusal_is_json_with_the_headers_of_a_normal_answer() -> None:
    client = TestClient(create_app(), raise_server_exceptions=False)
    normal = client.post("/api/check", files=[("files", ("ABP1209.txt", BYTES2))])
    assert normal.status_code == 200
    refusals = [
        (client.post("/api/check", content=b"--" + b"b" * 300 + b"\r\n", headers={"Content-Type": LONG}), 400),
        (client.post("/api/report", content=b"x", headers={"Content-Type": LONG}), 400),
        (client.get("/nowhere"), 404),
        (client.delete("/api/check"), 405),
        (client.get("/api/rules", params={"lang": "xx"}), 422),
    ]
    for r, status in refusals:
        assert r.status_code == status, r.text
        assert r.headers["content-type"] == "application/json"
        assert isinstance(r.json()["detail"], str) and r.json()["detail"]
        for key, value in HEADERS.items():
            assert r.headers[key] == value == normal.headers[key], (status, key)
    assert "256" in refusals[0][0].json()["detail"]


def test_refusals_leave_the_connection_and_the_others_working() -> None:
    with threaded_server() as address:
        kept = http.client.HTTPConnection(*address, timeout=10)
        for _ in range(2):  # a long boundary, then a normal request, on one connection
            kept.request("POST", "/api/check", body=b"--" + b"b" * 300 + b"\r\n",
                         headers={"Content-Type": LONG})
            r = kept.getresponse()
            assert r.status == 400 and r.getheader("x-frame-options") == "DENY", r.status
            r.read()
            kept.request("GET", "/api/rules")
            r = kept.getresponse()
            assert r.status == 200
            r.read()
        # a request the HTTP layer cannot parse: a 400 of its own, not a 500 ...
        with socket.create_connection(address, timeout=10) as bad:
            bad.sendall(b"NOT HTTP AT ALL\r\n\r\n")
            answer = bad.recv(4096)
            assert answer.startswith(b"HTTP/1.1 400 "), answer[:40]
        # ... and the kept-alive connection goes on
        kept.request("GET", "/")
        r = kept.getresponse()
        assert r.status == 200 and b"<html" in r.read()
        kept.close()
