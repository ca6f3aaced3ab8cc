"""With --strict and only a warning the summary said "1 valid, 0 INVALID" and the exit
status was 1 (issue 17 item 12): the summary states the verdict that decides it."""

from __future__ import annotations

from pathlib import Path

from reports import BYTES2, Run


def test_strict_summary(run: Run, tmp_path: Path) -> None:
    (tmp_path / "abp1209.txt").write_bytes(BYTES2)  # NAM002: a warning only
    r = run("check", "--strict", str(tmp_path / "abp1209.txt"))
    assert r.exit_code == 1
    last = r.stdout.strip().splitlines()[-1]
    assert "0 pass, 1 FAIL with --strict" in last, last
    r = run("check", "--strict", "--lang", "zh-TW", str(tmp_path / "abp1209.txt"))
    assert "0 個通過、1 個不通過" in r.stdout.strip().splitlines()[-1]
    r = run("check", str(tmp_path / "abp1209.txt"))
    assert r.exit_code == 0 and "1 valid, 0 INVALID" in r.stdout
