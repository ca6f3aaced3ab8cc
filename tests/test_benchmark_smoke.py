"""The benchmark runs end to end on a tiny input, so it cannot rot (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from reports import ROOT



def test_benchmark_runs_on_a_tiny_archive() -> None:
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick",
                        "--firms", "2", "--days", "6", "--small-days", "2", "--pairs", "1",
                        "--archive-pairs", "1", "--number", "20"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    rows = {line.split(".")[0].strip(): line for line in out.splitlines()
            if line[:3].strip().rstrip(".") in ("1", "2", "3", "3b", "4", "5")}
    assert set(rows) == {"1", "2", "3", "3b", "4", "5"}, out
    assert "import click" in rows["1"] and "--previous" in rows["2"]
    assert "2 folders x 6 days" in rows["3"] and "12 files" in rows["3"]
    assert "--jobs 2 / --jobs 1" in rows["3b"]
    assert "12 against 4 files" in rows["4"] or "not measured" in rows["4"]
    assert "fxreport.loads" in rows["5"]
    for key in ("3", "3b", "4"):  # the generated archive is valid: every run exits 0
        assert "exit [0]" in rows[key] or "not measured" in rows[key], rows[key]
    for key, target in (("1", "<= 1.25"), ("2", "<= 1.15"), ("3", "<= 4"), ("3b", "< 1"),
                        ("5", "<= 1.5")):
        assert target in rows[key]
