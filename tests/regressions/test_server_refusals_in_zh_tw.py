"""Issue 16 item 4: every refusal of `fxreport serve` was English only.  Each one is now
the catalogue's (``core.words.SERVER`` and ``CALENDAR``) in the request's language.

This walks every refusal the server answers, asked in zh-TW (the form's `lang`, or only
the browser's Accept-Language when the refusal comes before the form is read), and holds
each answer to FORMAT.md 6.9 with the checker of the zh-TW regression test: no English
sentence, no ISO date, full-width punctuation.  A last test proves the walk reached every
refusal of the catalogue.
"""

from __future__ import annotations

import asyncio
import re
import warnings
from collections.abc import AsyncIterator
from typing import Any

import pytest

from fxreport.core.words import CALENDAR, SERVER
from fxreport.server.app import create_app
from fxreport.server.upload import UploadError, read_form
from reports import BYTES1, BYTES2
from test_zh_tw_reads_as_written_not_translated import CJK, problems

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ZH = {"Accept-Language": "zh-TW,zh;q=0.9,en;q=0.5"}
FORM = "multipart/form-data; boundary=b"
FILES = [("files", ("ABP1209.txt", BYTES2))]


def _part(name: str, value: bytes, filename: str | None = None) -> bytes:
    extra = f'; filename="{filename}"' if filename is not None else ""
    return (f'--b\r\nContent-Disposition: form-data; name="{name}"{extra}\r\n\r\n'.encode()
            + value + b"\r\n")


def _body(*parts: bytes) -> bytes:
    return b"".join(parts) + b"--b--\r\n"


def _cases() -> list[tuple[str, dict[str, Any], int]]:
    """(route or method+route, request keywords, status)."""
    lang = [("lang", (None, b"zh-TW"))]
    day = _part("files", BYTES2, "ABP1209.txt")
    return [
        ("POST /api/check", {"files": [("x", ("a.txt", b"x"))], "data": {"lang": "zh-TW"}}, 400),
        ("POST /api/check", {"json": {"files": []}}, 415),
        ("POST /api/check", {}, 415),
        ("POST /api/check", {"content": b"--x\r\n", "headers": {"Content-Type": "multipart/form-data"}}, 400),
        ("POST /api/check", {"content": b"x", "headers": {"Content-Type": "multipart/form-data; boundary=" + "b" * 300}}, 400),
        ("POST /api/check", {"content": b"--b\r\nContent-Disposition: form-data; name=\"files\"; "
                                        b"filename=\"a.txt\"\r\n\r\nabc", "headers": {"Content-Type": FORM}}, 400),
        ("POST /api/check", {"content": b"garbage without any boundary", "headers": {"Content-Type": FORM}}, 400),
        ("POST /api/check", {"content": _body(_part("lang", b"zh-TW"), _part("files", b"x")),
                             "headers": {"Content-Type": FORM}}, 400),
        ("POST /api/check", {"files": [("files", ("a.txt", BYTES1)), ("files", ("b.txt", BYTES2)),
                                       ("previous", ("p.txt", b"1"))] + lang}, 400),
        ("POST /api/check", {"content": _body(_part("lang", b"zh-TW"), day, _part("previous", b"1", "p.txt"),
                                              _part("previous", b"2", "q.txt")),
                             "headers": {"Content-Type": FORM}}, 400),
        ("POST /api/check", {"files": FILES, "data": {"lang": "fr"}}, 422),
        ("POST /api/check", {"files": FILES, "data": {"lang": "zh-TW", "strict": "maybe"}}, 422),
        ("POST /api/check", {"files": FILES, "data": {"lang": "zh-TW", "select": "ARI,XYZ"}}, 422),
        ("POST /api/check", {"files": FILES, "data": {"lang": "zh-TW", "closed_days": "2016-02-30"}}, 422),
        ("POST /api/check", {"files": FILES, "data": {"lang": "zh-TW", "calendar": "stock"}}, 422),
        ("POST /api/check", {"files": FILES, "data": {"lang": "zh-TW", "closed_days": "105/12/08",
                                                      "open_days": "105/12/08"}}, 422),
        ("POST /api/check", {"files": FILES + [("closed_days", ("c.txt", b"\xff\xfe1\x00"))],
                             "data": {"lang": "zh-TW"}}, 422),
        ("POST /api/check", {"files": FILES + [("closed_days", ("c.txt", b"\x81\x20\xff"))],
                             "data": {"lang": "zh-TW"}}, 422),
        ("POST /api/check", {"files": FILES, "data": {"lang": "zh-TW", "select": "A" * (70 * 1024)}}, 413),
        ("POST /api/check", {"files": FILES, "data": {"lang": "zh-TW", **{f"f{i}": "1" for i in range(201)}}}, 413),
        ("POST /api/check", {"content": _body(_part("lang", b"zh-TW"), *[_part("files", b"x", f"{i}.txt") for i in range(3)]),
                             "headers": {"Content-Type": FORM}, "small": True}, 413),
        ("POST /api/check", {"content": _body(_part("lang", b"zh-TW"), _part("files", b"x" * 5000, "a.txt")),
                             "headers": {"Content-Type": FORM}, "small": True}, 413),
        ("POST /api/check", {"content": b"", "headers": {"Content-Type": FORM, "Content-Length": "x"}}, 400),
        ("GET /nowhere", {}, 404),
        ("GET /static/nothing.css", {}, 404),
        ("PUT /api/check", {}, 405),
        ("GET /api/rules", {"params": {"lang": "fr"}}, 422),
        ("POST /api/report", {"files": FILES, "data": {"lang": "zh-TW", "strict": "maybe"}}, 422),
    ]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def small() -> TestClient:
    """Caps small enough to reach in a test: 2 files, 4 KiB."""
    return TestClient(create_app(max_files=2, max_body=4096), raise_server_exceptions=False)


def _check(r: Any, status: int) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    detail = r.json()["detail"]
    assert re.search(f"[{CJK}]", detail), detail
    quoted = re.sub("「[^」]*」", "「」", detail)  # what the sender typed, quoted as typed
    assert problems(quoted, values=("zh-TW", "fr", "stock", "maybe", "XYZ", "PUT", "c.txt", "2016-02-30",
                                    "closed_days")) == [], detail
    return detail


def _answer(client: TestClient, small: TestClient, n: int) -> str:
    """The detail of case ``n``, checked: status, JSON, headers, Chinese only."""
    route, kwargs, status = _cases()[n]
    method, path = route.split(" ")
    kwargs = dict(kwargs)
    if kwargs.pop("small", False):
        client = small
    kwargs["headers"] = {**ZH, **kwargs.get("headers", {})}
    if kwargs["headers"].get("Content-Length") == "x":  # a header the client would correct
        async def empty() -> AsyncIterator[bytes]:
            yield b""

        with pytest.raises(UploadError) as refused:
            asyncio.run(read_form(empty(), FORM, "x"))
        assert refused.value.status == status
        detail = refused.value.message("zh-TW")
        assert problems(detail) == [], detail
        return detail
    return _check(client.request(method, path, **kwargs), status)


@pytest.mark.parametrize("n", range(len(_cases())))
def test_each_refusal_is_in_chinese(client: TestClient, small: TestClient, n: int) -> None:
    _answer(client, small, n)


def _bug(monkeypatch: pytest.MonkeyPatch, client: TestClient) -> str:
    from fxreport.server import app as app_module

    def broken(self: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_module.CheckJob, "run", broken)
    return _check(client.post("/api/check", files=FILES, data={"lang": "zh-TW"}, headers=ZH), 500)


def test_a_bug_is_a_json_500_with_the_headers_in_chinese(monkeypatch: pytest.MonkeyPatch,
                                                         client: TestClient) -> None:
    _bug(monkeypatch, client)


def test_the_walk_reaches_every_refusal(client: TestClient, small: TestClient,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each catalogue entry's longest fixed piece of Chinese appears in an answer above
    (the 408 of slow headers is test_slow_clients_are_closed's; a body cut off by its
    client has nobody to read the answer; `bad_option` words a pipeline option the server
    does not know yet)."""
    seen = [_answer(client, small, n) for n in range(len(_cases()))] + [_bug(monkeypatch, client)]
    unreachable = {"slow_headers", "body_cut", "values_sep", "refused", "bad_option"}
    missing = []
    for key, (_, zh) in {**SERVER, **CALENDAR}.items():
        if key in unreachable:
            continue
        piece = max(re.split(r"\{[^}]*\}", zh), key=len)
        if not any(piece in s for s in seen):
            missing.append((key, piece))
    assert missing == []
