"""The benchmark runs end to end on a tiny input, so it cannot rot (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_on_a_tiny_archive() -> None:
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--files", "40",
                        "--runs", "2", "--repeat", "1", "--number", "20"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    for heading in ("a. per report", "b. `fxreport check DIR` over 40 files", "c. cold start"):
        assert heading in out
    rows = [line for line in out.splitlines() if line.strip().startswith(("text ", "json "))]
    assert len(rows) == 2 and all(line.split()[-1] == "0" for line in rows)  # the archive is valid
    assert "full check" in out and "python -c pass" in out
