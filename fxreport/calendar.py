"""Taiwan business days: the ``holidays`` TW calendar plus closure days of your own.

``holidays.TW().is_working_day`` knows weekends, public holidays and the
make-up working Saturdays (調整上班日); typhoon days and other closures are not
known in advance, so they come from a file (one ISO or ROC date per line).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .fields import FieldFormatError, parse_any_date

_ONE_DAY = _dt.timedelta(days=1)


class BusinessCalendar:
    def __init__(self, closed: Iterable[_dt.date] = ()) -> None:
        self.closed = frozenset(closed)
        self._tw: Any = None
        self._previous: dict[_dt.date, _dt.date] = {}  # firms of a series share their dates

    def _calendar(self) -> Any:
        if self._tw is None:
            import holidays  # lazy: it costs tens of milliseconds to import

            self._tw = holidays.country_holidays("TW")
        return self._tw

    def is_business_day(self, day: _dt.date) -> bool:
        return day not in self.closed and bool(self._calendar().is_working_day(day))

    def previous(self, day: _dt.date) -> _dt.date:
        found = self._previous.get(day)
        if found is None:
            found = day - _ONE_DAY
            while not self.is_business_day(found):
                found -= _ONE_DAY
            self._previous[day] = found
        return found

    def next(self, day: _dt.date) -> _dt.date:
        day += _ONE_DAY
        while not self.is_business_day(day):
            day += _ONE_DAY
        return day


def read_closed_days(path: str | Path) -> list[_dt.date]:
    """Dates from a file: one per line, ISO or ROC; ``#`` starts a comment."""
    return days_from_text(Path(path).read_text(encoding="utf-8", errors="replace"), str(path))


def days_from_text(text: str, path: str) -> list[_dt.date]:
    """Dates from text as ``read_closed_days`` reads a file (``path`` names it in errors)."""
    days = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            days.append(parse_any_date(line))
        except FieldFormatError:
            raise ValueError(f"{path}:{n}: {line!r} is not a date (ISO 2016-12-09 or ROC 105/12/09)") from None
    return days
