"""Issue 17.14 (the check side): JSON given to `check` got "47 records"; other text got
a record count too; a one-line file "1 records"; rows 1 and 2 swapped gave 21 unrelated
errors without saying so (the codes stay; the first finding's hint says it)."""

from __future__ import annotations

import json

import pytest

from fxreport.checking.checker import check_bytes
from reports import BYTES2, DAY2, Run


def _str002(data: bytes, lang: str = "en") -> tuple[str, str]:
    [f] = [f for f in check_bytes(data, "ABP1209.txt").findings if f.code == "STR002"]
    return f.message(lang), f.hint(lang)


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_json_is_named_not_counted(run: Run, lang: str) -> None:
    shown = run("show", str(DAY2), "--format", "json").stdout.encode()
    assert shown.count(b"\n") > 40
    for data in (shown, json.dumps(json.loads(shown)).encode(), b'[{"bank": "ABCD"}]'):
        message, hint = _str002(data, lang)
        assert ("this is JSON text" in message and "records" not in message.split(",")[0]
                if lang == "en" else "這是 JSON 文字" in message)
        assert "ABP1209.txt" in hint


def test_csv_and_other_text_are_named(run: Run, sample_csv: bytes) -> None:
    csv_text = sample_csv
    assert "comma- or tab-separated" in _str002(csv_text.removeprefix(b"\xef\xbb\xbf"))[0]
    assert "comma- or tab-separated" in _str002(b"a\tb\tc\n1\t2\t3\n")[0]
    message = _str002(b"[section]\nkey = 1\n")[0]  # an INI file is not JSON
    assert message.startswith("none of its 2 lines is 213 bytes long")


def test_one_record_is_singular() -> None:
    message, hint = _str002(BYTES2.split(b"\r\n")[0] + b"\r\n")
    assert "the file has 1 record;" in message and "1 records" not in message
    assert "檔案只有 1 列資料" in _str002(BYTES2.split(b"\r\n")[0], "zh-TW")[0]
    assert "the file has 2 records;" in _str002(b"\r\n".join(BYTES2.split(b"\r\n")[:2]))[0]
    assert "rows 1, 2 and 3" in hint


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_swapped_rows_are_said_in_the_first_hint(lang: str) -> None:
    rows = BYTES2.split(b"\r\n")
    rows[0], rows[1] = rows[1], rows[0]
    findings = check_bytes(b"\r\n".join(rows), "ABP1209.txt").findings
    plain = check_bytes(b"\r\n".join(rows), "ABP1209.txt").findings
    assert len(findings) > 5 and [f.code for f in findings] == [f.code for f in plain]
    said = "rows 1 and 2 look swapped" if lang == "en" else "第 1 列與第 2 列似乎對調了"
    assert said in findings[0].hint(lang)
    assert not any(said in f.hint(lang) for f in findings[1:])


def test_a_real_field_error_is_not_called_a_swap() -> None:
    data = BYTES2.replace(b"      -750", b"      -749", 1)
    assert not any("swapped" in f.hint("en") for f in check_bytes(data, "ABP1209.txt").findings)
