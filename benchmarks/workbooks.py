"""Time and peak memory of reading each kind of workbook `build` may be given.

    python benchmarks/workbooks.py

Each case is built in memory, written to a temporary folder and read by a fresh
process (``fxreport build BOOK -o -``), so the peak memory is that process's own.
Issue 18 asks every workbook within the caps to be answered within 2 s and 200 MB.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "regressions")]

from test_workbook_cost_is_bounded import detail_rows, million_rows_without_numbers
from workbooks import SHEET_PART, WORKBOOK_PART, patched, rolled_bytes, with_sheet

CHILD = """
import resource, sys, time
from click.testing import CliRunner
from fxreport.cli import cli
import fxreport.commands.build, fxreport.policy.making, fxreport.formats.xlsx_reading, openpyxl
start = time.perf_counter()  # the reading, not the imports (about 0.5 s on an idle machine)
r = CliRunner().invoke(cli, ["build", sys.argv[1], "-o", "-"])
took = time.perf_counter() - start
try:  # the high-water mark of this process's own memory (ru_maxrss keeps the parent's on Linux)
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{took:.2f} {peak:.0f} {r.exit_code} {(r.stderr.splitlines() or [''])[0][:70]}")
"""


def cases(folder: Path) -> dict[str, bytes]:
    form = rolled_bytes(folder)
    names = b"".join(b'<definedName name="n%d">Sheet1!$A$1</definedName>' % i
                     for i in range(100_000))
    filler = b'<c r="Z7" s="1"/>' * (30 * 1024 * 1024 // 16)
    return {
        "the rolled form": form,
        "form + 60k-row detail sheet": with_sheet(form, "Detail", detail_rows(60_000)),
        "form + 1e6 rows, no row numbers": with_sheet(form, "Detail", million_rows_without_numbers()),
        "30 MiB of styled empty cells": patched(form, {SHEET_PART: lambda b: b.replace(
            b"</sheetData>", b'<row r="60">' + filler + b"</row></sheetData>")}),
        "100k defined names": patched(form, {WORKBOOK_PART: lambda b: b.replace(
            b"<definedNames>", b"<definedNames>" + names)}),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'case':34} {'zip':>9} {'seconds':>8} {'peak MB':>8} exit  first line")
        for name, data in cases(folder).items():
            book = folder / "book.xlsx"
            book.write_bytes(data)
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHILD, str(book)], capture_output=True,
                                 text=True, cwd=folder).stdout.split(" ", 3)
            wall = time.perf_counter() - started
            took, peak, code, first = (out + ["?"] * 4)[:4]
            print(f"{name:34} {len(data):>9,} {took:>8} {peak:>8} {code:>4}  {first.strip()}"
                  f"  (process {wall:.1f} s)")


if __name__ == "__main__":
    main()
