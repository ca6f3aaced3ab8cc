"""A clerk checks a report on the page, fixes it in an editor and presses Check again:
the browser refuses to read a chosen file that changed (or was moved or deleted) since
it was chosen (the served page's upload sends an edited file as it is now, but not a
deleted one).  The served page said "The server cannot be reached" and the static site
"The checker could not be started in this browser. Reload the page"; both now name the
file and say to choose it again, in the page's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reports import DAY1, DAY2
from serving import SITE_MARKS, Watched

pytestmark = SITE_MARKS

SAYS = {"en": ("could not be read", "Choose"), "zh-TW": ("無法讀取", "重新選取")}


def _check_again_after(change: str, where: str, host: Any, browser: Any, folder: Path,
                       lang: str) -> Any:
    """A fresh page; both days chosen from disk and checked; then the second day
    changed (edited or deleted) and Check pressed: the page, once it has answered."""
    w = Watched(browser, host, locale="en-US")
    page = w.page
    page.goto(host.url + f"?lang={lang}")
    if where == "site":  # its runtime loaded (a fresh browser context starts it cold)
        page.wait_for_selector("#runtime[data-stage=ready]")
    day1, day2 = folder / DAY1.name, folder / DAY2.name
    day1.write_bytes(DAY1.read_bytes())
    day2.write_bytes(DAY2.read_bytes())
    page.set_input_files("#files", [str(day1), str(day2)])
    page.wait_for_selector("#results #report")
    if change == "edited":
        day2.write_bytes(DAY2.read_bytes().replace(b"ABCD", b"ABCE", 1))  # row 1's firm
    else:
        day2.unlink()
    page.click("#check")
    page.wait_for_selector("#results[aria-busy=false]", state="attached")
    page.wait_for_selector("#results #report, #status.error", state="attached")
    return w


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("where", ["server", "site"])
def test_a_changed_or_deleted_file_is_named(request: pytest.FixtureRequest, browser: Any,
                                            tmp_path: Path, where: str, lang: str) -> None:
    host = request.getfixturevalue(where)
    for change in ("edited", "deleted"):
        w = _check_again_after(change, where, host, browser, tmp_path, lang)
        status = w.page.locator("#status").inner_text()
        if where == "server" and change == "edited":
            # the browser sends a file as it is now: the edit is what is checked
            assert "CON001" in w.page.locator("#results").inner_text(), status
        else:  # the page reads the file itself, and the browser refuses a changed one
            assert DAY2.name in status and all(s in status for s in SAYS[lang]), (change, status)
        w.close()
