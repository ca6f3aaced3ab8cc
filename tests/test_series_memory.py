"""What a long series keeps of each file while it links them (issue 16 item 9: memory per
file within 1 KiB with plain results), and that keeping it compactly changes no answer."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import tracemalloc
from pathlib import Path
from types import ModuleType

from fxreport.checking.batch import expand_files
from fxreport.checking.checker import Entry, check_entry
from fxreport.checking.pipeline import CheckOptions, _sort_series, check_paths
from fxreport.checking.quality import ACTIVITY
from fxreport.core.layout import AMOUNTS
from reports import BYTES1, BYTES2, ROOT, put


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak(folders: list[Path]) -> int:
    """The peak of traced memory while ``folders`` are checked as one series, in process."""
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    outcome = check_paths([str(f) for f in folders], CheckOptions(jobs=1))
    peak = tracemalloc.get_traced_memory()[1]
    assert outcome.exit_status() == 0 and all(r.valid for r in outcome.reports)
    return peak - start


def test_a_long_series_keeps_well_under_a_kibibyte_a_file(tmp_path: Path) -> None:
    bench = _bench()
    big = bench.make_archive(tmp_path / "big", 4, 200)
    small = bench.first_days(big, tmp_path / "small", 20)
    _peak(small)  # the lazy imports and the calendar's tables, once
    tracemalloc.start()
    try:
        grown = (_peak(big) - _peak(small)) / (4 * 200 - 4 * 20)
    finally:
        tracemalloc.stop()
    # a plain result (its path, the fourteen carried amounts as ints) is about 540 bytes;
    # with the fifteen activity amounts as ints each file took about 1,400 bytes here,
    # about 760 since they are packed (and read as machine integers for QUA003)
    assert grown < 900, grown


def _entry(data: bytes, name: str) -> Entry:
    return check_entry(data, name)


def test_the_activity_is_packed_and_read_back_as_it_was() -> None:
    first, second = _entry(BYTES1, "ABP1208.txt"), _entry(BYTES2, "ABP1209.txt")
    assert type(first._activity) is bytes and len(first._activity) < 120
    assert len(first.activity) == len(ACTIVITY) == 15
    # the amounts as the decoder read them, in ACTIVITY's order
    assert first.activity == tuple(_values(BYTES1)[name] for name in ACTIVITY)
    assert first.same_activity(_entry(BYTES1, "x.txt"))
    assert not first.same_activity(second) and first.activity != second.activity


def _values(data: bytes) -> dict[str, int]:
    import fxreport

    return fxreport.loads(data).amounts()


def test_a_malformed_activity_amount_is_kept_as_none() -> None:
    field = AMOUNTS["AB"]
    broken = put(BYTES2, field.row, field.start, b"x?!")
    e = _entry(broken, "ABP1209.txt")
    assert e.activity[ACTIVITY.index("AB")] is None
    assert e.activity[1:] == _entry(BYTES2, "ABP1209.txt").activity[1:]
    assert not e.same_activity(_entry(BYTES2, "ABP1209.txt"))


def test_carried_amounts_are_held_once_across_a_series(tmp_path: Path) -> None:
    (tmp_path / "ABP1208.txt").write_bytes(BYTES1)
    (tmp_path / "ABP1209.txt").write_bytes(BYTES2)
    from fxreport.checking.batch import check_files

    files, _ = expand_files([str(tmp_path)])
    first, second = check_files(files, 1, None)
    assert isinstance(first, Entry) and isinstance(second, Entry)
    assert second.prior == first.today
    assert all(a is b for a, b in zip(second.prior, first.today))
    # the results say the same as without the sharing
    alone = check_entry(BYTES2, "ABP1209.txt").result()
    assert second.result().carried == alone.carried and second.result().carried is second.carried


def test_the_series_order_is_firm_then_date_without_a_key_per_file() -> None:
    rng = random.Random(5)
    entries = []
    for k in range(200):
        e = _entry(BYTES2, f"f{k}.txt")
        e.bank = rng.choice(["ABCD", "ZZZZ", "AB00", None])
        e.date = rng.choice([dt.date(2024, 1, d) for d in (2, 3, 4)] + [None])
        entries.append(e)
    want = sorted(entries, key=lambda e: (e.bank is None, e.bank or "", e.date is None,
                                          e.date or dt.date.min))
    _sort_series(entries)
    assert [e.path for e in entries] == [e.path for e in want]


def test_forked_workers_give_the_same_series(tmp_path: Path) -> None:
    bench = _bench()
    folders = [str(f) for f in bench.make_archive(tmp_path, 3, 100)]
    one = check_paths(folders, CheckOptions(jobs=1))
    two = check_paths(folders, CheckOptions(jobs=2))
    assert one.reports == two.reports and len(one.reports) == 300
