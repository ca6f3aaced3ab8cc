"""fxreport's benchmark: generates its own data, measures, prints one table.

    python benchmarks/run.py                 # the full run (10,000-file archive)
    python benchmarks/run.py --files 200 --runs 3   # a quick look (the test suite's smoke run)

a. per report, in-process: decode, encode and full check beside a naive baseline
   written here (fixed-offset slicing, the S9(9) regex and int() per amount, no rules);
b. `fxreport check DIR` over a generated archive (text and JSON) as files/s, with the
   peak RSS of the largest process;
c. cold start: median wall time of `fxreport check` on one file beside `python -c pass`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import fxreport  # noqa: E402
from fxreport.checking.calendar import BusinessCalendar  # noqa: E402
from fxreport.checking.checker import check_bytes  # noqa: E402
from fxreport.core.identities import derive  # noqa: E402
from fxreport.core.identities import CARRIED, IDENTITIES  # noqa: E402
from fxreport.core.layout import AMOUNT, LAYOUT  # noqa: E402
from fxreport.core.model import Report  # noqa: E402

SAMPLE = ROOT / "samples" / "ABP1209.txt"
TARGETS = {i.target for i in IDENTITIES}
INPUTS = [f.name for f in LAYOUT if f.type == AMOUNT and f.name not in TARGETS]
PRIOR = {p for p, _ in CARRIED}

# --- the naive baseline: what a careful script would do without fxreport ---------------
_SLICES = [(f.row - 1, f.start - 1, f.end) for f in LAYOUT if f.type == AMOUNT]
_S99 = re.compile(rb" *[+-]?[0-9]+\Z")


def naive_decode(data: bytes) -> list[int]:
    recs = data.split(b"\r\n")
    out = []
    for r, a, b in _SLICES:
        raw = recs[r][a:b]
        if _S99.match(raw):
            out.append(int(raw))
    return out


def naive_encode(bank: str, roc: str, rows: list[list[tuple[int, int, int | None]]]) -> bytes:
    out = []
    for fields in rows:
        line = bank + roc + "".join(" " * w if v is None else f"{v:>{w}}" for _, w, v in fields)
        out.append(line.encode("ascii") + b"\r\n")
    return b"".join(out)


def per_report(repeat: int, number: int = 2000) -> list[tuple[str, float, float]]:
    data = SAMPLE.read_bytes()
    report = fxreport.loads(data)
    amounts = report.amounts()
    rows = [[(f.start, f.width, amounts.get(f.name) if f.type == AMOUNT else None)
             for f in LAYOUT if f.row == r and f.start > 13] for r in (1, 2, 3)]
    assert naive_encode("ABCD", "105/12/09", rows) == data
    assert naive_decode(data) == [amounts[f.name] for f in LAYOUT if f.type == AMOUNT]

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6

    base_dec = best(lambda: naive_decode(data))
    base_enc = best(lambda: naive_encode("ABCD", "105/12/09", rows))
    return [
        ("decode: fxreport.loads -> typed Report", best(lambda: fxreport.loads(data)), base_dec),
        ("encode: fxreport.dumps (construct)", best(lambda: fxreport.dumps(report)), base_enc),
        ("full check: every rule (check_bytes)", best(lambda: check_bytes(data, "ABP1209.txt")), base_dec),
    ]


# --- the archive ----------------------------------------------------------------------

def make_archive(folder: Path, files: int, seed: int = 1) -> tuple[int, int]:
    """Reports of several firms over consecutive business days, continuity holding."""
    rng = random.Random(seed)
    cal = BusinessCalendar()
    days = []
    day = dt.date(2016, 1, 4)
    while day.year == 2016:
        if cal.is_business_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    per_firm = min(len(days), files)
    firms = math.ceil(files / per_firm)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for k in range(firms):
        bank = alphabet[k // 36 % 36] + alphabet[k % 36] + "CD"
        today = {name: rng.randint(-50_000, 50_000) for name in INPUTS}
        for day in days[:per_firm]:
            if written == files:
                break
            report = Report.from_amounts(bank, day, derive(today))
            (folder / report.filename).write_bytes(fxreport.dumps(report))
            written += 1
            done = report.amounts()
            today = {name: (done[t] if name in PRIOR else rng.randint(-5_000, 5_000))
                     for name in INPUTS for t in [dict(CARRIED).get(name)]}
    return written, firms


def measure_command(args: list[str]) -> tuple[float, int, int]:
    """(seconds, exit status, peak RSS in KiB of the largest process) of one run."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
             "t = time.perf_counter() - t\n"
             "print(t, rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def fxreport_command() -> list[str]:
    exe = shutil.which("fxreport", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "fxreport"]


def cold_start(runs: int) -> tuple[float, float]:
    def median(cmd: list[str]) -> float:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        return statistics.median(times) * 1000

    median(fxreport_command() + ["check", str(SAMPLE)])  # warm the file cache
    return median(fxreport_command() + ["check", str(SAMPLE)]), median([sys.executable, "-c", "pass"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=10_000, help="archive size (default 10,000)")
    ap.add_argument("--runs", type=int, default=21, help="cold-start runs (default 21)")
    ap.add_argument("--repeat", type=int, default=5, help="timeit repeats per report figure")
    ap.add_argument("--number", type=int, default=2000, help="calls per timeit repeat")
    ap.add_argument("--keep", type=Path, help="keep the generated archive in this folder")
    args = ap.parse_args(argv)

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print("\na. per report, in-process (best of runs)")
    print(f"   {'operation':<42} {'µs/report':>10} {'baseline µs':>12} {'ratio':>7}")
    for name, ours, base in per_report(args.repeat, args.number):
        print(f"   {name:<42} {ours:>10.1f} {base:>12.1f} {ours / base:>6.2f}x")

    tmp = Path(tempfile.mkdtemp(prefix="fxreport-bench-"))
    folder = args.keep or tmp / "archive"
    try:
        t = time.perf_counter()
        written, firms = make_archive(folder, args.files)
        print(f"\nb. `fxreport check DIR` over {written:,} files ({firms} firms, continuity "
              f"included; generated in {time.perf_counter() - t:.1f} s)")
        print(f"   {'output':<10} {'seconds':>8} {'files/s':>10} {'peak RSS MiB':>13} {'exit':>5}")
        for fmt in ("text", "json"):
            secs, rc, rss = measure_command(fxreport_command() + ["check", "--format", fmt, str(folder)])
            print(f"   {fmt:<10} {secs:>8.2f} {written / secs:>10,.0f} {rss / 1024:>13.1f} {rc:>5}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    ours, bare = cold_start(args.runs)
    print(f"\nc. cold start, median of {args.runs} runs")
    print(f"   fxreport check {SAMPLE.relative_to(ROOT)}: {ours:6.1f} ms")
    print(f"   python -c pass:                 {bare:6.1f} ms")
    print(f"   difference:                     {ours - bare:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
