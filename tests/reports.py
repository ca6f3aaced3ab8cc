"""Constants and pure helpers shared by the tests: sample paths, byte edits, a valid
report, Hypothesis strategies. Helpers with state (the CLI runner, a rolled workbook)
are fixtures in conftest.py."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from click.testing import Result
from hypothesis import strategies as st

from fxreport.core.identities import IDENTITIES, derive_all
from fxreport.core.fields import AMOUNT, AMOUNT_MAX
from fxreport.core.layout import LAYOUT
from fxreport.core.model import Report

ROOT = Path(__file__).resolve().parent.parent  # the repository
SAMPLES = ROOT / "samples"
BROKEN = SAMPLES / "broken"  # one folder per defect, each with its ABP1209.txt
CORPUS = ROOT / "tests" / "corpus"
CORPUS_CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.json").exists())
NEGATIVE = CORPUS / "qua001-negative-balance" / "ABP1209.txt"  # QUA001 only: a valid file
XLSX_DATA = ROOT / "tests" / "data" / "xlsx"  # workbooks saved by other programs
README = (ROOT / "README.md").read_text(encoding="utf-8")
DAY1 = SAMPLES / "ABP1208.txt"
DAY2 = SAMPLES / "ABP1209.txt"
BYTES1, BYTES2 = DAY1.read_bytes(), DAY2.read_bytes()

TARGETS = {i.target for i in IDENTITIES}
INPUTS = [f.name for f in LAYOUT if f.type == AMOUNT and f.name not in TARGETS]
ALL_AMOUNTS = [f.name for f in LAYOUT if f.type == AMOUNT]

# `fxreport` as a real process: the console script installed beside this interpreter
# (SCRIPT, None when the package is not installed), else `python -m fxreport`.
SCRIPT = shutil.which("fxreport", path=os.path.dirname(sys.executable))
FXREPORT = [SCRIPT] if SCRIPT else [sys.executable, "-m", "fxreport"]

Run = Callable[..., Result]  # the type of the `run` fixture (conftest.py)


def derive(amounts: Mapping[str, Any]) -> dict[str, Any]:
    """``amounts`` with every derivable left side filled in (``identities.derive_all``);
    a given left side that disagrees is a mistake in the test's data."""
    out, conflicts = derive_all(amounts)
    if conflicts:
        raise ValueError(f"the test's amounts disagree with the identities: {conflicts}")
    return out


def records(data: bytes) -> list[bytearray]:
    return [bytearray(r) for r in data.split(b"\r\n")[:3]]


def join(recs: list[bytearray], end: bytes = b"\r\n") -> bytes:
    return b"".join(bytes(r) + end for r in recs)


def put(data: bytes, row: int, start: int, raw: bytes) -> bytes:
    """``data`` with ``raw`` written at 1-based column ``start`` of ``row``."""
    recs = records(data)
    recs[row - 1][start - 1:start - 1 + len(raw)] = raw
    return join(recs)


def report_from(inputs: dict[str, int], bank: str = "ABCD",
                date: dt.date = dt.date(2016, 12, 9)) -> Report:
    return Report.from_amounts(bank, date, derive(inputs))


# Inputs small enough that every derived amount still fits S9(9).
small = st.integers(min_value=-9_999_999, max_value=9_999_999)
any_amount = st.integers(min_value=-AMOUNT_MAX, max_value=AMOUNT_MAX)
codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=4, max_size=4)
dates = st.dates(min_value=dt.date(1912, 1, 1), max_value=dt.date(2910, 12, 31))


@st.composite
def valid_reports(draw: Any) -> Report:
    """Reports in which every identity of FORMAT.md section 4 holds."""
    inputs = {name: draw(small) for name in INPUTS}
    return report_from(inputs, draw(codes), draw(dates))


@st.composite
def any_reports(draw: Any) -> Report:
    """Reports with arbitrary in-range amounts (identities need not hold)."""
    return Report.from_amounts(draw(codes), draw(dates),
                               {name: draw(any_amount) for name in ALL_AMOUNTS})


def csv_with(csv: bytes, line: int, value: str) -> bytes:
    """A report's CSV (``show --format csv``) with the value cell of 1-based ``line`` replaced."""
    lines = csv.decode("utf-8-sig").split("\r\n")
    cells = lines[line - 1].split(",")
    lines[line - 1] = ",".join(cells[:-1] + [value])
    return "\r\n".join(lines).encode("utf-8")


def listing(folder: Path) -> list[str]:
    """The names in ``folder``, sorted."""
    return sorted(p.name for p in folder.iterdir())
