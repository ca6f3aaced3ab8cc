"""Issue 17 item 25: uploaded file names.  A bidi override reached the HTML report raw
(`ABP1209\\u202etxt.exe` read as "ABP1209exe.txt"); a Big5 name whose second byte is 0x5C
was mangled (`\\` turned into `/` before decoding); `"` arrived as `%22`; `filename*=`
got "must be a file upload"; `HEAD /` was 405; the 415 message read "not none"."""

from __future__ import annotations

import warnings

from reports import BYTES2

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


FORM = {"Content-Type": "multipart/form-data; boundary=b"}


def _raw(disposition: bytes) -> bytes:
    return (b"--b\r\nContent-Disposition: form-data; name=\"files\"; " + disposition
            + b"\r\n\r\n" + BYTES2 + b"\r\n--b--\r\n")


def _path(client: TestClient, disposition: bytes) -> str:
    r = client.post("/api/check", content=_raw(disposition), headers=FORM)
    assert r.status_code == 200, r.text
    return r.json()["files"][0]["path"]


def test_bidi_and_control_characters_never_reach_html_raw(client: TestClient) -> None:
    name = "ABP1209\u202etxt.exe\x1b[31m"
    files = [("files", (name, BYTES2))]
    assert client.post("/api/check", files=files).json()["files"][0]["path"] == name  # data
    html = client.post("/api/report", files=files).text
    assert "\u202e" not in html and "\x1b" not in html
    assert "ABP1209\\u202Etxt.exe\\x1B[31m" in html


def test_a_big5_name_with_a_0x5c_second_byte_is_kept(client: TestClient) -> None:
    name = "功課ABP1209.txt"  # 功 is A5 5C in Big5
    assert b"\\" in name.encode("cp950")
    assert _path(client, b'filename="' + name.encode("cp950") + b'"') == name


def test_a_quote_in_a_name_is_a_quote(client: TestClient) -> None:
    # browsers send " as %22 (WHATWG); Python's clients escape it with a backslash
    assert _path(client, b'filename="a%22b.txt"') == 'a"b.txt'
    assert _path(client, b'filename="a\\"b.txt"') == 'a"b.txt'
    files = [("files", ('a"b.txt', BYTES2))]
    assert client.post("/api/check", files=files).json()["files"][0]["path"] == 'a"b.txt'


def test_filename_star_is_a_file_name(client: TestClient) -> None:
    assert _path(client, b"filename*=UTF-8''%E5%8A%9F%E8%AA%B2ABP1209.txt") == "功課ABP1209.txt"
    # both given: the extended form wins (RFC 6266)
    assert _path(client, b"filename=\"x.txt\"; filename*=UTF-8''ABP1209.txt") == "ABP1209.txt"


def test_head_of_the_page_answers(client: TestClient) -> None:
    r = client.head("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.content == b""


def test_the_415_message_reads_well(client: TestClient) -> None:
    detail = client.post("/api/check").json()["detail"]
    assert "none" not in detail and "has no Content-Type header" in detail
    detail = client.post("/api/check", content=b"x", headers={"Content-Type": "text/plain"}).json()["detail"]
    assert detail.endswith("this one is text/plain")
