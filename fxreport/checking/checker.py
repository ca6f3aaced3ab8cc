"""Checking reports: the decoder's findings plus the rules that need decoded values.

The decoder makes the encoding, structure, field, reserved and consistency
findings (the field types know their own rules).  This module holds the
rest as a registry keyed by rule code: ``FILE_CHECKS`` run on one file's
values, ``compare`` and ``link_series`` on a series.  Adding a rule is a
catalogue entry in ``fxreport.core.rules`` and one function here.  Nothing raises
on bad input; everything returns findings.
"""

from __future__ import annotations

import datetime as _dt
import os
from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .decoder import Decoded, decode
from ..core.fields import expected_filename, roc_text
from ..core.findings import Finding
from ..core.identities import CARRIED, IDENTITIES, PRIOR_DAY_FIELDS, TODAY_FIELDS, violations
from ..core.layout import AMOUNT, AMOUNTS, DATE_FIELD

if TYPE_CHECKING:
    from .calendar import BusinessCalendar

_CARRIED_NAMES = PRIOR_DAY_FIELDS + TODAY_FIELDS
_PRIOR = tuple(AMOUNTS[name] for name in PRIOR_DAY_FIELDS)
_MISSING = -(2**63)  # no amount is near it: |v| <= 999,999,999


class CheckResult:
    """The outcome of checking one file, with what its neighbours in a series need."""

    __slots__ = ("path", "bank", "date", "findings", "carried", "records", "_prior_raw")

    def __init__(self, path: str | None, bank: str | None, date: _dt.date | None,
                 findings: list[Finding], values: dict[str, int],
                 records: list[bytes] | None = None) -> None:
        self.path = path
        self.bank = bank
        self.date = date
        self.findings = findings
        # the records are kept only when a finding points into them (for the views)
        self.records = records if any(f.row for f in findings) else None
        # only the seven carried pairs are kept, packed, so a long series stays small
        get = values.get
        self.carried = array("q", [_MISSING if v is None else v
                                   for v in map(get, _CARRIED_NAMES)])
        # the prior-day fields' bytes, for a continuity finding's `found`: kept only when
        # they are not what the canonical writer would give for their values
        self._prior_raw: tuple[bytes, ...] | None = None
        if records is not None and len(records) == 3:
            raw = tuple(_PRIOR[i].cut(records[_PRIOR[i].row - 1]) for i in range(7))
            if any(r != AMOUNT.format(v) for r, v in zip(raw, self.carried[:7]) if v != _MISSING):
                self._prior_raw = raw

    def _amount(self, i: int) -> int | None:
        v = self.carried[i]
        return None if v == _MISSING else v

    @property
    def prior(self) -> tuple[int | None, ...]:
        """The seven prior-day amounts (None where malformed)."""
        return tuple(self._amount(i) for i in range(7))

    @property
    def today(self) -> tuple[int | None, ...]:
        """The previous-report side of the seven pairs: this report's today amounts."""
        return tuple(self._amount(i) for i in range(7, 14))

    @property
    def valid(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def prior_bytes(self, i: int) -> bytes | None:
        """The bytes of the ``i``-th prior-day field (of the seven carried pairs)."""
        if self._prior_raw is not None:
            return self._prior_raw[i]
        v = self._amount(i)
        return None if v is None else AMOUNT.format(v)


FileReport = CheckResult  # the name of earlier versions


# --- single-file checks: a registry keyed by the codes each one makes --------------------------

class FileContext(NamedTuple):
    decoded: Decoded
    name: str | None  # the file's base name, None for standard input
    calendar: BusinessCalendar | None


FileCheck = Callable[[FileContext], Iterable[Finding]]
FILE_CHECKS: dict[tuple[str, ...], FileCheck] = {}


def file_check(*codes: str) -> Callable[[FileCheck], FileCheck]:
    def register(check: FileCheck) -> FileCheck:
        FILE_CHECKS[codes] = check
        return check
    return register


@file_check(*(i.code for i in IDENTITIES))
def arithmetic(ctx: FileContext) -> Iterable[Finding]:
    """Each identity whose inputs are all well formed, reported at its left side."""
    d = ctx.decoded
    for ident, actual, expected in violations(d.values):
        field = AMOUNTS[ident.target]
        yield Finding(ident.code, field.row, field, field.cut(d.records[field.row - 1]),
                      actual=actual, expected=expected, diff=actual - expected)


@file_check("NAM001", "NAM002")
def naming(ctx: FileContext) -> Iterable[Finding]:
    bank, date = ctx.decoded.bank, ctx.decoded.date
    if ctx.name is None or not bank or not date:
        return
    want = expected_filename(bank, date)
    if ctx.name != want:
        code = "NAM002" if ctx.name.lower() == want.lower() else "NAM001"
        yield Finding(code, name=display_path(ctx.name), expected=want, bank=bank, date=date)


@file_check("FLD005")
def business_day(ctx: FileContext) -> Iterable[Finding]:
    """FORMAT.md 6.2: a report dated on a day that is not a business day."""
    d = ctx.decoded
    if ctx.calendar is None or d.date is None or ctx.calendar.is_business_day(d.date):
        return
    yield Finding("FLD005", 1, DATE_FIELD, DATE_FIELD.cut(d.records[0]), date=d.date,
                  reason=ctx.calendar.kind)


def check_bytes(data: bytes, path: str | None = None,
                calendar: BusinessCalendar | None = None) -> CheckResult:
    """Every single-file rule over ``data``; ``path``'s base name is naming-checked;
    with a ``calendar``, the date must be one of its business days."""
    d = decode(data)
    ctx = FileContext(d, os.path.basename(path) if path is not None else None, calendar)
    for check in FILE_CHECKS.values():
        d.findings.extend(check(ctx))
    return CheckResult(path, d.bank, d.date, d.findings, d.values, d.records)


def display_path(path: str) -> str:
    """A path safe to print and to put in JSON (undecodable bytes escaped)."""
    try:
        path.encode("utf-8")
        return path  # the same object: a long series keeps one copy of each path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# --- series checks ---------------------------------------------------------------------------

def compare(today: CheckResult, previous: CheckResult, calendar: BusinessCalendar) -> None:
    """Continuity of ``today`` against the report before it (findings added to today):
    CNT002 when it cannot be compared, CNT003 for a gap, CNT001 for each pair that differs."""
    out = today.findings
    if today.bank is None or today.date is None:
        return
    why = _not_comparable(today, previous)
    if why:
        out.append(Finding("CNT002", **why))
        return
    assert previous.date is not None
    missing = calendar.missing_between(previous.date, today.date)
    if missing:
        # FORMAT.md 6.3: the missing days are named as ROC dates, in either language
        out.append(Finding("CNT003", previous_date=previous.date,
                           missing=[roc_text(day) for day in missing],
                           expected=roc_text(calendar.previous(today.date))))
    for i, ((prior_name, today_name), mine, theirs) in enumerate(zip(CARRIED, today.prior,
                                                                     previous.today)):
        if mine is not None and theirs is not None and mine != theirs:
            field = AMOUNTS[prior_name]
            out.append(Finding("CNT001", field.row, field, today.prior_bytes(i),
                               actual=mine, expected=theirs, today=today_name,
                               previous=previous.date, reason="gap" if missing else None))


def _not_comparable(today: CheckResult, previous: CheckResult) -> dict[str, Any] | None:
    if previous.bank is None or previous.date is None:
        return {"reason": "prev_unreadable"}
    if previous.bank != today.bank:
        return {"reason": "prev_other_firm", "previous_bank": previous.bank, "bank": today.bank}
    assert today.date is not None
    if previous.date >= today.date:
        return {"reason": "prev_not_before", "previous_date": previous.date, "date": today.date}
    return None


CNT004_NAMED = 3  # a duplicate's message names at most this many other paths


def link_series(reports: Sequence[CheckResult], calendar: BusinessCalendar) -> None:
    """Group by firm, order by date, settle duplicates (FORMAT.md 6.4), and compare each
    date's report with the one before."""
    firms: dict[str, dict[_dt.date, list[CheckResult]]] = {}
    for r in reports:
        if r.bank is not None and r.date is not None:
            firms.setdefault(r.bank, {}).setdefault(r.date, []).append(r)
    for bank, days in firms.items():
        before: CheckResult | None = None
        for day in sorted(days):
            same = days[day]
            chosen = same[0] if len(same) == 1 else _duplicates(bank, day, same)
            if before is not None:
                for r in ([chosen] if chosen is not None else same):
                    compare(r, before, calendar)
            before = chosen  # after an unsettled duplicate, which one came before is unknown


def _duplicates(bank: str, day: _dt.date, same: list[CheckResult]) -> CheckResult | None:
    """CNT004 on each duplicate; the one file with the rule's exact name, if there is
    exactly one, is that date's report and gets none."""
    want = expected_filename(bank, day)
    named = [r for r in same if r.path is not None and os.path.basename(r.path) == want]
    chosen = named[0] if len(named) == 1 else None
    for r in same:
        if r is chosen:
            continue
        others = [o.path for o in same if o is not r]
        shown = others[:CNT004_NAMED]
        rest = len(others) - len(shown)
        r.findings.append(Finding("CNT004", bank=bank, count=len(same), date=day, paths=shown,
                                  more={"rest": rest} if rest else None, expected_name=want))
    return chosen


def finish(reports: Iterable[CheckResult]) -> None:
    for r in reports:
        r.findings.sort(key=Finding.sort_key)
