"""Defect 11: `roll -o -` wrote a file named `-`; status lines went to standard output.

`-` is standard output; `wrote ...` lines go to standard error for build, roll and fmt.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reports import DAY2, Run


def test_dash_is_standard_output_and_status_lines_go_to_stderr(run: Run, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = run("roll", str(DAY2), "-o", "-")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["date"] == "105/12/12"
    assert os.listdir(tmp_path) == []
    r = run("roll", str(DAY2), "-o", "today.json")
    assert r.exit_code == 0 and r.stdout == "" and "wrote today.json" in r.stderr
    r = run("build", "today.json", "--derive", "-o", "-")
    assert r.exit_code == 0 and r.stdout_bytes.startswith(b"ABCD105/12/12") and r.stderr == ""
    assert sorted(os.listdir(tmp_path)) == ["today.json"]
    r = run("build", "today.json", "--derive")
    assert r.exit_code == 0 and r.stdout == "" and "wrote ABP1212.txt" in r.stderr
    r = run("roll", str(DAY2), "--write", "w")  # w is made (FORMAT.md 7.9)
    assert r.exit_code == 0 and r.stdout == "" and "wrote" in r.stderr
    assert os.listdir("w") == ["ABP1212.txt"]
    r = run("fmt", "ABP1212.txt")
    assert r.exit_code == 0 and r.stdout == "" and "already canonical" in r.stderr
