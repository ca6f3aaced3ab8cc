"""Duplicates were quadratic in time: 10,000 copies of one report took 21 s, 2,500 took
1.4 s (issue 17 item 20).  Each duplicate's message takes its named others from the
first few paths, so settling a date's duplicates is linear."""

from __future__ import annotations

import time

from fxreport.checking.calendar import BusinessCalendar
from fxreport.checking.checker import check_entry, link_series
from reports import BYTES2


def _link(n: int) -> float:
    results = []
    for i in range(n):  # the same report, each under its own name
        results.append(check_entry(BYTES2, f"copy{i:05d}.txt"))
    start = time.perf_counter()
    link_series(results, BusinessCalendar())
    spent = time.perf_counter() - start
    assert all(sum(f.code == "CNT004" for f in r.findings) == 1 for r in results)
    return spent


def test_ten_thousand_copies_link_in_linear_time() -> None:
    small = min(_link(1_000) for _ in range(2))
    large = _link(10_000)
    assert large < 5.0, large  # 21 s before (2,500 took 1.4 s)
    assert large < 40 * max(small, 0.005), (small, large)  # 10 x the files: not 100 x the time
