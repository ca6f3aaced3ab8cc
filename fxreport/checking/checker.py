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
import marshal
import operator
from itertools import groupby
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .decoder import Decoded, amount_names, decode
from .quality import (
    ACTIVITY,
    GROSS_BALANCES,
    SCALE_MIN_COUNT,
    SCALE_WINDOW,
    copied_activity,
    negative_balances,
    out_of_scale,
    over_limits,
    scale_finding,
)
from .results import CheckResult
from ..core.fields import CODE, ROC_DATE, RocAlso, roc_text
from ..core.findings import Finding
from ..core.identities import HoldPlan, all_hold, hold_plan, violations
from ..core.fields import AMOUNT
from ..core.layout import FX_POSITION, Field, Layout
from ..core.words import display_path

if TYPE_CHECKING:
    from .calendar import BusinessCalendar

_NO_FINDINGS: tuple[Finding, ...] = ()

# a file's findings (its firm, date, findings) with the verified notes (sidecar.Verifying)
Verify = Callable[[str | None, _dt.date | None, Sequence[Finding]], Sequence[Finding]]


class Plan:
    """What checking needs of a layout, worked out once per layout: its amount fields by
    name, its identities as positions, its date field, and what a series keeps of each
    file (``carried_names``: the carried pairs' prior-day amounts, then their today
    amounts; apart from them the day's ``activity``, ``quality.ACTIVITY`` as far as the
    layout has those fields)."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        names = amount_names(layout)
        index = {name: i for i, name in enumerate(names)}
        self.amounts: dict[str, Field] = {f.name: f for f in layout.amount_fields()}
        self.holds: HoldPlan = hold_plan(layout.identities, names)
        self.date_field = next((f for f in layout.heads if f.type is ROC_DATE), None)
        # the usual heads (a firm code, then a date) are read as they are, at once
        self.bank_date = tuple(f.type for f in layout.heads) == (CODE, ROC_DATE)
        gross = _present(GROSS_BALANCES, index)  # QUA001's, where it has them
        self.gross_at = _getter(gross, index) if gross else None
        self.carried = layout.carried()  # (prior-day field, previous report's today field)
        self.carried_names = _sides(self.carried)
        self.activity = _present(ACTIVITY, index)
        self.n_prior = len(self.carried)
        self.prior = tuple(self.amounts[p] for p, _ in self.carried)
        # the canonical writer's form of the prior-day fields, side by side
        self.canonical = b"".join(b"%%%dd" % f.width for f in self.prior)
        self.prior_at = tuple((f.row - 1, f.start - 1, f.end) for f in self.prior)
        self.carried_of = _getter(self.carried_names, index)
        self.activity_of = _getter(self.activity, index)
        self.entry: type[Entry] = Entry if layout is FX_POSITION else _entry_type(self)


def _sides(carried: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The carried pairs' prior-day fields, then their today fields."""
    return tuple(p for p, _ in carried) + tuple(t for _, t in carried)


def _present(names: Sequence[str], index: Mapping[str, int]) -> tuple[str, ...]:
    """Those of ``names`` that the layout has, in their order."""
    return tuple(n for n in names if n in index)


def _getter(names: Sequence[str], index: Mapping[str, int]
            ) -> Callable[[Sequence[int]], tuple[int, ...]]:
    """The amounts named ``names`` of a file's amounts, as one tuple (``itemgetter``
    gives a bare item for one)."""
    at = [index[n] for n in names]
    if len(at) > 1:
        return operator.itemgetter(*at)
    return (lambda xs: (xs[at[0]],)) if at else (lambda xs: ())


_PLANS: dict[int, Plan] = {}  # by id(), as the decoder's plans


def plan(layout: Layout = FX_POSITION) -> Plan:
    """The checker's plan of ``layout``, made once."""
    found = _PLANS.get(id(layout))
    if found is None or found.layout is not layout:
        found = _PLANS[id(layout)] = Plan(layout)
    return found


def _pack(amounts: tuple[int | None, ...]) -> bytes:
    """The day's activity as an entry keeps it until the series is linked: ``marshal``'s
    version 2 writes each amount (all are S9(9), within 32 bits) as 5 bytes and None as 1,
    without back-references, so equal amounts give equal bytes.  113 bytes for the fifteen,
    where a tuple of ints takes about 580; marshal is built in and already loaded at every
    start, so the single-file path imports nothing for it."""
    return marshal.dumps(amounts, 2)


def _unpack(packed: bytes) -> tuple[int | None, ...]:
    amounts: tuple[int | None, ...] = marshal.loads(packed)
    return amounts


def _prior_raw(records: list[bytes] | None, carried: tuple[int | None, ...],
               complete: bool, p: Plan) -> tuple[bytes, ...] | None:
    """The prior-day fields' bytes, for a continuity finding's ``found``: kept only when
    they are not what the canonical writer would give for their values."""
    if records is None or len(records) != len(p.layout.records):
        return None
    if complete and b"".join([records[r][a:b] for r, a, b in p.prior_at]) == (
            p.canonical % carried[:p.n_prior]):  # (one comparison for all of them)
        return None
    raw = tuple(records[r][a:b] for r, a, b in p.prior_at)
    if any(r != AMOUNT.format(v) for r, v in zip(raw, carried) if v is not None):
        return raw
    return None


class Entry:
    """What a series keeps of one checked file while it links the files: the series
    code's own compact form, turned into the plain ``CheckResult`` by ``result``.

    A long series keeps one per file, so it is small: the path as its folder's
    string (shared by the folder's files) and its name, no list when there is no
    finding, the fourteen carried amounts as the one tuple the result keeps too, the
    fifteen activity amounts (for QUA002 and QUA003 only) packed by ``_pack``, the
    records only when a finding points into them."""

    __slots__ = ("_folder", "_name", "bank", "date", "carried", "_activity", "_more")
    plan: Plan  # its layout's (a class of its own for a layout other than today's annex's)

    def __init__(self, path: str | None, bank: str | None, date: _dt.date | None,
                 findings: list[Finding], values: dict[str, int] | None,
                 records: list[bytes] | None = None, ints: Sequence[int] | None = None) -> None:
        self._folder: str | None = None
        self._name = path
        self.bank = bank
        self.date = date
        # [findings, records, prior-day bytes], each None when there is none; None for all three
        self._more: list[Any] | None = None
        # of the amounts only the carried pairs and the activity are kept, so a long
        # series stays small
        p = self.plan
        if ints is not None:
            carried: tuple[int | None, ...] = p.carried_of(ints)
            activity: tuple[int | None, ...] = p.activity_of(ints)
        else:
            get = (values or {}).get
            carried, activity = tuple(map(get, p.carried_names)), tuple(map(get, p.activity))
        self.carried = carried
        self._activity = _pack(activity)
        # the records are kept only when a finding points into them (for the views)
        kept = records if findings and any(f.row for f in findings) else None
        prior_raw = _prior_raw(records, carried, ints is not None, p)
        if findings or kept is not None or prior_raw is not None:
            self._more = [findings or None, kept, prior_raw]

    @property
    def path(self) -> str | None:
        """The path as shown (undecodable bytes escaped); None when none was given."""
        folder, name = self._folder, self._name
        return name if folder is None or name is None else folder + name

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
        found: list[Finding] | None = self._part(0)
        if found is None:
            found = []
            self._set_part(0, found)
        return found

    @findings.setter
    def findings(self, value: list[Finding]) -> None:
        self._set_part(0, value)

    def iter_findings(self) -> Sequence[Finding]:
        """The findings for reading only (no list is made for a file without any)."""
        return self._part(0) or _NO_FINDINGS

    @property
    def records(self) -> list[bytes] | None:
        """The file's records, kept when a finding points into them."""
        records: list[bytes] | None = self._part(1)
        return records

    @records.setter
    def records(self, value: list[bytes] | None) -> None:
        self._set_part(1, value)


    @property
    def prior(self) -> tuple[int | None, ...]:
        """The seven prior-day amounts (None where malformed)."""
        return self.carried[:self.plan.n_prior]

    @property
    def today(self) -> tuple[int | None, ...]:
        """The previous-report side of the seven pairs: this report's today amounts."""
        return self.carried[self.plan.n_prior:]

    @property
    def activity(self) -> tuple[int | None, ...]:
        """The fifteen activity amounts of ``quality.ACTIVITY`` (None where malformed)."""
        return _unpack(self._activity)

    def share_carried(self, before: Entry) -> None:
        """When this report's prior-day amounts equal ``before``'s today amounts (a
        series read in date order, continuity holding), hold them as ``before``'s int
        objects: a long series then keeps each carried amount once, not twice.  The
        values, and so every result, are the same."""
        carried, theirs, n = self.carried, before.carried, self.plan.n_prior
        if carried[:n] == theirs[n:]:
            self.carried = theirs[n:] + carried[n:]

    def same_activity(self, other: Entry) -> bool:
        """The two reports' activity amounts are equal (compared packed)."""
        return self._activity == other._activity

    @property
    def valid(self) -> bool:
        found = self._part(0)
        return not found or not any(f.severity == "error" for f in found)

    def count(self, severity: str) -> int:
        found = self._part(0)
        return sum(1 for f in found if f.severity == severity) if found else 0

    def prior_bytes(self, i: int) -> bytes | None:
        """The bytes of the ``i``-th prior-day field (of the seven carried pairs)."""
        raw: tuple[bytes, ...] | None = self._part(2)
        if raw is not None:
            return raw[i]
        v = self.carried[i]
        return None if v is None else AMOUNT.format(v)

    def result(self, keep: Callable[[list[str]], Iterable[str]] | None = None,
               verify: Verify | None = None) -> CheckResult:
        """The plain result: findings in order (``keep`` gives the codes to keep of
        the codes found, for ``--select``/``--ignore``; ``verify`` the kept findings with
        their verified notes, ``sidecar.Verifying.notes``), amounts unpacked."""
        found: Sequence[Finding] = self.iter_findings()
        if keep is not None and found:
            kept = set(keep([f.code for f in found]))
            found = [f for f in found if f.code in kept]
        if verify is not None:
            found = verify(self.bank, self.date, found)
        records = self.records
        return CheckResult(self.path, self.bank, self.date,
                           tuple(sorted(found, key=Finding.sort_key)),
                           self.carried,
                           tuple(records) if records is not None and found else (),
                           self.plan.layout)

    def __reduce__(self) -> tuple[Any, ...]:  # from a worker process: as few objects as can be
        return _restore, (self._folder, self._name, self.bank, self.date, self.carried,
                          self._activity, self._more)


Entry.plan = plan(FX_POSITION)


def _entry_type(p: Plan) -> type[Entry]:
    """``Entry`` for another layout: the same slots, that layout's plan.  Its entries
    stay in the process that made them (the worker processes check today's annex)."""

    def _no_pickle(self: Entry) -> tuple[Any, ...]:
        raise TypeError(f"an entry of the layout {p.layout.name!r} is not sent between processes")

    return type(f"Entry_{p.layout.name}", (Entry,),
                {"__slots__": (), "plan": p, "__reduce__": _no_pickle})


def _restore(folder: str | None, name: str | None, bank: str | None, date: _dt.date | None,
             carried: tuple[int | None, ...], activity: bytes, more: list[Any] | None) -> Entry:
    r = Entry.__new__(Entry)
    r._folder, r._name, r.bank, r.date = folder, name, bank, date
    r.carried, r._activity, r._more = carried, activity, more
    return r


def _shown_as_is(text: str) -> bool:
    return display_path(text) is text


# --- single-file checks: a registry keyed by the codes each one makes --------------------------

class FileContext:
    """What a single-file check sees."""

    __slots__ = ("decoded", "name", "calendar", "limits", "plan")

    def __init__(self, decoded: Decoded, name: str | None, calendar: BusinessCalendar | None,
                 limits: Mapping[str, Mapping[str, int]] | None = None) -> None:
        self.decoded = decoded
        self.plan = plan(decoded.layout)  # the layout's, worked out once
        self.name = name  # the file's base name, None for standard input
        self.calendar = calendar
        self.limits = limits  # firm code -> field -> limit (FORMAT.md 7.5), or None


FileCheck = Callable[[FileContext], Iterable[Finding]]
# a check's codes: the codes themselves, or what gives them for a layout (an identity's
# code is its layout's)
Codes = tuple[str, ...] | Callable[[Layout], tuple[str, ...]]
FILE_CHECKS: dict[Codes, FileCheck] = {}


def file_check(first: str | Callable[[Layout], tuple[str, ...]],
               *rest: str) -> Callable[[FileCheck], FileCheck]:
    """Registers a check under the codes it makes, or under what gives them for a layout."""
    codes: Codes = first if callable(first) else (first, *rest)

    def register(check: FileCheck) -> FileCheck:
        FILE_CHECKS[codes] = check
        return check
    return register


def identity_codes(layout: Layout) -> tuple[str, ...]:
    """The codes of ``layout``'s identities, the arithmetic check's."""
    return tuple(i.code for i in layout.identities)


@file_check(identity_codes)
def arithmetic(ctx: FileContext) -> Iterable[Finding]:
    """Each identity of the layout whose inputs are all well formed, reported at its left
    side."""
    d, p = ctx.decoded, ctx.plan
    if d.ints is not None and all_hold(d.ints, p.holds):  # the usual case: every amount well formed
        return
    for ident, actual, expected in violations(d.values, d.layout.identities):
        field = p.amounts[ident.target]
        yield Finding(ident.code, field.row, field, field.cut(d.records[field.row - 1]),
                      actual=actual, expected=expected, diff=actual - expected,
                      formula=ident.formula())


@file_check("NAM001", "NAM002")
def naming(ctx: FileContext) -> Iterable[Finding]:
    bank, date = ctx.decoded.bank, ctx.decoded.date
    rule = ctx.decoded.layout.naming
    if ctx.name is None or not bank or not date or rule is None:
        return
    want = rule(bank, date)
    if ctx.name != want:
        code = "NAM002" if ctx.name.lower() == want.lower() else "NAM001"
        yield Finding(code, name=display_path(ctx.name), expected=want, bank=bank, date=date)


@file_check("FLD005")
def business_day(ctx: FileContext) -> Iterable[Finding]:
    """FORMAT.md 6.2: a report dated on a day that is not a business day."""
    d, field = ctx.decoded, ctx.plan.date_field
    if (ctx.calendar is None or d.date is None or field is None
            or ctx.calendar.is_business_day(d.date)):
        return
    # a day declared closed is closed because it was declared, whatever the calendar says
    yield Finding("FLD005", 1, field, field.cut(d.records[0]), date=d.date,
                  reason="closed_day" if d.date in ctx.calendar.closed else ctx.calendar.kind)


@file_check("QUA001")
def negative_balance(ctx: FileContext) -> Iterable[Finding]:
    """FORMAT.md 7.4: a gross balance below zero (a duplicate not chosen loses it later)."""
    d, gross_at = ctx.decoded, ctx.plan.gross_at
    if gross_at is None or d.ints is not None and min(gross_at(d.ints)) >= 0:  # the usual case
        return _NO_FINDINGS
    return negative_balances(d.values, d.records, ctx.plan.amounts)


@file_check("LIM001")
def position_limit(ctx: FileContext) -> Iterable[Finding]:
    """FORMAT.md 7.5: a field over its firm's limit, when limits were given."""
    limits, bank = ctx.limits, ctx.decoded.bank
    if not limits or bank is None or bank not in limits:
        return _NO_FINDINGS
    return over_limits(ctx.decoded.values, ctx.decoded.records, limits[bank], ctx.plan.amounts)


def check_bytes(data: bytes, path: str | None = None,
                calendar: BusinessCalendar | None = None,
                limits: Mapping[str, Mapping[str, int]] | None = None,
                layout: Layout = FX_POSITION) -> CheckResult:
    """Every single-file rule over ``data`` read as ``layout``; ``path``'s base name is
    naming-checked; with a ``calendar``, the date must be one of its business days; with
    ``limits`` (firm code -> field -> limit), the firm's position limits."""
    return check_entry(data, path, calendar, limits, layout).result()


def check_entry(data: bytes, path: str | None = None,
                calendar: BusinessCalendar | None = None,
                limits: Mapping[str, Mapping[str, int]] | None = None,
                layout: Layout = FX_POSITION) -> Entry:
    """``check_bytes`` as the series code keeps it (continuity may add findings)."""
    d = decode(data, layout)
    ctx = FileContext(d, os.path.basename(path) if path is not None else None, calendar, limits)
    for check in FILE_CHECKS.values():
        d.findings.extend(check(ctx))
    p = ctx.plan
    bank, date = d.heads.get(1, (None, None)) if p.bank_date else (d.bank, d.date)
    if d.ints is not None:
        return p.entry(path, bank, date, d.findings, None, d.records, d.ints)
    return p.entry(path, bank, date, d.findings, d.values, d.records)


# --- series checks ---------------------------------------------------------------------------

def compare(today: Entry, previous: Entry, calendar: BusinessCalendar,
            judged: bool = True) -> None:
    """Continuity of ``today`` against the report before it (findings added to today):
    CNT002 when it cannot be compared, CNT003 for a gap, CNT001 for each pair that differs
    (across a gap a warning, FORMAT.md 7.1); and, when ``today`` is its date's report
    (``judged``) and there is no gap, QUA002 for activity copied from ``previous``."""
    if today.bank is None or today.date is None:
        return
    why = _not_comparable(today, previous)
    if why:
        today.findings.append(Finding("CNT002", **why))
        return
    missing = _gap(today, previous, calendar, judged)
    if today.prior != previous.today:  # (one comparison when all seven pairs agree)
        _mismatches(today, previous, missing)


def _gap(today: Entry, previous: Entry, calendar: BusinessCalendar,
         judged: bool = True) -> list[_dt.date]:
    """The business days between the two reports; CNT003 on ``today`` when there are any;
    without a gap, QUA002 when ``today`` (its date's report) copies ``previous``'s activity."""
    assert today.date is not None and previous.date is not None
    missing = calendar.missing_between(previous.date, today.date)
    # FORMAT.md 6.3: the missing days are named as ROC dates, in either language (English
    # shows each date of the message as ISO with its ROC date beside it)
    days = [RocAlso(day.year, day.month, day.day) for day in missing]
    if missing:
        before = previous.date
        today.findings.append(Finding("CNT003",
                                      previous_date=RocAlso(before.year, before.month, before.day),
                                      missing=days,
                                      expected=roc_text(calendar.previous(today.date))))
    elif judged and today.same_activity(previous):
        copied = copied_activity(today.activity, previous.activity, previous.date, previous.path)
        if copied is not None:
            today.findings.append(copied)
    return missing


def _mismatches(today: Entry, previous: Entry, missing: list[_dt.date]) -> None:
    """CNT001 for each of the seven pairs that differs (both sides well formed; across a
    gap a warning, FORMAT.md 7.1)."""
    days = [RocAlso(day.year, day.month, day.day) for day in missing]
    p = today.plan
    for i, ((_, today_name), field, mine, theirs) in enumerate(zip(p.carried, p.prior, today.prior,
                                                                  previous.today)):
        if mine is not None and theirs is not None and mine != theirs:
            if missing:  # FORMAT.md 7.1: the annex's rule cannot be checked; never "set it to"
                finding = Finding("CNT001", field.row, field, today.prior_bytes(i),
                                  actual=mine, expected=theirs, today=today_name,
                                  previous=previous.date, reason="gap", missing=days,
                                  advice="file_missing", severity="warning")
            else:
                finding = Finding("CNT001", field.row, field, today.prior_bytes(i),
                                  actual=mine, expected=theirs, today=today_name,
                                  previous=previous.date, advice="set_amount")
            today.findings.append(finding)


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
    """Group by firm, order by date, settle duplicates (FORMAT.md 6.4), compare each
    date's report with the one before, and judge each firm's chosen reports against
    their history (QUA003, FORMAT.md 7.4); a duplicate not chosen gets no quality edit."""
    firms: dict[str, list[Entry]] = {}
    for r in reports:
        if r.bank is not None and r.date is not None:
            firms.setdefault(r.bank, []).append(r)
    for bank, series in firms.items():
        series.sort(key=_date_of)  # stable: the files of one date keep their order
        before: Entry | None = None
        judged: list[Entry] = []  # each date's report, in date order
        for day, same in groupby(series, key=_date_of):
            before = _link_day(bank, day, list(same), before, calendar, judged)
        if len(judged) > SCALE_MIN_COUNT:
            _scale(judged)


def _link_day(bank: str, day: _dt.date, same: list[Entry], before: Entry | None,
              calendar: BusinessCalendar, judged: list[Entry]) -> Entry | None:
    """Compare a date's report (or each of its unsettled duplicates) with ``before``; the
    report the next date is compared with (None after an unsettled duplicate: which one
    came before is unknown).  The date's report is added to ``judged``; the duplicates
    not chosen lose their quality findings."""
    chosen = same[0] if len(same) == 1 else _duplicates(bank, day, same)
    if len(same) > 1:
        for r in same:
            if r is not chosen:
                _drop_quality(r)
    if before is not None:
        for r in ([chosen] if chosen is not None else same):
            compare(r, before, calendar, judged=r is chosen)
    if chosen is not None:
        judged.append(chosen)
    return chosen


def _drop_quality(r: Entry) -> None:
    found = r._part(0)
    if found:
        r.findings = [f for f in found if f.code[:3] != "QUA"]


def _scale(judged: list[Entry]) -> None:
    """QUA003 over one firm's reports in date order, read as fifteen columns (the activity
    fields of their layout) of machine integers: a firm's long history is 120 bytes a
    report here, not fifteen int objects."""
    from array import array  # lazy, start-up: only a series gets here, not check FILE

    p = judged[0].plan

    rows = array("q")  # the reports' activity side by side
    for r in judged:
        amounts = r.activity
        if None in amounts:  # a malformed field counts as no value
            amounts = tuple(0 if v is None else v for v in amounts)
        rows.extend(amounts)  # type: ignore[arg-type]  # no None is left (mypy cannot narrow a tuple's items)
    width = len(p.activity)
    columns = [rows[j::width] for j in range(width)]
    del rows
    for i, j in out_of_scale(columns):
        name = p.activity[j]
        value = columns[j][i]
        found = scale_finding(value, columns[j][max(0, i - SCALE_WINDOW):i], name,
                              AMOUNT.format(value), p.amounts)
        if found is not None:
            judged[i].findings.append(found)


def _date_of(r: Entry) -> _dt.date:
    return r.date  # type: ignore[return-value]  # a sort key of entries that have a date


def _duplicates(bank: str, day: _dt.date, same: list[Entry]) -> Entry | None:
    """CNT004 on each duplicate; the one file with the rule's exact name, if there is
    exactly one, is that date's report and gets none.  Each message names at most
    ``CNT004_NAMED`` others, taken from the first few paths: linear in the files."""
    rule = same[0].plan.layout.naming
    want = rule(bank, day) if rule is not None else None
    paths = [r.path for r in same]
    named = [r for r, p in zip(same, paths) if p is not None and os.path.basename(p) == want]
    chosen = named[0] if len(named) == 1 else None
    head = paths[:CNT004_NAMED + 1]
    for k, r in enumerate(same):
        if r is chosen:
            continue
        shown = (head[:k] + head[k + 1:] if k < len(head) else head)[:CNT004_NAMED]
        rest = len(same) - 1 - len(shown)
        r.findings.append(Finding("CNT004", bank=bank, count=len(same), date=day, paths=shown,
                                  more={"rest": rest} if rest else None, expected_name=want))
    return chosen

