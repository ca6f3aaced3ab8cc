"""Issue 16 leftovers: one reading of the check form (``fxreport.checking.form``) for the
server and the static site.  The same form, given to the server's reader (the multipart
body through ``read_form`` and ``make_job``, and the routes through the test client) and
to the site's worker entry (``bridge.check_form``), gives equal options and, when it is
refused, the same status and the same words, in both languages."""

from __future__ import annotations

import asyncio
import datetime as dt
import warnings
from collections.abc import AsyncIterator
from typing import Any

import pytest

from fxreport.checking.form import options_of_form, status_of
from fxreport.checking.pipeline import CheckOptions, Content, OptionError
from fxreport.core.words import SITE, server_message
from fxreport.server.app import create_app, make_job
from fxreport.server.upload import UploadError, read_form
from fxreport.site import bridge
from reports import BYTES1, BYTES2

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

Entry = tuple[Any, ...]  # (name, text) or (name, filename, data): as the page's FormData
DAY1 = ("files", "ABP1208.txt", BYTES1)
DAY2 = ("files", "ABP1209.txt", BYTES2)
LIMITS = b"BANK,POS,SPOT\r\nABPS,1800,\r\n"
VERIFIED = b"BANK,DATE,CODE,FIELD,NOTE\r\nABPS,105/12/09,QUA001,POS,checked with the desk\r\n"

GOOD: dict[str, list[Entry]] = {
    "one file": [DAY2],
    "every option": [DAY2, ("previous", "ABP1208.txt", BYTES1), ("lang", "zh-TW"),
                     ("strict", "true"), ("select", "ARI,FLD"), ("select", "CNT"),
                     ("ignore", "NAM002"), ("calendar", "exchange"),
                     ("closed_days", "105/12/08\n2016-12-20 # a note"), ("open_days", "2016-12-24"),
                     ("limits", "limits.csv", LIMITS), ("verified", "verified.csv", VERIFIED)],
    "a series, a checkbox, the last value counts": [
        DAY1, DAY2, ("strict", "on"), ("lang", "zh-TW"), ("lang", "en"),
        ("calendar", "bank"), ("calendar", "government"), ("limits", "empty.csv", b"  \r\n")],
}

BAD: dict[str, tuple[list[Entry], int]] = {
    "no files": ([("lang", "zh-TW")], 400),
    "a language we do not speak": ([DAY2, ("lang", "fr")], 422),
    "strict neither true nor false": ([DAY2, ("strict", "maybe")], 422),
    "a code no rule starts with": ([DAY2, ("select", "ARI,XYZ")], 422),
    "an ignored code no rule starts with": ([DAY2, ("ignore", "QQQ")], 422),
    "an unknown calendar": ([DAY2, ("calendar", "stock")], 422),
    "not a date": ([DAY2, ("closed_days", "2016-02-30")], 422),
    "closed and open": ([DAY2, ("closed_days", "105/12/08"), ("open_days", "2016-12-08")], 422),
    "previous with a series": ([DAY1, DAY2, ("previous", "p.txt", BYTES1)], 400),
    "a limits file without BANK": ([DAY2, ("limits", "l.csv", b"FIRM,POS\r\nABPS,1\r\n")], 422),
    "a verified line without a note": (
        [DAY2, ("verified", "v.csv", b"BANK,DATE,CODE,FIELD,NOTE\r\nABPS,105/12/09,QUA001,POS,\r\n")], 422),
}


def _multipart(entries: list[Entry]) -> bytes:
    out = b""
    for e in entries:
        name = e[0]
        head = f'Content-Disposition: form-data; name="{name}"'
        if len(e) == 3:
            head += f'; filename="{e[1]}"'
        value = e[-1] if isinstance(e[-1], bytes) else e[-1].encode("utf-8")
        out += f"--b\r\n{head}\r\n\r\n".encode() + value + b"\r\n"
    return out + b"--b--\r\n"


def _server_options(entries: list[Entry]) -> CheckOptions:
    async def body() -> AsyncIterator[bytes]:
        yield _multipart(entries)

    form = asyncio.run(read_form(body(), "multipart/form-data; boundary=b", None))
    return make_job(form, None).options


def _site(entries: list[Entry], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The worker's answer, or the options the bridge hands to the pipeline."""
    seen: list[CheckOptions] = []

    def capture(files: Any, options: CheckOptions) -> Any:
        seen.append(options)
        raise LookupError("captured")

    monkeypatch.setattr(bridge, "check_contents", capture)
    as_sent = [e if len(e) == 2 else (e[0], e[1], e[2], len(e[2])) for e in entries]
    try:
        answer = bridge.check_form(as_sent, 0)
    except LookupError:
        return seen[0]
    return answer


@pytest.mark.parametrize("name", list(GOOD))
def test_the_same_form_gives_the_same_options(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    server = _server_options(GOOD[name])
    site = _site(GOOD[name], monkeypatch)
    assert isinstance(site, CheckOptions), site
    assert server == site


def test_the_options_are_read_as_sent() -> None:
    o = _server_options(GOOD["every option"])
    assert o.lang == "zh-TW" and o.strict is True and o.calendar == "exchange"
    assert o.select == ("ARI", "FLD", "CNT") and o.ignore == ("NAM002",)
    assert o.closed_days == (dt.date(2016, 12, 8), dt.date(2016, 12, 20))
    assert o.open_days == (dt.date(2016, 12, 24),)
    assert o.previous == Content("ABP1208.txt", BYTES1)
    assert o.limits == {"ABPS": {"POS": 1800}}
    assert [(v.code, v.field, v.note) for v in o.verified] == [("QUA001", "POS", "checked with the desk")]
    series = _server_options(GOOD["a series, a checkbox, the last value counts"])
    assert (series.lang, series.strict, series.calendar, series.limits) == ("en", True, "government", None)


def _library_refusal(entries: list[Entry]) -> OptionError:
    """The library's refusal of the form, read from the entries as a plain mapping."""
    fields: dict[str, list[Any]] = {}
    for e in entries:
        if e[0] == "previous":
            fields.setdefault("previous", []).append(Content(e[1], e[2]))
        elif e[0] != "files":
            fields.setdefault(e[0], []).append(e[-1])
    with pytest.raises(OptionError) as refused:
        options_of_form(fields, sum(1 for e in entries if e[0] == "files"))
    return refused.value


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("name", list(BAD))
def test_the_same_form_gets_the_same_refusal(name: str, lang: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The same status and the same catalogue word; the same sentence, but where the
    server's names what only the server has (its multipart field, `GET /api/rules`):
    there the page says the site's own (``words.SITE``)."""
    entries, status = BAD[name]
    if not any(e[0] == "lang" for e in entries):
        entries = entries + [("lang", lang)]
    client = TestClient(create_app(), raise_server_exceptions=False)
    r = client.post("/api/check", content=_multipart(entries),
                    headers={"Content-Type": "multipart/form-data; boundary=b"})
    site = _site(entries, monkeypatch)
    assert "json" not in site and site["detail"]
    exc = _library_refusal(entries)
    said = exc.lang or "en"
    assert r.status_code == site["status"] == status_of(exc) == status
    assert r.json()["detail"] == exc.message(said)
    if exc.key in SITE:
        assert site["detail"] == server_message(exc.key, said, exc.params, SITE) != exc.message(said)
        assert "api/rules" not in site["detail"] and "multipart" not in site["detail"]
    else:
        assert site["detail"] == r.json()["detail"]


def test_the_form_reader_needs_no_web_framework() -> None:
    """The library function alone: a plain mapping in, options or an ``OptionError``
    naming its catalogue word out."""
    options = options_of_form({"lang": ["zh-TW"], "strict": [b"true"]}, 1)
    assert (options.lang, options.strict) == ("zh-TW", True)
    with pytest.raises(OptionError) as refused:
        options_of_form({"lang": ["zh-TW"], "select": ["XYZ"]}, 1)
    exc = refused.value
    assert (exc.key, exc.lang, status_of(exc)) == ("unknown_codes", "zh-TW", 422)
    assert exc.message("zh-TW") == "沒有以「XYZ」開頭的規則代碼；`GET /api/rules` 列出所有規則"
    with pytest.raises(OptionError) as refused:
        options_of_form({}, 0)
    assert (refused.value.key, status_of(refused.value)) == ("no_files", 400)


def test_a_refusal_after_the_language_is_in_that_language() -> None:
    """The form's own `lang` words the server's refusal even when Accept-Language says
    otherwise (the UploadError carries it)."""
    async def body() -> AsyncIterator[bytes]:
        yield _multipart([DAY2, ("lang", "zh-TW"), ("strict", "maybe")])

    form = asyncio.run(read_form(body(), "multipart/form-data; boundary=b", None))
    with pytest.raises(UploadError) as refused:
        make_job(form, "en-US")
    assert refused.value.lang == "zh-TW" and refused.value.status == 422
    assert refused.value.message("zh-TW").startswith("`strict` 須為")
