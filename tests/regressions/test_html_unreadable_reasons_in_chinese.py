"""Issue 16.4: the zh-TW HTML report printed English reasons for paths it could not read."""

from __future__ import annotations

from pathlib import Path

from reports import DAY2, Run


def test_unreadable_paths_have_chinese_reasons(run: Run, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    r = run("check", str(DAY2), str(tmp_path / "missing.txt"),
            str(tmp_path / "empty"), "--format", "html", "--lang", "zh-TW")
    assert r.exit_code == 2
    html = r.stdout
    assert "找不到此檔案或資料夾" in html and "此資料夾中沒有 *.txt 檔案" in html
    assert "no such file" not in html.lower() and "no *.txt files" not in html
