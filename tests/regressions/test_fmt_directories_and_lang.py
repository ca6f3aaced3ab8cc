"""Defect 15: `fmt DIR` failed although `check DIR` worked, and fmt had no --lang."""

from __future__ import annotations

import shutil
from pathlib import Path

import fxreport
from reports import DAY1, DAY2, Run


def test_fmt_takes_directories_like_check_and_speaks_chinese(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(DAY1, folder / "ABP1208.txt")
    (folder / "ABP1209.txt").write_bytes(DAY2.read_bytes().replace(b"\r\n", b"\n"))
    (folder / "notes.md").write_text("not a report")
    r = run("fmt", "--check", str(folder), "--lang", "zh-TW")
    assert r.exit_code == 1, r.output
    assert f"{folder / 'ABP1208.txt'}：已是標準格式" in r.stderr
    assert f"{folder / 'ABP1209.txt'}：將會改寫為標準格式" in r.stderr
    assert "notes.md" not in r.output
    r = run("fmt", str(folder))
    assert r.exit_code == 0, r.output
    assert (folder / "ABP1209.txt").read_bytes() == DAY2.read_bytes()
    assert fxreport.load(folder / "ABP1208.txt") == fxreport.load(DAY1)
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run("fmt", str(empty), "--lang", "zh-TW")
    assert r.exit_code == 2 and "此資料夾中沒有 *.txt 檔案" in r.stderr
