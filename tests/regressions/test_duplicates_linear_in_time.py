"""Duplicates were quadratic in time: 10,000 copies of one report took 21 s, 2,500 took
1.4 s (issue 17 item 20).  Each duplicate's message takes its named others from the
first few paths, so settling a date's duplicates is linear."""

from __future__ import annotations

import gc
import time

from fxreport.checking.calendar import BusinessCalendar
from fxreport.checking.checker import check_entry, link_series
from reports import BYTES2


def _link(n: int) -> float:
    results = []
    for i in range(n):  # the same report, each under its own name
        results.append(check_entry(BYTES2, f"copy{i:05d}.txt"))
    gc.collect()
    gc.disable()  # the algorithm's time, not the collector's pauses on a busy machine
    try:
        start = time.perf_counter()
        link_series(results, BusinessCalendar())
        spent = time.perf_counter() - start
    finally:
        gc.enable()
    assert all(sum(f.code == "CNT004" for f in r.findings) == 1 for r in results)
    return spent


def test_ten_thousand_copies_link_in_linear_time() -> None:
    small = min(_link(2_000) for _ in range(3))
    large = min(_link(10_000) for _ in range(3))
    assert large < 5.0, large  # 21 s before (2,500 took 1.4 s)
    # 5 x the files: about 5 x the time when linear, 25 x when quadratic (the best of a
    # few runs each, so a busy machine's pauses do not decide)
    assert large < 12 * max(small, 0.01), (small, large)
