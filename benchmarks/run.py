"""fxreport's benchmark: the five ratios of the second performance round.

    python benchmarks/run.py            # the full run (10,000-file archive; a few minutes)
    python benchmarks/run.py --quick    # a quick look: fewer pairs, 40 firms x 25 days

Every figure is a ratio A/B measured as alternating pairs (A, B, A, B, ...): each
pair gives one ratio and the median of the pairs' ratios is printed, so a drift of
the machine's speed during the run moves both sides of a pair alike.

1. start-up: ``fxreport check FILE`` / ``python -c "import click"`` (same interpreter);
2. ``fxreport check FILE --previous PREV`` / ``fxreport check FILE``;
3. an archive of 40 firm folders x 250 business days (10,000 files, generated here into
   a temporary directory, continuity holding): ``fxreport check --format json`` over the
   40 folders / reading the same files' bytes in Python with ``os.scandir``; and
   ``--jobs 2`` / ``--jobs 1``, which must be below 1;
4. peak RSS of the largest process of ``fxreport check --format json`` over 10,000 and
   over 1,000 files (40 folders x 25 days): the growth in bytes per additional file;
5. in-process: ``fxreport.loads`` / a hand-written decoder written here that slices
   the same fields and calls ``int`` (one pattern per amount, no other check).

The commands run with the interpreter that runs this script and its ``fxreport``
script (else ``python -m fxreport``); a non-editable install with bytecode allowed
measures what users get (``PYTHONDONTWRITEBYTECODE`` is left out of the commands'
environment).  Only public tools: ``subprocess``, ``time.perf_counter`` and, for the
peak RSS, ``resource.getrusage(RUSAGE_CHILDREN)`` in a small Python process that runs the
command (POSIX; elsewhere the memory figure is not measured).
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
try:  # the installed package, as the commands run it
    import fxreport
except ImportError:  # a source checkout without an install
    sys.path.insert(0, str(ROOT))
    import fxreport

from fxreport.checking.calendar import BusinessCalendar  # noqa: E402
from fxreport.core.identities import CARRIED, IDENTITIES, derive_all  # noqa: E402
from fxreport.core.fields import AMOUNT  # noqa: E402
from fxreport.core.layout import LAYOUT  # noqa: E402
from fxreport.core.model import Report  # noqa: E402

SAMPLE = ROOT / "samples" / "ABP1209.txt"
PREVIOUS = ROOT / "samples" / "ABP1208.txt"
TARGETS = {i.target for i in IDENTITIES}
INPUTS = [f.name for f in LAYOUT if f.type == AMOUNT and f.name not in TARGETS]
CARRY = dict(CARRIED)  # prior-day field -> the previous report's field it equals
YEAR = 2024  # a year with 250 bank business days: file names (MMDD) do not repeat

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


# --- running commands -------------------------------------------------------------------

def run(cmd: list[str]) -> tuple[float, int]:
    """(wall seconds, exit status) of one run."""
    t = time.perf_counter()
    code = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=ENV).returncode
    return time.perf_counter() - t, code


# The peak RSS of a command's largest process, read by a small Python process that runs
# it: a child's high-water mark starts at its parent's size when it is forked, so the
# parent must be small (this script, with pydantic imported, is not).
PEAK = """\
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode
kib = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: KiB on Linux, bytes on macOS
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib, code)
"""


def peak(cmd: list[str]) -> tuple[int, int]:
    """(peak RSS in bytes of the largest process, exit status) of one run."""
    size, code = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True,
                                env=ENV, check=True).stdout.split()
    return int(size), int(code)


class Pairs:
    """A and B run in turn; the median of each side and of the pairs' ratios.
    ``measure`` is ``run`` (seconds) or ``peak`` (bytes)."""

    def __init__(self, a: list[str], b: list[str], pairs: int, warmup: int = 1,
                 measure=run) -> None:  # type: ignore[no-untyped-def]
        for _ in range(warmup):
            measure(a), measure(b)
        self.a: list[tuple[float, int]] = []
        self.b: list[tuple[float, int]] = []
        for _ in range(pairs):
            self.a.append(measure(a))
            self.b.append(measure(b))
        self.ratio = statistics.median(x[0] / y[0] for x, y in zip(self.a, self.b))
        self.median_a = statistics.median(x[0] for x in self.a)
        self.median_b = statistics.median(y[0] for y in self.b)
        self.exits = sorted({x[1] for x in self.a} | {y[1] for y in self.b})


def fxreport_command() -> list[str]:
    exe = shutil.which("fxreport", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "fxreport"]


# The reading baseline: every *.txt file's bytes of the folders, found with os.scandir.
READ_FILES = """\
import os, sys
n = 0
for folder in sys.argv[1:]:
    with os.scandir(folder) as entries:
        for e in entries:
            if e.name.lower().endswith(".txt") and e.is_file():
                with open(e.path, "rb") as f:
                    n += len(f.read())
print(n)
"""


# --- the archive ------------------------------------------------------------------------

def business_days(count: int) -> list[dt.date]:
    cal = BusinessCalendar()
    days, day = [], dt.date(YEAR, 1, 1)
    while len(days) < count:
        if cal.is_business_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


# (contract, settlement, prior-day balance) of each gross balance: settlements never exceed
# what was open, as in a real book, so the archive has no quality finding
BOOKS = (("A_UNC1", "A_UNS1", "BAL_UNB"), ("A_UNC2", "A_UNS2", "BAL_UNS"),
         ("A_FC1", "A_FS1", "BAL_FB1"), ("A_FC3", "A_FS3", "BAL_FB3"),
         ("A_SWC1", "A_SWS1", "BAL_SW1"), ("A_SWC2", "A_SWS2", "BAL_SW2"))


def make_archive(root: Path, firms: int, days: int, seed: int = 1) -> list[Path]:
    """``firms`` folders, each with ``days`` consecutive business days' reports of one
    firm, every prior-day field equal to the day before's (a valid archive)."""
    rng = random.Random(seed)
    dates = business_days(days)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    folders = []
    for k in range(firms):
        bank = alphabet[k // 36 % 36] + alphabet[k % 36] + "CD"
        folder = root / f"firm{k + 1:02d}-{bank}"
        folder.mkdir(parents=True)
        folders.append(folder)
        today = {name: rng.randint(-50_000, 50_000) for name in INPUTS}
        today.update({prior: rng.randint(0, 50_000) for _, _, prior in BOOKS})
        for day in dates:
            for contract, settle, prior in BOOKS:  # gross balances stay >= 0 (QUA001)
                today[contract] = rng.randint(0, 5_000)
                today[settle] = rng.randint(0, today[prior] + today[contract])
            report = Report.from_amounts(bank, day, derive_all(today)[0])
            (folder / report.filename).write_bytes(fxreport.dumps(report))
            done = report.amounts()
            today = {name: done[CARRY[name]] if name in CARRY else rng.randint(-5_000, 5_000)
                     for name in INPUTS}
    return folders


def first_days(folders: list[Path], root: Path, days: int) -> list[Path]:
    """The same firms' first ``days`` files, copied into folders of their own."""
    out = []
    for folder in folders:
        target = root / folder.name
        target.mkdir(parents=True)
        for path in sorted(folder.iterdir(), key=lambda p: p.name)[:days]:
            (target / path.name).write_bytes(path.read_bytes())
        out.append(target)
    return out


# --- loads beside a hand-written decoder ------------------------------------------------

_SLICES = [(f.name, f.row - 1, f.start - 1, f.end) for f in LAYOUT if f.type == AMOUNT]
_S9 = re.compile(rb" *[+-]?[0-9]+\Z").match


def hand_decode(data: bytes) -> tuple[str, dt.date, dict[str, int]]:
    """What a careful script would do: slice each field, one pattern per amount, int()."""
    recs = data.split(b"\r\n")
    head = recs[0]
    bank = head[0:4].decode("ascii")
    date = dt.date(int(head[4:7]) + 1911, int(head[8:10]), int(head[11:13]))
    amounts = {}
    for name, row, start, end in _SLICES:
        raw = recs[row][start:end]
        if not _S9(raw):
            raise ValueError(f"{name}: {raw!r}")
        amounts[name] = int(raw)
    return bank, date, amounts


def loads_pairs(pairs: int, number: int) -> tuple[float, float, float]:
    """(median µs of loads, median µs of the hand decoder, median of the pairs' ratios)."""
    data = SAMPLE.read_bytes()
    report = fxreport.loads(data)
    assert hand_decode(data) == (report.bank, report.date, report.amounts())
    loads, calls = fxreport.loads, range(number)

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        for _ in calls:
            fn(data)
        return (time.perf_counter() - t) / number * 1e6

    timed(loads), timed(hand_decode)  # warm-up
    a, b = [], []
    for _ in range(pairs):
        a.append(timed(loads))
        b.append(timed(hand_decode))
    return (statistics.median(a), statistics.median(b),
            statistics.median(x / y for x, y in zip(a, b)))


# --- the report -------------------------------------------------------------------------

def line(number: str, what: str, ratio: float, target: str, detail: str) -> None:
    print(f"{number:>2}. {what:<58} {ratio:>8.2f}  {target:<9} {detail}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true",
                    help="fewer pairs and a 40 x 25-day archive (1,000 against 200 files for memory)")
    ap.add_argument("--firms", type=int, help="firm folders (default 40)")
    ap.add_argument("--days", type=int, help="business days per firm (default 250; --quick 25)")
    ap.add_argument("--small-days", type=int,
                    help="days per firm of the smaller archive for memory (default 25; --quick 5)")
    ap.add_argument("--pairs", type=int, help="pairs per start-up and loads ratio (default 51; --quick 7)")
    ap.add_argument("--archive-pairs", type=int, help="pairs per archive ratio (default 9; --quick 3)")
    ap.add_argument("--number", type=int, default=2000, help="loads calls per timing (default 2000)")
    args = ap.parse_args(argv)
    quick = args.quick
    firms = args.firms or 40
    days = args.days or (25 if quick else 250)
    small_days = args.small_days or (5 if quick else 25)
    pairs = args.pairs or (7 if quick else 51)
    archive_pairs = args.archive_pairs or (3 if quick else 9)
    fx = fxreport_command()
    py = sys.executable

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; fxreport {fxreport.__version__} at "
          f"{Path(fxreport.__file__).parent}")
    if "site-packages" not in Path(fxreport.__file__).parts:
        print("note: fxreport is not installed in site-packages (an editable install or a source "
              "tree): its start-up is not what an installed one costs")
    print(f"{'':>2}  {'ratio (median of alternating pairs A/B)':<58} {'measured':>8}  "
          f"{'target':<9} medians")

    one = Pairs(fx + ["check", str(SAMPLE)], [py, "-c", "import click"], pairs)
    line("1", "fxreport check FILE / python -c 'import click'", one.ratio, "<= 1.25",
         f"{one.median_a * 1000:.1f} ms / {one.median_b * 1000:.1f} ms ({pairs} pairs)")
    two = Pairs(fx + ["check", str(SAMPLE), "--previous", str(PREVIOUS)], fx + ["check", str(SAMPLE)],
                pairs)
    line("2", "check FILE --previous PREV / check FILE", two.ratio, "<= 1.15",
         f"{two.median_a * 1000:.1f} ms / {two.median_b * 1000:.1f} ms ({pairs} pairs)")

    tmp = Path(tempfile.mkdtemp(prefix="fxreport-bench-"))
    try:
        t = time.perf_counter()
        big = make_archive(tmp / "archive", firms, days)
        small = first_days(big, tmp / "small", small_days)
        files, few = firms * days, firms * small_days
        made = time.perf_counter() - t
        names = [str(f) for f in big]
        check = fx + ["check", "--format", "json"]
        three = Pairs(check + names, [py, "-c", READ_FILES, *names], archive_pairs)
        line("3", f"check --format json, {firms} folders x {days} days / read them",
             three.ratio, "<= 4", f"{three.median_a:.2f} s / {three.median_b:.3f} s ({files:,} files, "
             f"{archive_pairs} pairs; exit {three.exits})")
        jobs = Pairs(check + ["--jobs", "2"] + names, check + ["--jobs", "1"] + names, archive_pairs)
        line("3b", "the same, --jobs 2 / --jobs 1", jobs.ratio, "< 1",
             f"{jobs.median_a:.2f} s / {jobs.median_b:.2f} s (exit {jobs.exits})")
        if sys.platform != "win32":  # the resource module (POSIX) reads it
            four = Pairs(check + names, check + [str(f) for f in small], archive_pairs, measure=peak)
            per_file = (four.median_a - four.median_b) / (files - few)
            line("4", f"peak RSS growth, {files:,} against {few:,} files (bytes/file)", per_file,
                 "<= 1024", f"{four.median_a / 2**20:.1f} MiB / {four.median_b / 2**20:.1f} MiB "
                 f"(exit {four.exits})")
        else:
            print(" 4. peak RSS: not measured here (needs the resource module's RUSAGE_CHILDREN)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    ours, hand, ratio = loads_pairs(pairs, args.number)
    line("5", "fxreport.loads / hand-written slicing decoder", ratio, "<= 1.5",
         f"{ours:.1f} µs / {hand:.1f} µs ({pairs} pairs of {args.number} calls)")
    print(f"\narchive: {files:,} files in {firms} folders ({days} business days of {YEAR} each; "
          f"{few:,} files for the memory comparison), generated in {made:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
