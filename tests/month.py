"""A month of one firm's reports, for the series at a glance: every business day of
November 2016 but one, one report with an error, one with a warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fxreport.checking.calendar import BusinessCalendar
from fxreport.core.fields import expected_filename
from fxreport.core.model import Report
from fxreport.policy.making import checked_bytes, make_report, roll_input
from reports import DAY1, put

MISSING = dt.date(2016, 11, 15)  # a business day without a report: a gap
BROKEN = dt.date(2016, 11, 22)  # POS written left-aligned: an error
WARNED = dt.date(2016, 11, 9)  # an empty line at the end: a warning


def month_days() -> list[dt.date]:
    calendar = BusinessCalendar()
    day, out = dt.date(2016, 11, 1), []
    while day.month == 11:
        if calendar.is_business_day(day):
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def month_reports() -> dict[dt.date, bytes]:
    """Each business day's bytes, balances carried, activity varying day by day."""
    from fxreport.api import loads

    previous: Report = loads(DAY1.read_bytes())
    out = {}
    for n, day in enumerate(month_days()):
        doc = roll_input(previous, day)
        doc["row1"]["AB"] = 1500 + (n * 733) % 2100
        doc["row1"]["AS"] = 900 + (n * 517) % 2600
        doc["row2"]["A_FC1"] = (n * 389) % 700
        doc["row2"]["A_FS1"] = (n * 211) % 650
        report = make_report(doc, derived=True)
        out[day] = checked_bytes(report)[0]
        previous = report
    return out


def write_month(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for day, data in month_reports().items():
        if day == MISSING:
            continue
        if day == BROKEN:  # POS (row 3, columns 124-133) left-aligned
            raw = data.split(b"\r\n")[2][123:133].strip()
            data = put(data, 3, 124, raw.ljust(10))
        if day == WARNED:
            data += b"\r\n"
        path = folder / expected_filename("ABCD", day)
        path.write_bytes(data)
        paths.append(path)
    return paths
