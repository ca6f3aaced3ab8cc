"""Defect 1: `build --derive` dropped an unknown key inside a row and wrote the amount as 0.

An unknown key is refused with or without --derive, naming the key, the row a
real field belongs to, and the right spelling of a near miss.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reports import DAY2, Run


def _rolled(run: Run) -> dict:
    return json.loads(run("roll", str(DAY2)).stdout)


@pytest.mark.parametrize("derive", [["--derive"], []], ids=["derive", "no-derive"])
def test_unknown_keys_are_refused_with_the_right_name_and_row(run: Run, derive: list[str], tmp_path: Path) -> None:
    doc = _rolled(run)
    del doc["row1"]["Adj-1"]
    doc["row1"]["Adj_1"] = 5  # a near miss of Adj-1
    doc["row1"]["A_FC1"] = 300  # a field of row2 placed under row1
    doc["row3"]["SOMETHING"] = 1
    r = run("build", "-", *derive, "-o", str(tmp_path), input=json.dumps(doc))
    assert r.exit_code == 1, r.output
    assert list(tmp_path.iterdir()) == []
    err = r.stderr
    assert "row1.Adj_1: not a known name; did you mean Adj-1?" in err
    assert "row1.A_FC1: A_FC1 is a field of row2, not of row1: move it into row2" in err
    assert "row3.SOMETHING: not a field of row3" in err
    assert "row1.Adj-1: missing" not in err  # the near miss already says so, once
    assert "nothing was written" in err
