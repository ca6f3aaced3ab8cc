"""Defect 19 (part): roll's hand-written carry of A_OPTION was untested."""

from __future__ import annotations

import json
from pathlib import Path

import fxreport
from reports import DAY2, Run, derive


def test_roll_carries_a_option(run: Run, tmp_path: Path) -> None:
    report = fxreport.load(DAY2)
    amounts = {k: v for k, v in report.amounts().items() if k != "POS"}
    amounts["A_OPTION"] = 123
    prev = fxreport.Report.from_amounts(report.bank, report.date, derive(amounts))
    path = fxreport.dump(prev, tmp_path)
    r = run("roll", str(path))
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["row3"]["A_OPTION"] == 123
