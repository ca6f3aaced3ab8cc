"""`show` of a file with errors printed the table and said nothing."""

from __future__ import annotations

from pathlib import Path

from reports import BYTES2 as DAY2, Run, SAMPLES, put


def test_show_names_the_error_codes_on_standard_error(run: Run, tmp_path: Path) -> None:
    p = tmp_path / "ABP1209.txt"
    p.write_bytes(put(DAY2, 1, 44, b"      -749"))
    r = run("show", str(p), "--lang", "en")
    assert r.exit_code == 0 and "ACUST" in r.stdout
    assert "ARI001" in r.stderr and "fxreport check" in r.stderr
    r = run("show", str(tmp_path / "ABP1209.txt"), "--lang", "zh-TW")
    assert "有錯誤（ARI001）" in r.stderr


def test_show_of_a_valid_file_says_nothing_more(run: Run, tmp_path: Path) -> None:
    r = run("show", str(SAMPLES / "ABP1209.txt"))
    assert r.exit_code == 0 and r.stderr == ""
