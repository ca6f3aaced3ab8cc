"""`check samples/ samples/ABP1209.txt` made the file a duplicate of itself (issue 17 item 4,
FORMAT.md 7.2): one file named twice is checked and listed once; uploads too."""

from __future__ import annotations

import json
import os
from pathlib import Path

from fxreport.checking.pipeline import check_contents
from reports import BYTES1, BYTES2, Run


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "ABP1208.txt").write_bytes(BYTES1)
    (tmp_path / "s" / "ABP1209.txt").write_bytes(BYTES2)
    return tmp_path / "s"


def test_a_folder_and_a_file_in_it(run: Run, tmp_path: Path) -> None:
    s = _folder(tmp_path)
    for extra in (str(s / "ABP1209.txt"), os.path.join(str(s), ".", "ABP1209.txt"), str(s)):
        r = run("check", "--format", "json", str(s), extra)
        out = json.loads(r.stdout)
        assert r.exit_code == 0, out
        assert len(out["files"]) == 2 and all(f["findings"] == [] for f in out["files"])


def test_the_same_path_twice(run: Run, tmp_path: Path) -> None:
    s = _folder(tmp_path)
    day = str(s / "ABP1209.txt")
    r = run("check", "--format", "json", day, day)
    assert r.exit_code == 0 and len(json.loads(r.stdout)["files"]) == 1


def test_a_copy_is_still_a_duplicate(run: Run, tmp_path: Path) -> None:
    s = _folder(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "ABP1209.txt").write_bytes(BYTES2)
    r = run("check", "--format", "json", str(s), str(tmp_path / "other"))
    assert r.exit_code == 1
    codes = [x["code"] for f in json.loads(r.stdout)["files"] for x in f["findings"]]
    assert codes.count("CNT004") == 2


def test_uploads_with_the_same_name_and_bytes_are_one_file() -> None:
    out = check_contents([("ABP1209.txt", BYTES2), ("ABP1209.txt", BYTES2), ("ABP1208.txt", BYTES1)])
    assert [r.path for r in out.reports] == ["ABP1208.txt", "ABP1209.txt"]
    assert not any(r.findings for r in out.reports)
    # the same name with other bytes stays two files, and two reports of one date
    out = check_contents([("ABP1209.txt", BYTES2), ("ABP1209.txt", BYTES2.replace(b"  2900", b"  2901"))])
    assert len(out.reports) == 2
