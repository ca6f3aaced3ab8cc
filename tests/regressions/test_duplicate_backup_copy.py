"""`ABP1209.txt` beside a backup `ABP1209 - Copy.txt` made the correct report invalid (6.4)."""

from __future__ import annotations

import json
from pathlib import Path

from reports import BYTES1 as DAY1, BYTES2 as DAY2, Run


def test_the_file_with_the_rule_name_is_the_report_and_the_copy_is_the_duplicate(run: Run, tmp_path: Path) -> None:
    (tmp_path / "ABP1208.txt").write_bytes(DAY1)
    (tmp_path / "ABP1209.txt").write_bytes(DAY2)
    (tmp_path / "ABP1209 - Copy.txt").write_bytes(DAY2)
    r = run("check", "--format", "json", str(tmp_path))
    files = {Path(f["path"]).name: f for f in json.loads(r.stdout)["files"]}
    assert files["ABP1209.txt"]["valid"] and files["ABP1209.txt"]["findings"] == []
    copy = files["ABP1209 - Copy.txt"]
    assert sorted(f["code"] for f in copy["findings"]) == ["CNT004", "NAM001"]
    assert "ABP1209.txt" in copy["findings"][0]["message"]


def test_without_one_exact_name_every_duplicate_is_an_error(run: Run, tmp_path: Path) -> None:
    for name in ("ABP1209 (1).txt", "ABP1209 - Copy.txt"):
        (tmp_path / name).write_bytes(DAY2)
    r = run("check", "--format", "json", str(tmp_path))
    for f in json.loads(r.stdout)["files"]:
        assert "CNT004" in [x["code"] for x in f["findings"]]
