"""A Chinese message quoted the bytes found in ASCII quotes ('2900      ') while every
other Chinese text quotes with 「」: one quoting style per language (issue 20)."""

from __future__ import annotations

from fxreport.checking.pipeline import CheckOptions, check_contents
from reports import BYTES2, put


def test_found_bytes_are_quoted_in_the_language_of_the_message() -> None:
    data = put(BYTES2, 1, 24, b"2900      ")
    outcome = check_contents([("ABP1209.txt", data)], CheckOptions(lang="zh-TW"))
    [finding] = [f for f in outcome.reports[0].findings if f.code == "FLD003"]
    assert "實際內容「2900      」（" in finding.message("zh-TW")
    assert "'" not in finding.message("zh-TW")
    assert "found '2900      '" in finding.message("en")
