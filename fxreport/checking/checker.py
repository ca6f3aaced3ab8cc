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
import operator
from itertools import groupby
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .decoder import Decoded, amount_names, decode
from .results import CheckResult
from ..core.fields import expected_filename, roc_text
from ..core.findings import Finding
from ..core.identities import (
    CARRIED,
    IDENTITIES,
    PRIOR_DAY_FIELDS,
    TODAY_FIELDS,
    all_hold,
    violations,
)
from ..core.fields import AMOUNT
from ..core.layout import AMOUNTS, DATE_FIELD, FX_POSITION
from ..core.words import display_path

if TYPE_CHECKING:
    from .calendar import BusinessCalendar

_CARRIED_NAMES = PRIOR_DAY_FIELDS + TODAY_FIELDS
_PRIOR = tuple(AMOUNTS[name] for name in PRIOR_DAY_FIELDS)
_SEVEN = len(PRIOR_DAY_FIELDS)  # the carried pairs: prior-day amounts, then today's


# the canonical writer's form of the seven prior-day fields, side by side
_CANONICAL = b"".join(b"%%%dd" % f.width for f in _PRIOR)
_INDEX = {name: i for i, name in enumerate(amount_names(FX_POSITION))}
_CARRIED_AT = tuple(_INDEX[name] for name in _CARRIED_NAMES)
_PRIOR_AT = tuple((f.row - 1, f.start - 1, f.end) for f in _PRIOR)
_carried_of = operator.itemgetter(*_CARRIED_AT)
_NO_FINDINGS: tuple[Finding, ...] = ()


def _carried_from(values: dict[str, int]) -> tuple[int | None, ...]:
    """The fourteen carried amounts of a file's values, None where malformed."""
    return tuple(map(values.get, _CARRIED_NAMES))


def _prior_raw(records: list[bytes] | None, carried: tuple[int | None, ...],
               complete: bool) -> tuple[bytes, ...] | None:
    """The prior-day fields' bytes, for a continuity finding's ``found``: kept only when
    they are not what the canonical writer would give for their values."""
    if records is None or len(records) != 3:
        return None
    if complete and b"".join([records[r][a:b] for r, a, b in _PRIOR_AT]) == (
            _CANONICAL % carried[:_SEVEN]):  # (one comparison for the seven)
        return None
    raw = tuple(records[r][a:b] for r, a, b in _PRIOR_AT)
    if any(r != AMOUNT.format(v) for r, v in zip(raw, carried) if v is not None):
        return raw
    return None


class Entry:
    """What a series keeps of one checked file while it links the files: the series
    code's own compact form, turned into the plain ``CheckResult`` by ``result``.

    A long series keeps one per file, so it is small: the path as its folder's
    string (shared by the folder's files) and its name, no list when there is no
    finding, the fourteen carried amounts as the one tuple the result keeps too, the
    records only when a finding points into them."""

    __slots__ = ("_folder", "_name", "bank", "date", "carried", "_more")

    def __init__(self, path: str | None, bank: str | None, date: _dt.date | None,
                 findings: list[Finding], values: dict[str, int] | None,
                 records: list[bytes] | None = None, ints: Sequence[int] | None = None) -> None:
        self._folder: str | None = None
        self._name = path
        self.bank = bank
        self.date = date
        # [findings, records, prior-day bytes], each None when there is none; None for all three
        self._more: list[Any] | None = None
        # of the amounts only the seven carried pairs are kept, so a long series stays small
        carried: tuple[int | None, ...] = (
            _carried_of(ints) if ints is not None else _carried_from(values or {}))
        self.carried = carried
        # the records are kept only when a finding points into them (for the views)
        kept = records if findings and any(f.row for f in findings) else None
        prior_raw = _prior_raw(records, carried, ints is not None)
        if findings or kept is not None or prior_raw is not None:
            self._more = [findings or None, kept, prior_raw]

    @property
    def path(self) -> str | None:
        """The path as shown (undecodable bytes escaped); None when none was given."""
        folder = self._folder
        return self._name if folder is None else folder + self._name  # type: ignore[operator]

    @path.setter
    def path(self, value: str | None) -> None:
        self._folder, self._name = None, value

    def _place(self, folder: str, name: str) -> None:
        """The path ``folder + name`` without a string of its own where it can be shown
        as it is (``folder`` is one string for all of its files)."""
        if (name.isascii() or _shown_as_is(name)) and (folder.isascii() or _shown_as_is(folder)):
            self._folder, self._name = folder, name
        else:
            self.path = display_path(folder + name)

    def _part(self, i: int) -> Any:
        more = self._more
        return None if more is None else more[i]

    def _set_part(self, i: int, value: Any) -> None:
        if self._more is None:
            self._more = [None, None, None]
        self._more[i] = value

    @property
    def findings(self) -> list[Finding]:
        """The findings, in order (a list made on first use when there is none)."""
        found = self._part(0)
        if found is None:
            found = []
            self._set_part(0, found)
        return found  # type: ignore[no-any-return]

    @findings.setter
    def findings(self, value: list[Finding]) -> None:
        self._set_part(0, value)

    def iter_findings(self) -> Sequence[Finding]:
        """The findings for reading only (no list is made for a file without any)."""
        return self._part(0) or _NO_FINDINGS

    @property
    def records(self) -> list[bytes] | None:
        """The file's records, kept when a finding points into them."""
        return self._part(1)  # type: ignore[no-any-return]

    @records.setter
    def records(self, value: list[bytes] | None) -> None:
        self._set_part(1, value)


    @property
    def prior(self) -> tuple[int | None, ...]:
        """The seven prior-day amounts (None where malformed)."""
        return self.carried[:_SEVEN]

    @property
    def today(self) -> tuple[int | None, ...]:
        """The previous-report side of the seven pairs: this report's today amounts."""
        return self.carried[_SEVEN:]

    @property
    def valid(self) -> bool:
        found = self._part(0)
        return not found or not any(f.severity == "error" for f in found)

    def count(self, severity: str) -> int:
        found = self._part(0)
        return sum(1 for f in found if f.severity == severity) if found else 0

    def prior_bytes(self, i: int) -> bytes | None:
        """The bytes of the ``i``-th prior-day field (of the seven carried pairs)."""
        raw = self._part(2)
        if raw is not None:
            return raw[i]  # type: ignore[no-any-return]
        v = self.carried[i]
        return None if v is None else AMOUNT.format(v)

    def result(self, keep: Callable[[list[str]], Iterable[str]] | None = None) -> CheckResult:
        """The plain result: findings in order (``keep`` gives the codes to keep of
        the codes found, for ``--select``/``--ignore``), amounts unpacked."""
        found: Sequence[Finding] = self.iter_findings()
        if keep is not None and found:
            kept = set(keep([f.code for f in found]))
            found = [f for f in found if f.code in kept]
        records = self.records
        return CheckResult(self.path, self.bank, self.date,
                           tuple(sorted(found, key=Finding.sort_key)),
                           self.carried,
                           tuple(records) if records is not None and found else ())

    def __reduce__(self) -> tuple[Any, ...]:  # from a worker process: as few objects as can be
        return _restore, (self._folder, self._name, self.bank, self.date, self.carried,
                          self._more)


def _restore(folder: str | None, name: str | None, bank: str | None, date: _dt.date | None,
             carried: tuple[int | None, ...], more: list[Any] | None) -> Entry:
    r = Entry.__new__(Entry)
    r._folder, r._name, r.bank, r.date, r.carried, r._more = folder, name, bank, date, carried, more
    return r


def _shown_as_is(text: str) -> bool:
    return display_path(text) is text


# --- single-file checks: a registry keyed by the codes each one makes --------------------------

class FileContext:
    """What a single-file check sees."""

    __slots__ = ("decoded", "name", "calendar")

    def __init__(self, decoded: Decoded, name: str | None, calendar: BusinessCalendar | None) -> None:
        self.decoded = decoded
        self.name = name  # the file's base name, None for standard input
        self.calendar = calendar


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
    if d.ints is not None and all_hold(d.ints):  # the usual case: every amount well formed
        return
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
    return check_entry(data, path, calendar).result()


def check_entry(data: bytes, path: str | None = None,
                calendar: BusinessCalendar | None = None) -> Entry:
    """``check_bytes`` as the series code keeps it (continuity may add findings)."""
    d = decode(data)
    ctx = FileContext(d, os.path.basename(path) if path is not None else None, calendar)
    for check in FILE_CHECKS.values():
        d.findings.extend(check(ctx))
    bank, date = d.heads.get(1, (None, None))
    if d.ints is not None:
        return Entry(path, bank, date, d.findings, None, d.records, d.ints)
    return Entry(path, bank, date, d.findings, d.values, d.records)


# --- series checks ---------------------------------------------------------------------------

def compare(today: Entry, previous: Entry, calendar: BusinessCalendar) -> None:
    """Continuity of ``today`` against the report before it (findings added to today):
    CNT002 when it cannot be compared, CNT003 for a gap, CNT001 for each pair that differs."""
    if today.bank is None or today.date is None:
        return
    why = _not_comparable(today, previous)
    if why:
        today.findings.append(Finding("CNT002", **why))
        return
    missing = _gap(today, previous, calendar)
    if today.prior != previous.today:  # (one comparison when all seven pairs agree)
        _mismatches(today, previous, missing)


def _gap(today: Entry, previous: Entry, calendar: BusinessCalendar) -> list[_dt.date]:
    """The business days between the two reports; CNT003 on ``today`` when there are any."""
    assert today.date is not None and previous.date is not None
    missing = calendar.missing_between(previous.date, today.date)
    if missing:
        # FORMAT.md 6.3: the missing days are named as ROC dates, in either language
        today.findings.append(Finding("CNT003", previous_date=previous.date,
                                      missing=[roc_text(day) for day in missing],
                                      expected=roc_text(calendar.previous(today.date))))
    return missing


def _mismatches(today: Entry, previous: Entry, missing: list[_dt.date]) -> None:
    """CNT001 for each of the seven pairs that differs (both sides well formed)."""
    for i, ((prior_name, today_name), mine, theirs) in enumerate(zip(CARRIED, today.prior,
                                                                     previous.today)):
        if mine is not None and theirs is not None and mine != theirs:
            field = AMOUNTS[prior_name]
            today.findings.append(Finding("CNT001", field.row, field, today.prior_bytes(i),
                                          actual=mine, expected=theirs, today=today_name,
                                          previous=previous.date,
                                          reason="gap" if missing else None))


def _not_comparable(today: Entry, previous: Entry) -> dict[str, Any] | None:
    if previous.bank is None or previous.date is None:
        return {"reason": "prev_unreadable"}
    if previous.bank != today.bank:
        return {"reason": "prev_other_firm", "previous_bank": previous.bank, "bank": today.bank}
    assert today.date is not None
    if previous.date >= today.date:
        return {"reason": "prev_not_before", "previous_date": previous.date, "date": today.date}
    return None


CNT004_NAMED = 3  # a duplicate's message names at most this many other paths


def link_series(reports: Sequence[Entry], calendar: BusinessCalendar) -> None:
    """Group by firm, order by date, settle duplicates (FORMAT.md 6.4), and compare each
    date's report with the one before."""
    firms: dict[str, list[Entry]] = {}
    for r in reports:
        if r.bank is not None and r.date is not None:
            firms.setdefault(r.bank, []).append(r)
    for bank, series in firms.items():
        series.sort(key=_date_of)  # stable: the files of one date keep their order
        before: Entry | None = None
        for day, same in groupby(series, key=_date_of):
            before = _link_day(bank, day, list(same), before, calendar)


def _link_day(bank: str, day: _dt.date, same: list[Entry], before: Entry | None,
              calendar: BusinessCalendar) -> Entry | None:
    """Compare a date's report (or each of its unsettled duplicates) with ``before``; the
    report the next date is compared with (None after an unsettled duplicate: which one
    came before is unknown)."""
    chosen = same[0] if len(same) == 1 else _duplicates(bank, day, same)
    if before is not None:
        for r in ([chosen] if chosen is not None else same):
            compare(r, before, calendar)
    return chosen


def _date_of(r: Entry) -> _dt.date:
    return r.date  # type: ignore[return-value]


def _duplicates(bank: str, day: _dt.date, same: list[Entry]) -> Entry | None:
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

