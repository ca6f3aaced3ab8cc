"""Defect 12: build input errors were pydantic's raw English.

Each problem is reported once, at its JSON key path (or CSV line and field),
in the chosen language, with JSON spellings of values; no "Field required"
for left sides that --derive computes, one line for missing left sides
without it; findings of the check before writing name the input's keys,
not the file that was never written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import fxreport
from fxreport.core.identities import IDENTITIES
from reports import DAY2, Run

PYDANTIC = ("Field required", "Input should be", "Extra inputs", "Value error", "validation error",
            "True", "None", "nan")


def _build(run: Run, doc: object, *args: str) -> tuple[int, str]:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    r = run("build", "-", *args, input=text)
    return r.exit_code, r.stderr


def _english_words(line: str) -> list[str]:
    """Latin words left in a Chinese line once keys, field names, values and commands are out."""
    line = re.sub(r"^<標準輸入>：(bank|date)：|\b(true|false|null)\b", "", line)
    line = re.sub(r'"[^"]*"|`[^`]*`|--\w+|\b(row[123])(\.[\w-]+)?|\b[A-Z][A-Z0-9_-]*\b', "", line)
    return re.findall(r"[A-Za-z]{2,}", line.replace("<標準輸入>", "").replace("fxreport", "")
                      .replace("JSON", ""))


def test_input_problems_are_ours_once_each_at_their_keys_in_either_language(run: Run, tmp_path: Path) -> None:
    doc = fxreport.load(DAY2).to_json_dict()
    targets = {i.target for i in IDENTITIES}
    for row in ("row1", "row2", "row3"):
        doc[row] = {k: v for k, v in doc[row].items() if k not in targets}
    doc["row1"].update(AB=True, AS=None)
    doc["row2"]["A_FC1"] = 12.5
    doc["date"] = "2016/12/12"

    code, err = _build(run, doc, "--derive", "-o", str(tmp_path))
    assert code == 1 and list(tmp_path.iterdir()) == []
    lines = err.splitlines()
    assert lines == [
        '<stdin>: date: "2016/12/12" is not a date: write it as ROC 105/12/12 or ISO 2016-12-12',
        "<stdin>: row1.AB: true is not a whole number (amounts are whole thousands of USD)",
        "<stdin>: row1.AS: null is not a whole number (amounts are whole thousands of USD)",
        "<stdin>: row2.A_FC1: 12.5 is not a whole number (amounts are whole thousands of USD)",
        "fxreport: nothing was written",
    ], err
    code, err = _build(run, doc, "--derive", "--lang", "zh-TW", "-o", str(tmp_path))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 5
    assert lines[0] == '<標準輸入>：date："2016/12/12" 不是日期：請寫成民國 105/12/12 或西元 2016-12-12'
    assert lines[1] == "<標準輸入>：row1.AB：true 不是整數（金額為千美元整數）"
    for line in lines:
        assert _english_words(line) == [], line
        assert not any(w in line for w in PYDANTIC), line

    # without --derive: the missing left sides are one line that names them and --derive
    doc = {**doc, "date": "105/12/09", "row1": {**doc["row1"], "AB": 2900, "AS": 3650},
           "row2": {**doc["row2"], "A_FC1": 0}}
    code, err = _build(run, doc, "-o", str(tmp_path))
    assert code == 1 and len(err.splitlines()) == 2, err
    assert "12 left sides of the identities are missing (row1.ACUST, row1.ABAL" in err
    assert "use --derive to compute them" in err and "Field required" not in err

    # the check before writing names the input's keys, not the file that was never written
    full = fxreport.load(DAY2).to_json_dict()
    full["row1"]["ACUST"] = -749
    code, err = _build(run, full, "-o", str(tmp_path / "out"))
    assert code == 1
    assert "<stdin>: row1.ACUST: ARI001 ACUST(spot settled, with customers: net) is -749 but ACUST = AB - AS gives -750" in err
    assert "ABP1209.txt:1:44-53" not in err and "out" not in err.replace("off by", "")
    code, err = _build(run, full, "-o", str(tmp_path / "out"), "--lang", "zh-TW")
    assert "<標準輸入>：row1.ACUST：ARI001 ACUST（[即期已交割部位][與顧客交易] 買賣淨額）為 -749" in err
