"""Issue 17.19: CSV with bare-CR line ends and a cell over 131,072 characters ended in
"internal error", exit 3: every csv.Error is an input problem with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports import DAY2, Run


def test_bare_cr_line_ends_are_read(run: Run, sample_csv: bytes, tmp_path: Path) -> None:
    src = tmp_path / "mac.csv"
    src.write_bytes(sample_csv.decode("utf-8-sig").replace("\r\n", "\r").encode("utf-8"))
    r = run("build", str(src), "-o", str(tmp_path) + "/")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "ABP1209.txt").read_bytes() == DAY2.read_bytes()


@pytest.mark.parametrize("text, words", [
    ("row,start,end,name,label,value\r\n1,14,23,BAL,x," + "9" * 140_000 + "\r\n",
     "longer than 131,072 characters"),
    ('row,start,end,name,label,value\r\n1,14,23,BAL,"x\r\n', None),
    ("row,start,end,name,label,value\r\n1,14,23,BAL,x,1\x00\r\n", "is not a whole number"),
])
def test_what_csv_refuses_is_an_input_problem(run: Run, text: str, words: str | None,
                                              tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text(text, encoding="utf-8")
    for lang in ("en", "zh-TW"):
        r = run("build", str(src), "-o", str(tmp_path) + "/", "--lang", lang)
        assert r.exit_code == 1, r.output
        assert "internal error" not in r.stderr and "Traceback" not in r.output
        assert isinstance(r.exception, SystemExit)
    if words:
        r = run("build", str(src), "-o", str(tmp_path) + "/")
        assert words in r.stderr, r.stderr
