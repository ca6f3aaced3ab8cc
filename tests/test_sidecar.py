"""The limits and verified files (FORMAT.md 7.5, 7.6, 7.9): their readers, the usage
errors that name line and column in the chosen language, and the same files through the
server as uploads or text."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

from fxreport.checking.pipeline import CheckOptions, check_contents
from fxreport.checking.sidecar import SidecarError, read_limits, read_verified

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from fxreport.server.app import create_app  # noqa: E402
from reports import NEGATIVE as NEGATIVE_FILE, Run

NEGATIVE = NEGATIVE_FILE.read_bytes()
HEADER = "BANK,DATE,CODE,FIELD,NOTE\r\n"


@pytest.mark.parametrize("data", [
    b'BANK,POS,SPOT\r\nABCD,"1,800",\r\n',
    '\ufeffBANK,POS,SPOT\nABCD,1800,\n'.encode("utf-8"),
    'BANK, POS ,SPOT\r\n\r\nABCD, 1800 ,\r\n,,\r\n'.encode("cp950"),
])
def test_limits_in_every_encoding_and_form(data: bytes) -> None:
    assert read_limits(data, "l.csv") == {"ABCD": {"POS": 1800}}


@pytest.mark.parametrize("data,line,column,en,zh", [
    (b"BANK,POS\nABCD,0\n", 2, 2, "'0' is not a limit", "「0」不是有效的限額"),
    (b"BANK,POS\nABCD,-5\n", 2, 2, "'-5' is not a limit", "「-5」"),
    (b"BANK,POS\nABCD,12.5\n", 2, 2, "not a limit", "不是有效的限額"),
    (b"BANK,POS\nABCD,(5)\n", 2, 2, "not a limit", "不是有效的限額"),
    (b"BANK,POS\nABCD,1000000000\n", 2, 2, "not a limit", "不是有效的限額"),
    (b"BANK,POS,POS\n", 1, 3, "POS is given twice", "「POS」重複出現"),
    (b"BANK,Adj1\n", 1, 2, "'Adj1' is not the annex's name", "不是附件中 S9(9) 金額欄位的名稱"),
    (b"BANK,AFS\n", 1, 2, "not the annex's name", "S9(9)"),
    (b"BANK,POS\nABCD,1\nABCD,2\n", 3, 1, "firm ABCD is given twice (first on line 2)", "第一次在第 2 行"),
    (b"BANK,POS\nabcd,1\n", 2, 1, "not a firm code", "不是證券商英文字軌"),
    (b"BANK,POS\nABCD,1,2\n", 2, 3, "the line has 3 cells", "此行有 3 欄"),
    (b"FIRM,POS\n", 1, 1, "not BANK", "應為 BANK"),
])
def test_a_malformed_limits_file_names_line_and_column(data: bytes, line: int, column: int,
                                                       en: str, zh: str) -> None:
    with pytest.raises(SidecarError) as caught:
        read_limits(data, "l.csv")
    e = caught.value
    assert (e.line, e.column) == (line, column)
    assert f"line {line}, column {column}" in e.message("en") and en in e.message("en")
    assert f"第 {line} 行第 {column} 欄" in e.message("zh-TW") and zh in e.message("zh-TW")


def test_verified_lines_read_roc_and_iso_dates_and_refuse_format_rules() -> None:
    lines = read_verified((HEADER + "ABCD,105/12/09,qua001,ABAL_UNB,對方延遲交割\r\n"
                           "ABCD,2016-12-09,QUA002,,holiday rush\r\n").encode("cp950"), "v.csv")
    assert [(v.line, v.date, v.code, v.field) for v in lines] == [
        (2, dt.date(2016, 12, 9), "QUA001", "ABAL_UNB"), (3, dt.date(2016, 12, 9), "QUA002", "")]
    for bad, column in (("ABCD,105/12/09,ARI001,ACUST,x", 3), ("ABCD,105/12/09,CNT001,BAL,x", 3),
                        ("ABCD,105/02/30,QUA001,ABAL_UNB,x", 2), ("ABCD,105/12/09,QUA001,ABAL_UNB,", 5),
                        ("ABCD,105/12/09,QUA001,NOPE,x", 4), ("ABCD,105/12/09,XYZ999,,x", 3)):
        with pytest.raises(SidecarError) as caught:
            read_verified((HEADER + bad + "\r\n").encode(), "v.csv")
        assert (caught.value.line, caught.value.column) == (2, column), bad


def _run(run: Run, tmp_path: Path, *args: str) -> object:
    (tmp_path / "ABP1209.txt").write_bytes(NEGATIVE)
    return run("check", str(tmp_path / "ABP1209.txt"), *args)


def test_cli_usage_errors_in_the_chosen_language(run: Run, tmp_path: Path) -> None:
    (tmp_path / "l.csv").write_bytes(b"BANK,POS\r\nABCD,1.5\r\n")
    r = _run(run, tmp_path, "--limits", str(tmp_path / "l.csv"))
    assert r.exit_code == 2 and "line 2, column 2" in r.stderr and not r.stdout
    r = _run(run, tmp_path, "--limits", str(tmp_path / "l.csv"), "--lang", "zh-TW")
    assert r.exit_code == 2 and "第 2 行第 2 欄" in r.stderr and r.stderr.startswith("fxreport：--limits：")
    (tmp_path / "v.csv").write_bytes((HEADER + "ABCD,105/12/09,RSV001,AFS,x\r\n").encode())
    r = _run(run, tmp_path, "--verified", str(tmp_path / "v.csv"))
    assert r.exit_code == 2 and "fixed, not verified" in r.stderr
    r = _run(run, tmp_path, "--verified", str(tmp_path / "missing.csv"))
    assert r.exit_code == 2 and "missing.csv" in r.stderr


def test_strict_and_stale_lines(run: Run, tmp_path: Path) -> None:
    (tmp_path / "v.csv").write_bytes((HEADER + "ABCD,105/12/09,QUA001,ABAL_UNB,booked early\r\n"
                                      "ABCD,105/12/09,QUA003,AB,never found\r\n"
                                      "ABCD,105/12/12,QUA003,AB,another day: out of scope\r\n").encode())
    r = _run(run, tmp_path, "--verified", str(tmp_path / "v.csv"), "--strict", "--format", "json")
    out = json.loads(r.stdout)
    assert r.exit_code == 0 and out["summary"]["verified"] == 1
    assert out["files"][0]["findings"][0]["verified"] == {"note": "booked early"}
    assert out["stale_verified"] == [{"line": 3, "bank": "ABCD", "date": "2016-12-09",
                                      "code": "QUA003", "field": "AB"}]
    assert "line 3" in r.stderr and "line 4" not in r.stderr
    text = _run(run, tmp_path, "--verified", str(tmp_path / "v.csv"))
    assert "    verified: booked early" in text.stdout and "; 1 verified" in text.stdout
    assert _run(run, tmp_path, "--strict").exit_code == 1  # without the note the warning fails


def test_library_options() -> None:
    lines = read_verified((HEADER + "ABCD,105/12/09,LIM001,POS,approved\r\n").encode(), "v")
    outcome = check_contents([("ABP1209.txt", NEGATIVE)],
                             CheckOptions(limits={"ABCD": {"POS": 100}}, verified=tuple(lines), strict=True))
    codes = {f.code: f.verified for f in outcome.reports[0].findings}
    assert codes == {"QUA001": None, "LIM001": "approved"}
    assert outcome.exit_status() == 1  # QUA001 is not verified


@pytest.mark.parametrize("as_file", [True, False])
def test_server_takes_both_as_files_or_text(as_file: bool) -> None:
    client = TestClient(create_app())
    limits = 'BANK,POS\r\nABCD,"1,800"\r\n'.encode("cp950")
    verified = (HEADER + "ABCD,105/12/09,QUA001,ABAL_UNB,交割提前入帳\r\n").encode("cp950")
    files: list = [("files", ("ABP1209.txt", NEGATIVE))]
    data = {"strict": "true"}
    if as_file:
        files += [("limits", ("limits.csv", limits)), ("verified", ("verified.csv", verified))]
    else:
        data.update(limits=limits.decode("cp950"), verified=verified.decode("cp950"))
    r = client.post("/api/check", files=files, data=data)
    assert r.status_code == 200, r.text
    found = {f["code"]: f["verified"] for f in r.json()["files"][0]["findings"]}
    assert found == {"QUA001": {"note": "交割提前入帳"}, "LIM001": None}
    assert r.headers["Fxreport-Exit-Status"] == "1"  # LIM001 is not verified
    bad = client.post("/api/check", files=[("files", ("ABP1209.txt", NEGATIVE))],
                      data={"limits": "BANK,POS\nABCD,0\n", "lang": "zh-TW"})
    assert bad.status_code == 422 and "第 2 行第 2 欄" in bad.json()["detail"]
