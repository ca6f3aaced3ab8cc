"""The page's two optional inputs (FORMAT.md 7.5, 7.6): a limits file and a verified file,
sent with the check and remembered nowhere; the report shows each verified note."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from reports import NEGATIVE
from serving import BROWSER_MARKS, Server, Watched

pytestmark = BROWSER_MARKS


def test_limits_and_verified_files_on_the_page(browser: Browser, server: Server, tmp_path: Path) -> None:
    (tmp_path / "limits.csv").write_bytes('BANK,POS\r\nABCD,"1,800"\r\n'.encode("cp950"))
    (tmp_path / "verified.csv").write_bytes(
        "BANK,DATE,CODE,FIELD,NOTE\r\nABCD,105/12/09,QUA001,ABAL_UNB,交割提前入帳\r\n".encode("cp950"))
    w = Watched(browser, server, viewport={"width": 1200, "height": 900}, locale="en-US")
    page = w.page
    page.goto(server.url + "?lang=en")
    page.click("#options summary")
    expect(page.locator("label[for='limits']")).to_contain_text("Position limits")
    page.set_input_files("#limits", str(tmp_path / "limits.csv"))
    page.set_input_files("#verified", str(tmp_path / "verified.csv"))
    page.set_input_files("#files", [str(NEGATIVE)])
    expect(page.locator("#results .verified-note")).to_contain_text("交割提前入帳")
    text = page.inner_text("#results")
    assert "LIM001" in text and "limit of 1,800" in text
    assert "Verified findings" in text
    page.click("button[data-lang='zh-TW']")
    expect(page.locator("label[for='verified']")).to_contain_text("已確認項目檔")
    expect(page.locator("#results")).to_contain_text("已確認項目")
    # remembered nowhere: a new page starts without them
    page.goto(server.url + "?lang=en")
    assert page.eval_on_selector("#limits", "e => e.files.length") == 0
    assert page.eval_on_selector("#verified", "e => e.files.length") == 0
    assert not w.errors, w.errors
    assert w.outside == []
    w.close()
