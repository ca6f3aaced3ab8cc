"""CSV as spreadsheets export it: accounting negatives, whole-number decimals, a dash for zero."""

from __future__ import annotations

from pathlib import Path

import pytest

import fxreport
from fxreport.formats.csv_input import csv_amount
from reports import DAY2, Run, csv_with

BAL_LINE, AB_LINE = 4, 5  # header, BANK, DATE, then BAL, AB, ...


@pytest.mark.parametrize("text,value", [
    ("1800", 1800), ("-1800", -1800), ("+1800", 1800), ("1,800", 1800), (" 1,800 ", 1800),
    ("1,800.00", 1800), ("1800.0", 1800), ("(1,800)", -1800), ("( 1,800.00 )", -1800),
    ("(0)", 0), ("-", 0), (" - ", 0), ("0", 0), ("-0", 0),
])
def test_spreadsheet_forms_are_read(text: str, value: int) -> None:
    assert csv_amount(text) == value


@pytest.mark.parametrize("text,key", [
    ("", "csv_empty"), ("   ", "csv_empty"),
    ("1,800.50", "csv_fraction"), ("12.5", "csv_fraction"), ("(3.25)", "csv_fraction"),
    ("abc", "csv_not_number"), ("1 800", "csv_not_number"), ("(-1,800)", "csv_not_number"),
    ("1800-", "csv_not_number"), ("--", "csv_not_number"), ("１８００", "csv_not_number"),
    ("$1,800", "csv_not_number"), ("1e3", "csv_not_number"), ("()", "csv_not_number"),
])
def test_what_is_not_a_whole_number_is_named(text: str, key: str) -> None:
    assert csv_amount(text) == key


def test_accounting_forms_build_the_same_file(run: Run, sample_csv: bytes, tmp_path: Path) -> None:
    report = fxreport.load(DAY2)
    data = csv_with(sample_csv, BAL_LINE, f'"{report["BAL"]:,}.00"')
    r = run("build", "-", "-o", str(tmp_path), input=data)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "ABP1209.txt").read_bytes() == DAY2.read_bytes()


def test_a_negative_in_parentheses_and_a_dash_for_zero(run: Run, sample_csv: bytes, tmp_path: Path) -> None:
    lines = sample_csv.decode("utf-8-sig").split("\r\n")
    out = []
    for line in lines:
        cells = line.split(",")
        if len(cells) == 6 and cells[3] == "ACUST":  # -750
            cells[5] = '"(750)"'
        if len(cells) == 6 and cells[3] == "Adj-1":  # 0
            cells[5] = " - "
        out.append(",".join(cells))
    r = run("build", "-", "-o", str(tmp_path), input="\r\n".join(out).encode())
    assert r.exit_code == 0, r.output
    assert (tmp_path / "ABP1209.txt").read_bytes() == DAY2.read_bytes()


@pytest.mark.parametrize("lang,cell,words", [
    ("en", '"1,800.50"', 'line 5 (row1.AB): "1,800.50" is not a whole number; amounts are whole'),
    ("zh-TW", '"1,800.50"', '第 5 行（row1.AB）："1,800.50" 不是整數'),
    ("en", "", "line 5 (row1.AB): the value is empty; fill in a whole number"),
    ("zh-TW", "", "第 5 行（row1.AB）：金額未填"),
    ("en", "1.8k", 'line 5 (row1.AB): "1.8k" is not a whole number; write e.g.'),
])
def test_refusals_name_the_line_and_field(run: Run, sample_csv: bytes, lang: str, cell: str, words: str, tmp_path: Path) -> None:
    r = run("build", "-", "-o", str(tmp_path), "--lang", lang, input=csv_with(sample_csv, AB_LINE, cell))
    assert r.exit_code == 1
    assert words in r.stderr, r.stderr
    assert ("nothing was written" if lang == "en" else "未寫入任何檔案") in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_other_csv_problems_keep_their_lines(run: Run, sample_csv: bytes, tmp_path: Path) -> None:
    text = sample_csv.decode("utf-8-sig")
    lines = text.split("\r\n")
    lines.insert(4, lines[3])  # BAL (line 4) again on line 5
    lines.append("1,1,4,BOGUS,x,1")
    lines.append("1,2")
    r = run("build", "-", "-o", str(tmp_path), input="\r\n".join(lines).encode())
    assert r.exit_code == 1
    assert "line 5: BAL is given twice (also on line 4)" in r.stderr
    assert "line 43 (BOGUS): not a field of the report" in r.stderr and "expected 6 cells, found 2" in r.stderr
    r = run("build", "-", "-o", str(tmp_path), input=b"a,b\r\n")
    assert r.exit_code == 1 and "line 1: the CSV header must be row,start,end,name,label,value" in r.stderr
