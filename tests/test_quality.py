"""The quality edits (FORMAT.md 7.4): exact thresholds, the fast QUA003 against a plain
one, and realistic years: no finding on clean ones, every injected fault found."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import fxreport
from fxreport.checking.pipeline import check_contents
from fxreport.checking.quality import (
    ACTIVITY,
    SCALE_WINDOW,
    copied_activity,
    median_twice,
    out_of_scale,
    scale_finding,
)
from fxreport.core.model import Report

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reports import BYTES2, INPUTS, derive  # noqa: E402
from yeargen import firm_year, inject  # noqa: E402

A2 = fxreport.loads(BYTES2).amounts()


def test_median_of_non_zero_values_even_count_is_the_mean() -> None:
    assert median_twice([0, 0, 3, -5, 7, 9, 0]) is None  # four non-zero: too few
    assert median_twice([0, 3, -5, 7, 9, 11]) == (14, 5)  # median 7
    assert median_twice([3, -5, 7, 9, 11, 12]) == (16, 6)  # (7 + 9) / 2 = 8


def test_scale_threshold_is_exactly_100_times_and_1000() -> None:
    window = [10, 10, 10, 10, 10]
    assert scale_finding(1_000, window, "AB") is not None  # 100 x 10, and 1,000
    assert scale_finding(999, [9] * 5, "AB") is None  # 111 x, but below 1,000
    assert scale_finding(-1_000, window, "AB") is not None  # |v|
    assert scale_finding(1_000, [10, 10, 11, 11, 11], "AB") is None  # M = 11: 90 x
    f = scale_finding(3_550, [10, 20, 30, 40, 0, 50, 60], "AS")  # M = 35 (mean of 30 and 40)
    assert f is not None and f.params["median"] == 35 and f.params["ratio"] == 101
    assert scale_finding(3_499, [10, 20, 30, 40, 0, 50, 60], "AS") is None
    f = scale_finding(1_050, [10, 11], "AS")
    assert f is None  # two non-zero values make no median
    half = scale_finding(1_000, [5, 5, 6, 6, 9, 9], "AS")  # M = 6 (even: 6 and 6)
    assert half is not None and half.params["median"] == 6 and half.params["ratio"] == 166
    odd = scale_finding(2_000, [5, 5, 6, 7, 9, 9], "AS")  # M = 6.5: shown 7, ratio 307
    assert odd is not None and odd.params["median"] == 7 and odd.params["ratio"] == 307


def _plain(columns: list[list[int]]) -> set[tuple[int, int]]:
    """QUA003 as FORMAT.md 7.4 words it, value by value."""
    out = set()
    for j, column in enumerate(columns):
        for i, v in enumerate(column):
            if scale_finding(v, column[max(0, i - SCALE_WINDOW):i], ACTIVITY[j]) is not None:
                out.add((i, j))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.just(0), st.integers(-50, 50), st.integers(-5_000_000, 5_000_000),
                                   st.sampled_from([1, 2, 1000, 100_000, -100_000])),
                         min_size=0, max_size=200), min_size=1, max_size=3))
def test_fast_scale_edit_finds_what_the_plain_one_finds(columns: list[list[int]]) -> None:
    n = max(len(c) for c in columns)
    columns = [c + [0] * (n - len(c)) for c in columns]
    assert set(out_of_scale(columns)) == _plain(columns)


def test_copied_activity_needs_three_non_zero_and_no_malformed_value() -> None:
    import datetime as dt

    day = dt.date(2016, 12, 8)
    three = [5, 6, 7] + [0] * 12
    assert copied_activity(three, three, day, "ABP1208.txt") is not None
    two = [5, 6] + [0] * 13
    assert copied_activity(two, two, day, "ABP1208.txt") is None
    assert copied_activity(three, [5, 6, 8] + [0] * 12, day, "x") is None
    assert copied_activity([None, *three[1:]], [None, *three[1:]], day, "x") is None


def _check(files: dict[str, bytes]) -> list:
    return check_contents(list(files.items())).reports


def test_clean_years_have_no_quality_finding() -> None:
    """Three firms of different sizes over a year: not one quality finding."""
    for seed, bank in enumerate(("ABCD", "KLMN", "WXYZ")):
        year = firm_year(bank, 2024, seed)
        assert len(year.days) >= 240
        zeros = sum(1 for a in year.amounts for k in ACTIVITY if a[k] == 0)
        assert zeros > len(year.days) * 4  # many fields are zero on many days
        assert any(a[k] < 0 for a in year.amounts for k in ACTIVITY if k != "ABT")  # corrections
        reports = _check(year.files())
        assert [(r.path, f.code) for r in reports for f in r.findings] == []


def test_each_injected_fault_is_found() -> None:
    rng = random.Random(19)
    for seed, bank in enumerate(("ABCD", "KLMN", "WXYZ")):
        year = firm_year(bank, 2024, seed + 10)
        inject(year, rng, 14)
        reports = _check(year.files())
        got = {(r.date, f.code, f.field_name) for r in reports for f in r.findings
               if f.category == "quality"}
        want = {(year.days[i], code, field) for i, code, field in year.faults}
        assert want <= got, want - got
        faulty = {year.days[i] for i, _, _ in year.faults}
        assert {day for day, _, _ in got} <= faulty  # nothing on a day without a fault


def _report(date: str, **changes: int) -> bytes:
    inputs = {k: v for k, v in A2.items() if k in INPUTS}
    inputs.update(changes)
    return fxreport.dumps(Report.from_amounts("ABCD", date, derive(inputs)), check=False)


def test_a_duplicate_not_chosen_gets_no_quality_edit() -> None:
    bad = _report("105/12/09", A_UNS1=A2["BAL_UNB"] + A2["A_UNC1"] + 5)  # ABAL_UNB = -5
    reports = _check({"ABP1209.txt": bad, "copy/ABP1209 (2).txt": bad})
    by_path = {r.path: [f.code for f in r.findings] for r in reports}
    assert by_path["ABP1209.txt"] == ["QUA001"]
    assert sorted(by_path["copy/ABP1209 (2).txt"]) == ["CNT004", "NAM001"]
