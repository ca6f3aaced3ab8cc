"""`fxreport serve`'s month table: `POST /api/series` and the page's "Download month table
(CSV)" answer the bytes `fxreport check --format csv` writes for the same files, through
the same library function (``outputs.series.write_series_csv``)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from fxreport.server.app import create_app
from reports import BYTES1, BYTES2, SAMPLES, Run
from serving import CHROMIUM, Server, Watched, sync_playwright

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LEFT = (SAMPLES / "broken" / "left-aligned" / "ABP1209.txt").read_bytes()


def _cli_csv(run: Run, folder: Path, *args: str) -> tuple[bytes, int]:
    """What `fxreport check --format csv ARGS` writes, run in ``folder``, and its status."""
    result = run("check", "--format", "csv", *args, cwd=folder)
    return result.stdout_bytes, result.exit_code


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_the_api_answers_the_clis_csv(run: Run, lang: str, tmp_path: Path) -> None:
    client = TestClient(create_app())
    r = client.post("/api/series", files=[("files", ("ABP1208.txt", BYTES1)),
                                          ("files", ("ABP1209.txt", BYTES2))], data={"lang": lang})
    want, status = _cli_csv(run, SAMPLES, "--lang", lang, "ABP1208.txt", "ABP1209.txt")
    assert r.status_code == 200 and r.content == want and r.content.startswith(b"\xef\xbb\xbf")
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.headers["content-disposition"].startswith('attachment; filename="fxreport-series-')
    assert r.headers["fxreport-exit-status"] == str(status) == "0"
    assert len(r.content.decode("utf-8-sig").splitlines()) == 3  # the header and two days
    # a file that fails: its day's result in words, the check's exit status in the header
    (tmp_path / "ABP1208.txt").write_bytes(BYTES1)
    (tmp_path / "ABP1209.txt").write_bytes(LEFT)
    r = client.post("/api/series", files=[("files", ("ABP1208.txt", BYTES1)),
                                          ("files", ("ABP1209.txt", LEFT))], data={"lang": lang})
    want, status = _cli_csv(run, tmp_path, "--lang", lang, "ABP1208.txt", "ABP1209.txt")
    assert r.content == want and r.headers["fxreport-exit-status"] == str(status) == "1"


def test_a_refused_form_is_refused_as_by_the_other_routes() -> None:
    client = TestClient(create_app())
    r = client.post("/api/series?lang=zh-TW", files=[("files", ("ABP1209.txt", BYTES2))],
                    data={"strict": "maybe"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")
    assert r.json()["detail"].startswith("`strict` 須為")


@pytest.mark.skipif(sync_playwright is None or CHROMIUM is None, reason="no playwright or chromium")
def test_the_pages_button_downloads_the_clis_csv(run: Run, browser: Any, server: Server) -> None:
    from playwright.sync_api import expect

    w = Watched(browser, server, locale="zh-TW")
    page = w.page
    page.goto(server.url + "?lang=zh-TW")
    assert page.is_disabled("#dl-csv")
    page.set_input_files("#files", [str(SAMPLES / "ABP1208.txt"), str(SAMPLES / "ABP1209.txt")])
    page.wait_for_selector("#results #report")
    expect(page.locator("#dl-csv")).to_be_enabled()
    assert page.inner_text("#dl-csv") == "下載逐日部位表（CSV 檔）"
    with page.expect_download() as download:
        page.click("#dl-csv")
    got = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename.endswith(".csv")
    assert got == _cli_csv(run, SAMPLES, "--lang", "zh-TW", "ABP1208.txt", "ABP1209.txt")[0]
    assert any("/api/series?lang=zh-TW" in u for u in w.requests)
    assert not w.outside
    w.close()
