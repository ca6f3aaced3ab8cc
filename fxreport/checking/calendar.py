"""Taiwan business days (FORMAT.md 6.1): three calendars plus days of your own.

- ``bank`` (the default): the Taiwan Stock Exchange calendar (``holidays``' ``XTAI``:
  weekends and holidays such as Labor Day closed, make-up Saturdays open), except
  that its "no trading, market opens only for clearing and settlement" days before
  Lunar New Year are business days: banks and the FX market work on them.
- ``exchange``: ``XTAI`` unchanged (the stock market's trading days).
- ``government``: the government office calendar (``holidays`` ``TW``, make-up
  Saturdays open, Labor Day open until 2025).

Typhoon days and other closures are not known in advance: ``closed`` and ``open``
days (from ``--closed-days``/``--open-days`` files, see ``read_days``) adjust any
calendar.

For the years of ``fxreport/checking/_calendar_data.py`` (2008-2030) the answers come from
tables generated from ``holidays`` (``fxreport.checking.calendar_tables`` says how and why
that span), so ``holidays``, which costs 150-250 ms to import, is imported only
for a day outside them.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Iterable
from typing import Literal, get_args

from ..core.fields import FieldFormatError, parse_any_date, roc_year_fits
from ..core.words import calendar_message
from . import _calendar_data

# (the generator's calendar_tables.KINDS, whose tables _calendar_data holds: a test keeps
# the three equal, since a Literal type cannot be read from a value)
CalendarKind = Literal["bank", "exchange", "government"]
CALENDARS: tuple[CalendarKind, ...] = get_args(CalendarKind)
DEFAULT_CALENDAR = "bank"

_ONE_DAY = _dt.timedelta(days=1)
# kind -> year -> (closed weekdays, open weekend days), each year parsed on first use
_YEARS: dict[str, dict[int, tuple[frozenset[_dt.date], frozenset[_dt.date]]]] = {}
_FALLBACK: dict[str, Callable[[_dt.date], bool]] = {}


def _parse(lines: Iterable[str], year: int) -> frozenset[_dt.date]:
    """The days of ``year`` in a table's lines (``"2016 0101 0208 ..."``)."""
    for line in lines:
        first, *rest = line.split()
        if int(first) == year:
            return frozenset(_dt.date(year, int(md[:2]), int(md[2:])) for md in rest)
    return frozenset()


def _year(kind: str, year: int) -> tuple[frozenset[_dt.date], frozenset[_dt.date]] | None:
    """The shipped table of ``kind`` for ``year``, None for a year it does not cover."""
    years = _YEARS.get(kind)
    if years is None:
        years = _YEARS[kind] = {}
    table = years.get(year)
    if table is None:
        if not _calendar_data.FIRST_YEAR <= year <= _calendar_data.LAST_YEAR:
            return None
        table = years[year] = (_parse(_calendar_data.CLOSED_WEEKDAYS[kind], year),
                               _parse(_calendar_data.OPEN_WEEKEND_DAYS[kind], year))
    return table


def _fallback(kind: str) -> Callable[[_dt.date], bool]:
    rule = _FALLBACK.get(kind)
    if rule is None:
        from .calendar_tables import holidays_rule  # lazy, heavy: imports holidays

        rule = _FALLBACK[kind] = holidays_rule(kind)
    return rule


class CalendarError(ValueError):
    """A calendar or day file that cannot be used; ``str()`` is the English message,
    ``message(lang)`` the catalogue's words (``core.words.CALENDAR``) in either language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(calendar_message(key, "en", params))
        self.key = key
        self.params = params

    def message(self, lang: str = "en") -> str:
        return calendar_message(self.key, lang, self.params)


def _as_date(day: _dt.date) -> _dt.date:
    """A ``datetime`` is a ``date`` that never equals one: keep only its date."""
    return day.date() if isinstance(day, _dt.datetime) else day


class BusinessCalendar:
    """Business days of one calendar (``CALENDARS``) with ``closed`` and ``open``
    days on top.  A day in both is a ``ValueError``, as is an unknown ``kind``."""

    def __init__(self, kind: str = DEFAULT_CALENDAR, closed: Iterable[_dt.date] = (),
                 open: Iterable[_dt.date] = ()) -> None:  # noqa: A002 (the option's name)
        if kind not in CALENDARS:
            raise CalendarError("unknown_calendar", kind=str(kind), kinds=list(CALENDARS))
        self.kind = kind
        self.closed = frozenset(map(_as_date, closed))
        self.open = frozenset(map(_as_date, open))
        both = sorted(self.closed & self.open)
        if both:
            raise CalendarError("closed_and_open", days=both)
        # firms of a series share their dates: each answer is worked out once
        self._previous: dict[_dt.date, _dt.date] = {}
        self._open_on: dict[_dt.date, bool] = {}
        self._between: dict[tuple[_dt.date, _dt.date], tuple[_dt.date, ...]] = {}

    def __repr__(self) -> str:
        return (f"BusinessCalendar({self.kind!r}, closed={len(self.closed)} days, "
                f"open={len(self.open)} days)")

    def _base(self, day: _dt.date) -> bool:
        table = _year(self.kind, day.year)
        if table is not None:
            closed, opened = table
            return day in opened if day.weekday() >= 5 else day not in closed
        return _fallback(self.kind)(day)

    def is_business_day(self, day: _dt.date) -> bool:
        known = self._open_on.get(day)  # a datetime never equals a date: never found
        if known is not None:
            return known
        day = _as_date(day)
        if day in self.closed:
            known = False
        elif day in self.open:
            known = True
        else:
            known = self._base(day)
        self._open_on[day] = known
        return known

    def previous(self, day: _dt.date) -> _dt.date:
        """The last business day strictly before ``day``."""
        day = _as_date(day)
        found = self._previous.get(day)
        if found is None:
            found = day - _ONE_DAY
            while not self.is_business_day(found):
                found -= _ONE_DAY
            self._previous[day] = found
        return found

    def next(self, day: _dt.date) -> _dt.date:
        """The first business day strictly after ``day``."""
        day = _as_date(day) + _ONE_DAY
        while not self.is_business_day(day):
            day += _ONE_DAY
        return day

    def missing_between(self, earlier: _dt.date, later: _dt.date) -> list[_dt.date]:
        """The business days strictly between ``earlier`` and ``later`` (none if
        ``later`` is not after ``earlier``)."""
        earlier, later = _as_date(earlier), _as_date(later)
        known = self._between.get((earlier, later))
        if known is None:
            days: list[_dt.date] = []
            day = earlier + _ONE_DAY
            while day < later:
                if self.is_business_day(day):
                    days.append(day)
                day += _ONE_DAY
            known = self._between[earlier, later] = tuple(days)
        return list(known)


# --- day files ----------------------------------------------------------------

def days_text(data: bytes, path: str) -> str:
    """A day file's bytes as text: UTF-8 with or without a byte order mark, or cp950."""
    from ..core.text import NotText, decode_text  # lazy, start-up: only for a day file

    try:
        return decode_text(data, nul_is_utf16=True)
    except NotText as exc:
        raise CalendarError("days_utf16" if exc.utf16 else "days_not_text", path=path) from None


def _date(text: str) -> _dt.date | None:
    try:
        day = parse_any_date(text, exact=True)
    except FieldFormatError:
        return None
    # A day the report's dates cannot name (ROC years 001-999) is no date here.
    return day if roc_year_fits(day) else None


def read_days(path: str | os.PathLike[str]) -> list[_dt.date]:
    """The dates of a day file: one ISO (``2016-12-09``) or ROC (``105/12/09``) date
    a line; ``#`` starts a comment, blank lines are ignored; UTF-8 with or without a
    byte order mark, or cp950.  ``OSError`` if it cannot be read; ``ValueError``
    naming the file and line for a line that is not a date."""
    name = os.fspath(path)
    with open(path, "rb") as f:
        data = f.read()
    return days_from_text(days_text(data, name), name)


def days_from_text(text: str, name: str) -> list[_dt.date]:
    """The dates of a day file's text (``name`` names it in errors), as ``read_days``."""
    days: list[_dt.date] = []
    for n, line in enumerate(text.splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        day = _date(text)
        if day is None:
            raise CalendarError("days_not_a_date", path=name, line=n, value=text)
        days.append(day)
    return days
