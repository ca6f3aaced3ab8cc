"""A correct report after a missing day got seven errors whose hints said to copy the
older report's balances (issue 17 item 18, FORMAT.md 7.1): across a gap a mismatch is a
warning that names the report compared with and the days without a report, and never
advises changing the amount."""

from __future__ import annotations

import datetime as dt

from fxreport.checking.pipeline import check_contents
from reports import BYTES1, BYTES2


def _later(data: bytes, date: bytes) -> bytes:
    return data.replace(b"105/12/09", date)


def test_gap_mismatch_is_a_warning_without_amount_advice() -> None:
    # 105/12/08 then 105/12/12: Friday 12/09 has no report, and the balances moved
    moved = _later(BYTES2, b"105/12/12").replace(b"     12508", b"     12600", 1)  # BAL
    out = check_contents([("ABP1208.txt", BYTES1), ("ABP1212.txt", moved)])
    later = out.reports[1]
    assert later.date == dt.date(2016, 12, 12) and later.valid
    cnt = [f for f in later.findings if f.code == "CNT001"]
    assert cnt and all(f.severity == "warning" for f in cnt)
    for f in cnt:
        for lang in ("en", "zh-TW"):
            assert "2016-12-09" in f.message() and "105/12/09" in f.message("zh-TW")
            assert "set " not in f.hint() and "改為" not in f.hint("zh-TW")
        assert "missing report" in f.hint() and "declare them closed" in f.hint()
        assert "2016-12-08" in f.message()  # the report it was compared with
        assert f.as_json()["severity"] == "warning"


def test_without_a_gap_a_mismatch_stays_an_error_that_says_what_to_set() -> None:
    out = check_contents([("ABP1208.txt", BYTES1),
                          ("ABP1209.txt", BYTES2.replace(b"     12508", b"     12509", 1))])
    f = next(f for f in out.reports[1].findings if f.code == "CNT001")
    assert f.severity == "error" and not out.reports[1].valid
    assert f.hint().startswith("set BAL to 12,508")
