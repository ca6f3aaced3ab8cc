"""A closed or open day that no report date can name (before ROC year 001, 1912) was
accepted and later crashed formatting it as a ROC date (found by schemathesis:
`closed_days=1911-01-01` on /api/report in zh-TW).  It is a line that is not a date."""

import pytest

from fxreport.checking.calendar import days_from_text


@pytest.mark.parametrize("text", ["1911-01-01", "1911-12-31", "2911-01-01"])
def test_day_outside_roc_years_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="line 1"):
        days_from_text(text, "closed.txt")


def test_first_and_last_roc_years_are_days() -> None:
    days = days_from_text("1912-01-01\n2910-12-31\n", "closed.txt")
    assert [d.year for d in days] == [1912, 2910]
