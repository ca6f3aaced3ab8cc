"""Deleting the CNT002 "previous report unreadable" finding went unnoticed by the suite."""

from __future__ import annotations

import json
from pathlib import Path

from reports import BYTES1 as DAY1, BYTES2 as DAY2, Run, put


def test_a_previous_report_whose_firm_or_date_cannot_be_read_is_cnt002(run: Run, tmp_path: Path) -> None:
    prev = tmp_path / "prev.txt"
    prev.write_bytes(put(DAY1, 1, 5, b"105/13/08"))
    today = tmp_path / "ABP1209.txt"
    today.write_bytes(DAY2)
    r = run("check", "--format", "json", "--lang", "zh-TW", str(today),
            "--previous", str(prev))
    (f,) = json.loads(r.stdout)["files"][0]["findings"]
    assert f["code"] == "CNT002" and "無法讀取前一份申報" in f["message"]
    assert r.exit_code == 1
