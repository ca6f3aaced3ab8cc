"""Issue 16 item 4: an unnamed reserved range was shown as `reserved 184-213` in Chinese
output: the zh-TW HTML report (`<code>reserved 184-213</code>`), roll's warning about
PREV's errors, and ENC005's "split by the edge between FORWARD and reserved 184-213".
A field's shown name comes from one function that takes the language
(``core.findings.field_display``; roll names PREV's errors with it too, though a PREV with
an error in an unnamed range is not a report roll can read)."""

from __future__ import annotations

import re
from pathlib import Path

from fxreport.checking.checker import check_bytes
from fxreport.core.findings import field_display
from fxreport.core.layout import LAYOUT
from reports import BYTES2, Run

ROW2 = BYTES2.split(b"\r\n")[1]
RESERVED_X = BYTES2.replace(ROW2, ROW2[:189] + b"X" + ROW2[190:])  # RSV001 at row 2 184-213
SPLIT = BYTES2.replace(ROW2, ROW2[:182] + "中".encode("cp950") + ROW2[184:])  # ENC005 x2
ENGLISH = re.compile(r"reserved \d+-\d+")


def test_the_one_function() -> None:
    [unnamed] = [f for f in LAYOUT if f.row == 2 and f.start == 184]
    assert field_display(unnamed, "en") == "reserved 184-213"
    assert field_display(unnamed, "zh-TW") == "保留欄位 184-213"
    assert not hasattr(unnamed, "display")  # no second, English-only way


def test_html_report_in_chinese(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "ABP1209.txt"
    path.write_bytes(RESERVED_X)
    zh = run("check", str(path), "--format", "html", "--lang", "zh-TW").stdout
    assert "<code>保留欄位 184-213</code>" in zh and not ENGLISH.search(zh)
    en = run("check", str(path), "--format", "html", "--lang", "en").stdout
    assert "<code>reserved 184-213</code>" in en


def test_split_character_names_both_fields_in_chinese() -> None:
    findings = [f for f in check_bytes(SPLIT, "ABP1209.txt").findings if f.code == "ENC005"]
    assert len(findings) == 2
    for f in findings:
        assert "FORWARD 與 保留欄位 184-213" in f.message("zh-TW"), f.message("zh-TW")
        assert "between FORWARD and reserved 184-213" in f.message("en")
