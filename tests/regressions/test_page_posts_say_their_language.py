"""Issue 16 leftovers: the served page posted its form to /api/check and /api/report
without `?lang=`, so a refusal that comes before the form's `lang` field is read (a body
over the 16 MiB cap: 413) was worded by the browser's Accept-Language, not in the
language the page shows.  The page now adds its language to the address."""

from __future__ import annotations

from pathlib import Path
from typing import Any


from fxreport.server.limits import MAX_BODY
from serving import BROWSER_MARKS, Server, Watched

pytestmark = BROWSER_MARKS


def test_a_body_over_the_cap_is_refused_in_the_pages_language(browser: Any, server: Server,
                                                               tmp_path: Path) -> None:
    from playwright.sync_api import expect

    big = tmp_path / "ABP1209.txt"
    big.write_bytes(b"7" * (MAX_BODY + 1024 * 1024))
    w = Watched(browser, server, locale="en-US")  # the browser asks for English
    page = w.page
    page.goto(server.url + "?lang=zh-TW")  # the page shows Chinese
    # both posts answered (the page shows the first refusal without waiting for the other)
    with page.expect_response(lambda r: "/api/check" in r.url) as check, \
            page.expect_response(lambda r: "/api/report" in r.url) as report:
        page.set_input_files("#files", [str(big)])
    answers = [check.value, report.value]
    expect(page.locator("#status.error")).to_contain_text("請求大於")
    posts = [u for u in w.requests if "/api/" in u]
    assert posts and all(u.endswith("?lang=zh-TW") for u in posts), posts
    refusals = [(r.status, r.json()["detail"]) for r in answers]
    assert len(refusals) == 2 and all(status == 413 and "請求大於" in text
                                      for status, text in refusals), refusals
    w.close()
