"""Defect 19 (part): the CSV reader's check for a field given twice had no test."""

from __future__ import annotations

from pathlib import Path

from reports import Run


def test_a_csv_field_given_twice_is_refused_naming_both_lines(run: Run, sample_csv: bytes, tmp_path: Path) -> None:
    text = sample_csv.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[4].startswith("1,24,33,AB,")
    lines.insert(9, lines[4].replace(",2900", ",0"))
    r = run("build", "-", "-o", str(tmp_path), input="\r\n".join(lines))
    assert r.exit_code == 1, r.output
    assert "<stdin>: line 10: AB is given twice (also on line 5)" in r.stderr
    assert list(tmp_path.iterdir()) == []
    r = run("build", "-", "-o", str(tmp_path), "--lang", "zh-TW", input="\r\n".join(lines))
    assert "<標準輸入>：第 10 行：AB 重複出現（另見第 5 行）" in r.stderr
