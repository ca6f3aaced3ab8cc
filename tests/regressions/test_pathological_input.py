"""Defect 13: pathological input ended in "internal error" (exit 3).

A 5,000-digit integer, a 300-character output name, JSON nested 100,000 deep,
and NaN/Infinity each get a clear message and exit 1 (an input or a write problem).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fxreport
from reports import DAY2, Run

GOOD = json.dumps(fxreport.load(DAY2).to_json_dict())


@pytest.mark.parametrize("text,args,message", [
    (GOOD.replace('"AB": 2900', '"AB": ' + "9" * 5000), [], "row1.AB: 99999"),
    ("{" + '"a": {' * 100_000, [], "nested too deeply"),
    ("[" * 100_000, [], "must be an object"),
    (GOOD.replace('"AB": 2900', '"AB": NaN'), [], "row1.AB: NaN is not a whole number"),
    (GOOD.replace('"AB": 2900', '"AB": -Infinity'), [], "row1.AB: -Infinity is not a whole number"),
    (GOOD, ["-o", "x" * 300, "--force"], "cannot write"),
    (GOOD, ["-o", "x" * 300 + "/"], "cannot write"),
    (GOOD, ["-o", "x" * 300], "cannot write"),
], ids=["long-int", "deep-object", "deep-array", "nan", "infinity", "long-name-force",
        "long-dir", "long-name"])
def test_pathological_input_gets_a_clear_message(run: Run, text: str, args: list[str], message: str,
                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = run("build", "-", *args, input=text)
    assert r.exit_code == 1, r.output
    assert isinstance(r.exception, SystemExit)
    assert message in r.stderr, r.stderr
    assert "internal error" not in r.stderr and "Traceback" not in r.output
    assert list(tmp_path.iterdir()) == []
    r = run("roll", str(DAY2), "-o", "y" * 300)
    assert r.exit_code == 1 and "cannot write" in r.stderr
