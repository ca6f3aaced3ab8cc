"""The static site refused `previous` with several files by the form field's name
(`` `previous` 只能搭配單一檔案``), a word the page never shows; it now names the page's
control, the previous business day's report, in both languages."""

from __future__ import annotations

from fxreport.site.bridge import check_form
from reports import BYTES1, BYTES2


def _refusal(lang: str) -> str:
    answer = check_form([("files", "ABP1208.txt", BYTES1, len(BYTES1)),
                         ("files", "ABP1209.txt", BYTES2, len(BYTES2)),
                         ("previous", "p.txt", BYTES1, len(BYTES1)), ("lang", lang)])
    assert answer["status"] == 400
    return str(answer["detail"])


def test_the_refusal_names_the_pages_control() -> None:
    zh, en = _refusal("zh-TW"), _refusal("en")
    assert zh.startswith("前一營業日申報檔只能搭配單一檔案") and "previous" not in zh
    assert en.startswith("a previous business day's report goes with a single file") and "`" not in en
