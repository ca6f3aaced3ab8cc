"""The README says a refusal of `fxreport serve` is in the form's `lang` once read, else
in `?lang=`, else in Accept-Language.  A form without `lang` whose option was refused
(`strict=maybe`) was answered in Accept-Language's language even with `?lang=zh-TW`:
the form reader took Accept-Language as the form's language before it looked at the
address.  `?lang=` now comes first, for the refusal and for the check's language."""

from __future__ import annotations

import warnings

from fxreport.server.app import create_app
from reports import BYTES2

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FILES = [("files", ("ABP1209.txt", BYTES2))]
EN = {"Accept-Language": "en-US,en;q=0.9"}


def test_query_lang_words_a_refused_option() -> None:
    client = TestClient(create_app())
    r = client.post("/api/check?lang=zh-TW", files=FILES, data={"strict": "maybe"}, headers=EN)
    assert r.status_code == 422 and r.json()["detail"].startswith("`strict` 須為"), r.text
    # the form's own `lang` still wins over the address
    r = client.post("/api/check?lang=zh-TW", files=FILES, data={"strict": "maybe", "lang": "en"})
    assert r.json()["detail"].startswith("`strict` must be true or false")


def test_query_lang_is_the_checks_language_when_the_form_has_none() -> None:
    client = TestClient(create_app())
    r = client.post("/api/report?lang=zh-TW", files=FILES, headers=EN)
    assert r.status_code == 200 and '<html lang="zh-Hant-TW">' in r.text
    r = client.post("/api/report", files=FILES, headers=EN)  # no address language: the browser's
    assert '<html lang="en">' in r.text
