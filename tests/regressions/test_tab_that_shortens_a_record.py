"""Issue 17.5: a tab that shortens a record got "pad the line with spaces", which would
misplace every field after it.  The hint says that a tab replaced spaces, and where."""

from __future__ import annotations

import pytest

from fxreport.checking.checker import check_bytes
from reports import BYTES2


def _with_tab() -> tuple[bytes, int]:
    first, rest = BYTES2.split(b"\r\n", 1)
    at = first.index(b"        ")  # 8 spaces inside row 1 become one tab
    return first[:at] + b"\t" + first[at + 8:] + b"\r\n" + rest, at + 1


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_the_hint_names_the_tab_and_its_column(lang: str) -> None:
    data, column = _with_tab()
    [f] = [f for f in check_bytes(data, "ABP1209.txt").findings if f.code == "STR003"]
    hint = f.hint(lang)
    assert ("pad the line" not in hint and f"a tab at column {column}" in hint) if lang == "en" \
        else (f"第 {column} 位元組有定位字元" in hint and "以空白補足" not in hint)


def test_a_short_record_without_a_tab_keeps_its_hint() -> None:
    first, rest = BYTES2.split(b"\r\n", 1)
    [f] = [f for f in check_bytes(first.rstrip() + b"\r\n" + rest, "ABP1209.txt").findings
           if f.code == "STR003"]
    assert "pad the line with spaces" in f.hint("en") and "tab" not in f.hint("en")
