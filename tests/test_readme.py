"""The README's commands are tested, so the README stays true."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from reports import FXREPORT, README, ROOT



def _block_after(marker: str) -> str:
    m = re.search(re.escape(marker) + r"\s*```sh\n(.*?)```", README, re.S)
    assert m, f"no sh block after {marker}"
    return m.group(1)


def test_ci_runs_the_readme_test_command() -> None:
    command = _block_after("<!-- test-command -->").strip()
    assert "pytest" in command
    ci = (ROOT / ".ci" / "run").read_text()
    assert "<!-- test-command -->" in ci  # .ci/run reads the command from the README


def test_day_in_the_life_runs_as_written(tmp_path: Path) -> None:
    m = re.search(r"A day in the life.*?```sh\n(.*?)```", README, re.S)
    assert m
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    shim = bindir / "fxreport"
    shim.write_text(f"#!/bin/sh\nexec {' '.join(FXREPORT)} \"$@\"\n")
    shim.chmod(0o755)
    (bindir / "python3").symlink_to(sys.executable)
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    p = subprocess.run(["bash", "-e", "-c", m.group(1)], cwd=tmp_path, env=env,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert (tmp_path / "out" / "ABP1212.txt").exists()
    assert "ABP1212.txt: ABCD 2016-12-12 (105/12/12): valid" in p.stdout
