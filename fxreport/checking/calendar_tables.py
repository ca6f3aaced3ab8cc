"""The business-day rules taken from ``holidays``, and the generator of their tables.

``fxreport.checking.calendar`` answers from ``fxreport/checking/_calendar_data.py`` for the years
``FIRST_YEAR`` to ``LAST_YEAR`` so that checking never imports ``holidays`` (it costs
150-250 ms: it imports every country).  That module is generated from the rules
below; regenerate it after changing them or upgrading ``holidays``::

    python -m fxreport.checking.calendar_tables          # rewrite fxreport/checking/_calendar_data.py
    python -m fxreport.checking.calendar_tables --check  # exit 1 if it is out of date

The span:

- ``FIRST_YEAR`` 2008 is the first year of ``holidays``' Taiwan Stock Exchange
  calendar (``XTAI``'s ``start_year``): before it XTAI has no holidays at all, so a
  table would freeze a calendar known to be wrong.  Earlier dates fall back to
  ``holidays`` itself (right for ``government``, TW starts in 1998; weekends only for
  ``bank`` and ``exchange``).
- ``LAST_YEAR`` 2030 keeps the next few years' reports off the slow path.  ``holidays``
  0.109 was checked against the official calendars up to 2026 (DGPA and TWSE
  references); later years are its rules (fixed and lunar holidays, observed days),
  with no bridge days or make-up Saturdays known for them.  The calendar test
  compares the tables with the installed ``holidays`` day by day, so an upgrade that
  corrects a year shows up as a failing test until the tables are regenerated.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from collections.abc import Callable
from pathlib import Path


# the calendars these rules give (``holidays_rule``), written into the tables, whose keys
# are ``calendar.CALENDARS``
KINDS = ("bank", "exchange", "government")
FIRST_YEAR = 2008
LAST_YEAR = 2030
# XTAI's name, in holidays' source language, for the days before Lunar New Year on
# which the stock market does not trade but clears and settles (banks work).
SETTLEMENT_ONLY = "無交易（僅辦理結算交割）"
DATA_PATH = Path(__file__).with_name("_calendar_data.py")

_ONE_DAY = _dt.timedelta(days=1)


def holidays_rule(kind: str) -> Callable[[_dt.date], bool]:
    """``kind``'s business-day predicate computed by ``holidays`` (imports it)."""
    import holidays  # lazy, heavy: holidays

    if kind == "government":
        tw = holidays.country_holidays("TW")
        return lambda day: bool(tw.is_working_day(day))
    xtai = holidays.financial_holidays("XTAI", language="zh_TW")
    if kind == "exchange":
        return lambda day: bool(xtai.is_working_day(day))
    if kind != "bank":
        raise ValueError(f"unknown calendar {kind!r}; choose one of {', '.join(KINDS)}")
    settlement = xtai.tr(SETTLEMENT_ONLY)

    def bank(day: _dt.date) -> bool:
        if xtai.is_working_day(day):
            return True
        names = xtai.get_list(day)  # empty on an ordinary weekend
        return bool(names) and all(name == settlement for name in names)

    return bank


def exceptions(rule: Callable[[_dt.date], bool], first: int = FIRST_YEAR,
               last: int = LAST_YEAR) -> tuple[dict[int, list[_dt.date]], dict[int, list[_dt.date]]]:
    """Per year: the weekdays ``rule`` closes and the Saturdays and Sundays it opens."""
    closed: dict[int, list[_dt.date]] = {}
    opened: dict[int, list[_dt.date]] = {}
    day, end = _dt.date(first, 1, 1), _dt.date(last, 12, 31)
    while day <= end:
        business = rule(day)
        if day.weekday() < 5 and not business:
            closed.setdefault(day.year, []).append(day)
        elif day.weekday() >= 5 and business:
            opened.setdefault(day.year, []).append(day)
        day += _ONE_DAY
    return closed, opened


def _lines(per_year: dict[int, list[_dt.date]]) -> list[str]:
    return [f'        "{year} ' + " ".join(f"{d.month:02d}{d.day:02d}" for d in days) + '",'
            for year, days in sorted(per_year.items())]


def generate() -> str:
    """The text of ``fxreport/checking/_calendar_data.py`` from the installed ``holidays``."""
    closed_out = ["CLOSED_WEEKDAYS = {"]
    open_out = ["OPEN_WEEKEND_DAYS = {"]
    for kind in KINDS:
        closed, opened = exceptions(holidays_rule(kind))
        closed_out += [f'    "{kind}": (', *_lines(closed), "    ),"]
        open_out += [f'    "{kind}": (', *_lines(opened), "    ),"]
    head = [
        '"""Business-day tables of fxreport.checking.calendar: generated, do not edit.',
        "",
        "Written by `python -m fxreport.checking.calendar_tables` from the `holidays` package.",
        "Per calendar, one string per year: the year, then as MMDD the weekdays that are",
        "not business days (CLOSED_WEEKDAYS) or the Saturdays and Sundays that are",
        '(OPEN_WEEKEND_DAYS; years without any are left out)."""',
        "",
        f"FIRST_YEAR = {FIRST_YEAR}",
        f"LAST_YEAR = {LAST_YEAR}",
        "",
    ]
    return "\n".join(head + closed_out + ["}", ""] + open_out + ["}", ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fxreport.checking.calendar_tables",
                                     description=f"Regenerate {DATA_PATH.name} from holidays.")
    parser.add_argument("--check", action="store_true",
                        help="only say whether the committed tables are up to date (exit 1 if not)")
    args = parser.parse_args(argv)
    text = generate()
    try:
        current = DATA_PATH.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = None
    if args.check:
        if current != text:
            print(f"{DATA_PATH} is out of date: run python -m fxreport.checking.calendar_tables",
                  file=sys.stderr)
            return 1
        print(f"{DATA_PATH} is up to date")
        return 0
    if current != text:
        with open(DATA_PATH, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(f"wrote {DATA_PATH}")
    else:
        print(f"{DATA_PATH} was already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
