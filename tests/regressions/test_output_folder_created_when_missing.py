"""Issue 17.16: `build -o DIR/` and `roll --write DIR` failed when DIR did not exist.

FORMAT.md 7.9: `-o PATH` is a folder when PATH ends with a path separator (created when
missing) or is an existing folder; otherwise a file.  `roll --write DIR` is always a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import fxreport
from reports import DAY2, Run


def test_build_into_a_missing_folder_creates_it(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = run("show", str(DAY2), "--format", "json")
    assert r.exit_code == 0
    doc = r.stdout
    r = run("build", "-", "-o", "new/deeper/", input=doc)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "new" / "deeper" / "ABP1209.txt").read_bytes() == DAY2.read_bytes()
    # without the separator a missing PATH is a file name: here one that breaks the rule
    r = run("build", "-", "-o", "other", input=doc)
    assert r.exit_code == 1 and not (tmp_path / "other").exists()


def test_roll_write_creates_its_folder(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    r = run("roll", str(DAY2), "--write", str(target))
    assert r.exit_code == 0, r.output
    assert os.listdir(target) == ["ABP1212.txt"]


def test_dump_into_a_missing_folder(tmp_path: Path) -> None:
    written = fxreport.dump(fxreport.load(DAY2), str(tmp_path / "x") + os.sep)
    assert written == tmp_path / "x" / "ABP1209.txt" and written.read_bytes() == DAY2.read_bytes()
