"""Defect 3: `dump`/`dumps` wrote reports whose identities fail.

They check first and raise ReportInvalidError (row, columns, field, message)
unless `check=False`; dump, build and roll --write write through one function,
`fxreport.policy.writing.write_report`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import os

import pytest

import fxreport
from fxreport.policy import writing
from reports import DAY2, Run


def test_dump_and_dumps_refuse_a_report_that_check_finds_errors_in(run: Run, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    good = fxreport.load(DAY2)
    bad = good.model_copy(update={"row1": good.row1.model_copy(update={"acust": 1})})
    with pytest.raises(fxreport.ReportInvalidError) as caught:
        fxreport.dumps(bad)
    (f,) = [x for x in caught.value.findings if x.code == "ARI001"]
    assert (f.row, f.start, f.end, f.field_name) == (1, 44, 53, "ACUST")
    assert "row 1 columns 44-53: [ARI001] ACUST(spot settled, with customers: net) is 1" in str(caught.value)
    with pytest.raises(fxreport.ReportInvalidError):
        fxreport.dump(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert fxreport.loads(fxreport.dumps(bad, check=False)) == bad  # the caller's choice
    with pytest.raises(writing.WriteRefused):  # the naming rule, as for build -o FILE
        fxreport.dump(good, tmp_path / "other.txt")

    calls: list[Any] = []
    real = writing.write_report

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(writing, "write_report", spy)
    assert fxreport.dump(good, tmp_path) == tmp_path / "ABP1209.txt"
    shown = run("show", str(DAY2), "--format", "json").stdout
    (tmp_path / "b").mkdir()
    assert run("build", "-", "-o", str(tmp_path / "b"), input=shown).exit_code == 0
    assert run("roll", str(DAY2), "--write", str(tmp_path)).exit_code == 0
    assert calls == [tmp_path, str(tmp_path / "b"), str(tmp_path) + os.sep]  # --write: a folder
