"""show, build, roll, fmt and schema: the back office's side."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings

import fxreport
from fxreport.core.model import Report
from reports import DAY1, DAY2, Run, csv_with, listing, put, valid_reports




@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("sample", [DAY1, DAY2], ids=lambda p: p.name)
def test_show_then_build_gives_the_canonical_bytes_back(run: Run, fmt: str, sample: Path, tmp_path: Path) -> None:
    shown = run("show", str(sample), "--format", fmt)
    assert shown.exit_code == 0
    src = tmp_path / f"in.{fmt}"
    src.write_bytes(shown.stdout_bytes)
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(src), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert (out / sample.name).read_bytes() == sample.read_bytes()


def test_show_then_build_canonicalises_other_styles(run: Run, tmp_path: Path) -> None:
    zero = tmp_path / "z" / "ABP1209.txt"
    zero.parent.mkdir()
    zero.write_bytes(fxreport.dumps(fxreport.load(DAY2), sign_style="zero-fill", newline="lf")[:-1])
    shown = run("show", str(zero), "--format", "json").stdout
    r = run("build", "-", "-o", str(tmp_path), input=shown)
    assert r.exit_code == 0
    assert (tmp_path / "ABP1209.txt").read_bytes() == DAY2.read_bytes()


@settings(max_examples=25, deadline=None)
@given(valid_reports())
def test_json_and_csv_views_round_trip_any_valid_report(report: Report) -> None:
    from fxreport.formats.sniff import read_build_input
    from fxreport.formats.csv_input import csv_text
    from fxreport.policy.making import make_report

    for data in (json.dumps(report.to_json_dict()).encode(), ("\ufeff" + csv_text(report, "zh-TW")).encode()):
        got = read_build_input("<input>", data)
        assert make_report(got.doc, where=got.where) == report


def test_csv_opens_cleanly_in_excel_terms(run: Run) -> None:
    r = run("show", str(DAY2), "--format", "csv", "--lang", "zh-TW")
    assert r.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.stdout_bytes[3:].decode("utf-8"))))
    assert rows[0] == ["row", "start", "end", "name", "label", "value"]
    assert rows[1] == ["1", "1", "4", "BANK", "證券商英文字軌", "ABCD"]
    assert rows[2][3:] == ["DATE", "部位資料日期", "105/12/09"]
    assert ["1", "44", "53", "ACUST", "[即期已交割部位][與顧客交易] 買賣淨額", "-750"] in rows
    assert len(rows) == 1 + 2 + 37


def test_show_table_has_both_labels_and_thousands_separators(run: Run) -> None:
    out = run("show", str(DAY2)).stdout
    assert "即期部位" in out and "spot position" in out
    line = next(x for x in out.splitlines() if " BAL " in x)
    assert "前日部位" in line and "prior-day position" in line and line.rstrip().endswith("12,508")
    assert "[即期未交割部位][本日訂約]" in out


def test_show_ruler_works_on_broken_files(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_bytes(DAY2.read_bytes().replace(b"   \r\n", b"\r\n", 1))
    r = run("show", "--ruler", str(bad))
    assert r.exit_code == 0
    assert "row 1, 210 bytes (a record is 213" in r.stdout
    assert "|BAL      |AB       |AS" in r.stdout
    r = run("show", str(bad))
    assert r.exit_code == 1 and "STR003" in r.stderr and "--ruler" in r.stderr


def test_derive_computes_left_sides_and_names_both_numbers_on_conflict(run: Run, tmp_path: Path) -> None:
    doc = fxreport.load(DAY2).to_json_dict()
    from fxreport.core.identities import IDENTITIES

    targets = {i.target for i in IDENTITIES}
    for row in ("row1", "row2", "row3"):
        doc[row] = {k: v for k, v in doc[row].items() if k not in targets}
    r = run("build", "-", "--derive", "-o", str(tmp_path), input=json.dumps(doc))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "ABP1209.txt").read_bytes() == DAY2.read_bytes()
    doc["row1"]["ACUST"] = -749
    r = run("build", "-", "--derive", "-o", str(tmp_path / "new"), input=json.dumps(doc))
    assert r.exit_code == 1
    assert "row1.ACUST: given as -749 but ACUST = AB - AS gives -750" in r.stderr


BASE = fxreport.load(DAY2).to_json_dict()


def _with(path: str, value: object) -> str:
    doc = json.loads(json.dumps(BASE))
    *head, last = path.split(".")
    node = doc
    for key in head:
        node = node[key]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return json.dumps(doc)


@pytest.mark.parametrize("text,where", [
    ("{not json", "line 1 column 2"),
    ("[1, 2]", "input"),
    ("", "input"),
    (_with("row1.ACUST", KeyError), "row1.ACUST"),
    (_with("row1.BOGUS", 1), "row1.BOGUS"),
    (_with("extra", 1), "extra"),
    (_with("row1.AB", "2900"), "row1.AB"),
    (_with("row1.AB", 29.5), "row1.AB"),
    (_with("row2.A_FC1", 1_000_000_000), "row2.A_FC1"),
    (_with("bank", "abcd"), "bank"),
    (_with("bank", "ABCDE"), "bank"),
    (_with("bank", 1234), "bank"),
    (_with("date", "105/02/30"), "date"),
    (_with("date", "1911-12-31"), "date"),
    (_with("date", 20161209), "date"),
])
def test_bad_json_input_writes_nothing_and_says_where(run: Run, text: str, where: str, tmp_path: Path) -> None:
    r = run("build", "-", "-o", str(tmp_path), input=text)
    assert r.exit_code == 1, r.output
    assert f": {where}" in r.stderr, r.stderr
    assert "nothing was written" in r.stderr
    assert listing(tmp_path) == []


@pytest.mark.parametrize("line,value,message", [
    (4, "abc", 'line 4 (row1.BAL): "abc" is not a whole number'),
    (5, "12.5", 'line 5 (row1.AB): "12.5" is not a whole number; amounts are whole thousands'),
    (6, "", "line 6 (row1.AS): the value is empty; fill in a whole number"),
    (2, "ab", "line 2 (bank)"),
    (3, "2016/13/01", "line 3 (date)"),
    (7, "1000000000", "line 7 (row1.ACUST)"),
])
def test_bad_csv_cells_are_reported_by_line(run: Run, sample_csv: bytes, line: int, value: str, message: str, tmp_path: Path) -> None:
    r = run("build", "-", "-o", str(tmp_path), input=csv_with(sample_csv, line, value))
    assert r.exit_code == 1
    assert message in r.stderr, r.stderr
    assert listing(tmp_path) == []


def test_csv_with_thousands_separators_is_read(run: Run, sample_csv: bytes, tmp_path: Path) -> None:
    r = run("build", "-", "-o", str(tmp_path), input=csv_with(sample_csv, 4, '"12,508"'))
    assert r.exit_code == 0, r.stderr


def test_errors_found_by_check_block_the_write(run: Run, tmp_path: Path) -> None:
    r = run("build", "-", "-o", str(tmp_path), input=_with("row1.ACUST", -749))
    assert r.exit_code == 1
    assert "ARI001" in r.stderr and "nothing was written" in r.stderr
    assert listing(tmp_path) == []


def test_warnings_are_printed_but_do_not_block(run: Run, tmp_path: Path) -> None:
    r = run("build", "-", "-o", str(tmp_path), input=_with("row3.POS", 10_400))
    assert r.exit_code == 0
    assert "ARI012" in r.stderr
    assert listing(tmp_path) == ["ABP1209.txt"]


def test_output_names_and_overwrites(run: Run, tmp_path: Path) -> None:
    doc = json.dumps(BASE)
    assert run("build", "-", "-o", str(tmp_path), input=doc).exit_code == 0
    before = (tmp_path / "ABP1209.txt").read_bytes()
    r = run("build", "-", "-o", str(tmp_path), input=doc, )
    assert r.exit_code == 2 and "exists and was not replaced; use --force" in r.stderr
    r = run("build", "-", "-o", str(tmp_path / "other.txt"), input=doc)
    assert r.exit_code == 1 and "breaks the naming rule" in r.stderr
    assert listing(tmp_path) == ["ABP1209.txt"]
    r = run("build", "-", "-o", str(tmp_path / "other.txt"), "--force", input=doc)
    assert r.exit_code == 0 and "warning" in r.stderr
    r = run("build", "-", "-o", str(tmp_path), "--force", "--newline", "lf", input=doc)
    assert r.exit_code == 0
    assert (tmp_path / "ABP1209.txt").read_bytes() == before.replace(b"\r\n", b"\n")
    r = run("build", "-", "-o", str(tmp_path / "ABP1209.txt"), "--force", input=doc)
    assert (tmp_path / "ABP1209.txt").read_bytes() == before


def test_roll_then_build_derive_passes_check_previous(run: Run, tmp_path: Path) -> None:
    r = run("roll", str(DAY2))
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["date"] == "105/12/12"  # Friday 12/09 -> Monday 12/12
    assert doc["row1"]["BAL"] == 12176 and doc["row1"]["AB"] == 0 and "ACUST" not in doc["row1"]
    doc["row1"].update(AB=1800, AS=950)
    doc["row3"].update(A_SWC1=300)
    r = run("build", "-", "--derive", "-o", str(tmp_path), input=json.dumps(doc))
    assert r.exit_code == 0, r.stderr
    r = run("check", str(tmp_path / "ABP1212.txt"), "--previous", str(DAY2), "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["files"][0]["findings"] == []


@pytest.mark.parametrize("date", ["105/12/13", "2016-12-13"])
def test_roll_date_accepts_roc_and_iso(run: Run, date: str) -> None:
    assert json.loads(run("roll", str(DAY2), "--date", date).stdout)["date"] == "105/12/13"


def test_roll_default_date_skips_holidays_and_closed_days(run: Run, tmp_path: Path) -> None:
    src = tmp_path / "ABP0929.txt"  # 2016-09-29 (Thu); 09-30 was not a holiday
    src.write_bytes(fxreport.dumps(fxreport.load(DAY2).model_copy(update={"date": __import__("datetime").date(2016, 9, 29)})))
    assert json.loads(run("roll", str(src)).stdout)["date"] == "105/09/30"
    closed = tmp_path / "typhoon.txt"
    closed.write_text("2016-09-30\n")
    assert json.loads(run("roll", str(src), "--closed-days", str(closed)).stdout)["date"] == "105/10/03"
    src2 = tmp_path / "ABP0930.txt"  # 2016-10-10 is National Day
    src2.write_bytes(fxreport.dumps(fxreport.load(DAY2).model_copy(update={"date": __import__("datetime").date(2016, 10, 7)})))
    assert json.loads(run("roll", str(src2)).stdout)["date"] == "105/10/11"


def test_roll_write_makes_the_no_activity_file(run: Run, tmp_path: Path) -> None:
    r = run("roll", str(DAY2), "--write", str(tmp_path))
    assert r.exit_code == 0, r.stderr
    made = fxreport.load(tmp_path / "ABP1212.txt")
    prev = fxreport.load(DAY2)
    assert made["BAL"] == prev["ABAL"] and made["ABAL"] == prev["ABAL"] and made["AB"] == 0
    r = run("check", str(DAY2), str(tmp_path / "ABP1212.txt"))
    assert r.exit_code == 0, r.stdout
    assert run("roll", str(DAY2), "--write", str(tmp_path)).exit_code == 2  # exists (FORMAT.md 7.9)


def test_roll_refuses_bad_dates_and_bad_files(run: Run, tmp_path: Path) -> None:
    assert run("roll", str(DAY2), "--date", "105/12/09").exit_code == 2
    assert run("roll", str(DAY2), "--date", "tomorrow").exit_code == 2
    bad = tmp_path / "ABP1209.txt"
    bad.write_bytes(put(DAY2.read_bytes(), 1, 24, b"x"))
    r = run("roll", str(bad))
    assert r.exit_code == 1 and "FLD003" in r.stderr
    assert run("roll", str(tmp_path / "missing.txt")).exit_code == 2


def test_fmt_rewrites_only_what_changes_and_keeps_values(run: Run, tmp_path: Path) -> None:
    z = tmp_path / "ABP1209.txt"
    z.write_bytes(fxreport.dumps(fxreport.load(DAY2), sign_style="zero-fill", newline="lf"))
    os.chmod(z, 0o640)
    ok = tmp_path / "ABP1208.txt"
    ok.write_bytes(DAY1.read_bytes())
    bad = tmp_path / "bad.txt"
    bad_bytes = put(DAY2.read_bytes(), 1, 64, b"0")
    bad.write_bytes(bad_bytes)
    r = run("fmt", "--check", str(z), str(ok))
    assert r.exit_code == 1 and "would be reformatted" in r.stderr
    assert z.read_bytes() != DAY2.read_bytes()
    r = run("fmt", str(z), str(ok), str(bad))
    assert r.exit_code == 1
    assert z.read_bytes() == DAY2.read_bytes()
    assert stat.S_IMODE(z.stat().st_mode) == 0o640
    assert ok.read_bytes() == DAY1.read_bytes() and "already canonical" in r.stderr
    assert bad.read_bytes() == bad_bytes and "left untouched" in r.stderr
    assert run("fmt", "--check", str(z)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ABP1208.txt", "ABP1209.txt", "bad.txt"]


def test_fmt_through_a_symlink_keeps_the_link(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(DAY2.read_bytes().replace(b"\r\n", b"\n"))
    link = tmp_path / "ABP1209.txt"
    link.symlink_to(real)
    assert run("fmt", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_bytes() == DAY2.read_bytes()


def test_schema_describes_labels_and_widths(run: Run) -> None:
    r = run("schema")
    schema = json.loads(r.stdout)
    row1 = schema["$defs"]["Row1"]
    acust = row1["properties"]["ACUST"]
    assert "買賣淨額" in acust["description"] and "10 bytes" in acust["description"]
    assert acust["minimum"] == -999_999_999 and acust["maximum"] == 999_999_999
    assert "AB" in row1["required"] and "ACUST" not in row1["required"] and row1["additionalProperties"] is False
    assert set(schema["properties"]) == {"bank", "date", "row1", "row2", "row3"}
    assert set(BASE["row1"]) == set(row1["properties"])
