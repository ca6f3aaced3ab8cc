"""Issue 17.1: `check ... --format html -o -` wrote a file named `-`; `-` is standard
output, as for build, roll and show."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reports import DAY2, Run


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_dash_is_standard_output(run: Run, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = run("check", str(DAY2), "--format", fmt, "-o", "-")
    assert r.exit_code == 0, r.output
    assert os.listdir(tmp_path) == []
    assert {"html": "<!DOCTYPE html", "json": '{"version": 1', "text": str(DAY2)}[fmt] in r.stdout
