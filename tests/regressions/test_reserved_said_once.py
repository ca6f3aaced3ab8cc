"""Issue 17.14: "reserved 184-213(reserved) columns 184-213 are reserved" said reserved
three times (保留欄位 three times in Chinese)."""

from __future__ import annotations

import pytest

from fxreport.checking.checker import check_bytes
from reports import BYTES2


@pytest.mark.parametrize("lang,word", [("en", "reserved"), ("zh-TW", "保留欄位")])
def test_an_unnamed_reserved_range_says_reserved_once(lang: str, word: str) -> None:
    rows = BYTES2.split(b"\r\n")
    rows[1] = rows[1][:190] + b"X" + rows[1][191:]  # columns 184-213 of row 2: unnamed reserved
    [f] = [f for f in check_bytes(b"\r\n".join(rows), "ABP1209.txt").findings if f.code == "RSV001"]
    assert f.field is not None and not f.field.name
    line = f.message(lang)
    assert line.count(word) == 1, line
    assert line.startswith("reserved columns 184-213 must be all spaces" if lang == "en"
                           else "保留欄位 第 184-213 位元組須全部填空白"), line


def test_a_named_reserved_field_names_itself_and_its_label() -> None:
    rows = BYTES2.split(b"\r\n")
    rows[0] = rows[0][:63] + b"0" * 10 + rows[0][73:]  # AFS, row 1 columns 64-73
    [f] = [f for f in check_bytes(b"\r\n".join(rows), "ABP1209.txt").findings if f.code == "RSV001"]
    assert f.message("en") == "AFS(reserved) columns 64-73 must be all spaces: found '0000000000'"
    assert f.message("zh-TW") == "AFS（保留欄位）第 64-73 位元組須全部填空白：實際內容「0000000000」"
