"""Issue 17.7: the README's Python API section named modules that do not exist
(`fxreport.checker`, `fxreport.batch`), called `make_report(read_input(data))` wrongly
and said `check_bytes` returns "the findings".  Every Python block of the README runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reports import README, ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def test_there_are_blocks_and_no_made_up_modules() -> None:
    assert len(BLOCKS) >= 3
    for name in ("fxreport.checker.", "fxreport.batch.", "make_report(read_input("):
        assert name not in README, name


@pytest.mark.parametrize("n", range(len(BLOCKS)))
def test_block_runs(n: int, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    p = subprocess.run([sys.executable, "-c", BLOCKS[n]], cwd=tmp_path, capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, BLOCKS[n] + p.stdout + p.stderr
