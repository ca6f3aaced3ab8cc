"""Checking reports: the decoder's findings plus arithmetic, naming and continuity.

``check_bytes`` checks one file's content; ``link_series`` adds the findings
that need several reports (continuity, duplicates).  Everything returns
findings; nothing raises on bad input.
"""

from __future__ import annotations

import datetime as _dt
import os
from array import array
from collections.abc import Callable, Iterable, Sequence

from .calendar import BusinessCalendar
from .decoder import decode
from .fields import expected_filename
from .findings import Finding
from .identities import CARRIED, IDENTITIES, PRIOR_DAY_FIELDS, TODAY_FIELDS
from .layout import AMOUNTS

_ID_PLAN = tuple((i, AMOUNTS[i.target], i.terms) for i in IDENTITIES)


def _all_hold_predicate() -> Callable[[dict[str, int]], bool]:
    """One generated expression testing every identity at once, for reports whose
    amounts are all well formed (the usual case); written from IDENTITIES."""
    tests = []
    for i in IDENTITIES:
        rhs = " ".join(f"{'+' if sign > 0 else '-'} v[{name!r}]" for sign, name in i.terms)
        tests.append(f"v[{i.target!r}] == {rhs}")
    return eval("lambda v: " + " and ".join(tests))  # type: ignore[no-any-return]


_ALL_HOLD = _all_hold_predicate()
_CARRIED_NAMES = PRIOR_DAY_FIELDS + TODAY_FIELDS
_MISSING = -(2**63)  # no amount is near it: |v| <= 999,999,999
_ALL_AMOUNTS = len(AMOUNTS)


class FileReport:
    """The outcome of checking one file, with what its neighbours in a series need."""

    __slots__ = ("path", "bank", "date", "findings", "carried", "records")

    def __init__(self, path: str | None, bank: str | None, date: _dt.date | None,
                 findings: list[Finding], values: dict[str, int],
                 records: list[bytes] | None = None) -> None:
        self.path = path
        self.bank = bank
        self.date = date
        self.findings = findings
        # the records are kept only when a finding points into them (for the text view)
        self.records = records if any(f.row for f in findings) else None
        # only the seven carried pairs are kept, packed, so a long series stays small
        get = values.get
        self.carried = array("q", [_MISSING if v is None else v
                                   for v in map(get, _CARRIED_NAMES)])

    @property
    def prior(self) -> tuple[int | None, ...]:
        """The seven prior-day amounts (None where malformed)."""
        return tuple(None if v == _MISSING else v for v in self.carried[:7])

    @property
    def today(self) -> tuple[int | None, ...]:
        """The previous-report side of the seven pairs: this report's today amounts."""
        return tuple(None if v == _MISSING else v for v in self.carried[7:])

    @property
    def valid(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def check_bytes(data: bytes, path: str | None = None) -> FileReport:
    """Every single-file rule over ``data``; ``path``'s base name is naming-checked."""
    d = decode(data)
    findings = d.findings
    values = d.values
    if len(values) != _ALL_AMOUNTS or not _ALL_HOLD(values):
        _arithmetic(values, findings)
    bank, date = d.bank, d.date
    if path is not None and bank and date:
        name = os.path.basename(path)
        want = expected_filename(bank, date)
        if name != want:
            code = "NAM002" if name.lower() == want.lower() else "NAM001"
            findings.append(Finding(code, name=display_path(name), expected=want, bank=bank,
                                    date=date.isoformat()))
    return FileReport(path, bank, date, findings, values, d.records)


def _arithmetic(values: dict[str, int], findings: list[Finding]) -> None:
    """Each identity whose inputs are all well formed, reported at its left side."""
    for ident, field, terms in _ID_PLAN:
        actual = values.get(ident.target)
        if actual is None:
            continue
        expected = 0
        for sign, name in terms:
            v = values.get(name)
            if v is None:
                break
            expected += sign * v
        else:
            if expected != actual:
                findings.append(Finding(ident.code, field.row, field, None,
                                        actual=actual, expected=expected, diff=actual - expected))


def display_path(path: str) -> str:
    """A path safe to print and to put in JSON (undecodable bytes escaped)."""
    try:
        path.encode("utf-8")
        return path  # the same object: a long series keeps one copy of each path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def compare(today: FileReport, previous: FileReport, calendar: BusinessCalendar) -> None:
    """Continuity of ``today`` against the report before it (findings added to today)."""
    out = today.findings
    if today.bank is None or today.date is None:
        return
    if previous.bank is None or previous.date is None:
        out.append(Finding("CNT002", why="the previous report's firm code or date cannot be read",
                           why_zh="無法讀取前一份申報的證券商代號或日期"))
        return
    if previous.bank != today.bank:
        out.append(Finding("CNT002", why=f"the previous report is of firm {previous.bank}, not {today.bank}",
                           why_zh=f"前一份申報為證券商 {previous.bank}，不是 {today.bank}"))
        return
    if previous.date >= today.date:
        out.append(Finding("CNT002", why=f"the previous report is dated {previous.date.isoformat()}, "
                                         f"not before {today.date.isoformat()}",
                           why_zh=f"前一份申報日期為 {previous.date.isoformat()}，不早於 {today.date.isoformat()}"))
        return
    expected = calendar.previous(today.date)
    if previous.date != expected:
        out.append(Finding("CNT003", previous_date=previous.date.isoformat(),
                           date=today.date.isoformat(), expected_date=expected.isoformat()))
    for (prior_name, today_name), mine, theirs in zip(CARRIED, today.prior, previous.today):
        if mine is not None and theirs is not None and mine != theirs:
            field = AMOUNTS[prior_name]
            out.append(Finding("CNT001", field.row, field, None, actual=mine, expected=theirs,
                               today=today_name, previous=previous.date.isoformat()))


def link_series(reports: Sequence[FileReport], calendar: BusinessCalendar) -> None:
    """Group by firm, order by date, flag duplicate dates, compare each with the one before."""
    firms: dict[str, dict[_dt.date, list[FileReport]]] = {}
    for r in reports:
        if r.bank is not None and r.date is not None:
            firms.setdefault(r.bank, {}).setdefault(r.date, []).append(r)
    for bank, days in firms.items():
        before: list[FileReport] = []
        for day in sorted(days):
            same = days[day]
            if len(same) > 1:
                paths = ", ".join(str(r.path) for r in same)
                for r in same:
                    r.findings.append(Finding("CNT004", bank=bank, count=len(same),
                                              date=day.isoformat(), paths=paths))
            if len(before) == 1:  # after a duplicated day, which one came before is unknown
                for r in same:
                    compare(r, before[0], calendar)
            before = same


def finish(reports: Iterable[FileReport]) -> None:
    for r in reports:
        r.findings.sort(key=Finding.sort_key)
