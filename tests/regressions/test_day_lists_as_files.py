"""Issue 17 item 26: `closed_days` sent as a file upload was silently ignored (the form
value worked).  Both are accepted, as `previous` is a file; `open_days` too, read as
`--closed-days FILE` reads a file (UTF-8 with or without BOM, or Big5)."""

from __future__ import annotations

import warnings

import pytest

from reports import BYTES1, BYTES2

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


SERIES = [("files", ("ABP1208.txt", BYTES1)), ("files", ("ABP1209.txt", BYTES2))]


def _codes(r) -> list[str]:  # type: ignore[no-untyped-def]
    assert r.status_code == 200, r.text
    return [x["code"] for f in r.json()["files"] for x in f["findings"]]


@pytest.mark.parametrize("text", [b"105/12/08  # typhoon\r\n", b"\xef\xbb\xbf2016-12-08\n",
                                  "# 颱風假\n105/12/08\n".encode("cp950")])
def test_closed_days_as_a_file_as_a_value(client: TestClient, text: bytes) -> None:
    as_value = _codes(client.post("/api/check", files=SERIES, data={"closed_days": "105/12/08"}))
    as_file = _codes(client.post("/api/check", files=SERIES + [("closed_days", ("closed.txt", text))]))
    assert as_value == as_file == ["FLD005"]  # 12-08 closed: no business day


def test_open_days_as_a_file(client: TestClient) -> None:
    # the file is read: the same day closed as a value and opened as a file is refused
    one = [("files", ("ABP1209.txt", BYTES2))]
    r = client.post("/api/check", files=one + [("open_days", ("open.txt", b"105/12/10\n"))],
                    data={"closed_days": "105/12/10"})
    assert r.status_code == 422 and "both as closed and as open" in r.json()["detail"]


def test_an_empty_file_input_is_no_list(client: TestClient) -> None:
    r = client.post("/api/check", files=SERIES + [("closed_days", ("", b""))])
    assert _codes(r) == []
