"""A firm's year of reports, as a securities firm's back office would file them.

Sizes come from a firm-specific scale (a small firm trades tens of thousands of US
dollars a day, a large one tens of millions) with day-to-day variation; many fields are
zero on many days (a firm does no interbank swap most days); contracts settle out of
the balances still open, so a gross balance never goes below zero; now and then a
correction of the previous day is a negative flow (annex note 4); balances roll forward
by the identities.  ``inject`` writes the mistakes the quality edits are for into a
clean year.  Used by tests/test_quality.py and by the README's false-alarm figure.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from fxreport.checking.calendar import BusinessCalendar
from fxreport.checking.quality import ACTIVITY, GROSS_BALANCES
from fxreport.core.fields import expected_filename, roc_text
from fxreport.core.identities import CARRIED
from fxreport.core.model import Report
from reports import INPUTS, derive

CARRY = dict(CARRIED)  # prior-day field -> today field

# (contract field, settlement field, open balance field) of each gross balance
BOOKS = (("A_UNC1", "A_UNS1", "ABAL_UNB"), ("A_UNC2", "A_UNS2", "ABAL_UNS"),
         ("A_FC1", "A_FS1", "ABAL_FB1"), ("A_FC3", "A_FS3", "ABAL_FB3"),
         ("A_SWC1", "A_SWS1", "ABAL_SW1"), ("A_SWC2", "A_SWS2", "ABAL_SW2"))
# how often a firm uses each book (spot customers daily, swaps seldom)
BOOK_ACTIVE = {"A_UNC1": 0.7, "A_UNC2": 0.7, "A_FC1": 0.35, "A_FC3": 0.35,
               "A_SWC1": 0.15, "A_SWC2": 0.15}
# business days from contract to settlement: spot T+1 or T+2, forwards and swaps longer
SETTLES_AFTER = {"A_UNC1": (1, 2), "A_UNC2": (1, 2), "A_FC1": (5, 60), "A_FC3": (5, 60),
                 "A_SWC1": (20, 120), "A_SWC2": (20, 120)}


@dataclass
class Year:
    bank: str
    days: list[dt.date]
    amounts: list[dict[str, int]]
    faults: list[tuple[int, str, str | None]] = field(default_factory=list)  # (day, code, field)

    def files(self) -> dict[str, bytes]:
        import fxreport

        return {f"{self.bank}/{expected_filename(self.bank, d)}":
                fxreport.dumps(Report.from_amounts(self.bank, roc_text(d), a))
                for d, a in zip(self.days, self.amounts)}


def _size(rng: random.Random, scale: float) -> int:
    """A day's amount around the firm's scale (log-normal, at least 1)."""
    return max(1, round(scale * math.exp(rng.gauss(0.0, 0.6))))


def firm_year(bank: str, year: int = 2024, seed: int = 0,
              calendar: BusinessCalendar | None = None) -> Year:
    """A clean year of ``bank``'s reports, every business day of ``year``."""
    rng = random.Random(f"{bank}-{year}-{seed}")
    calendar = calendar or BusinessCalendar()
    scale = math.exp(rng.uniform(math.log(20), math.log(20_000)))  # thousands of USD
    day = calendar.previous(dt.date(year, 1, 1))
    days: list[dt.date] = []
    while True:
        day = calendar.next(day)
        if day.year != year:
            break
        days.append(day)
    balance = {prior: 0 for prior in CARRY}
    balance["BAL"] = _size(rng, scale * 5) * rng.choice((1, -1))
    # each book's open contracts: [day it settles, amount]; a contract settles whole
    books: dict[str, list[list[int]]] = {contract: [] for contract, _, _ in BOOKS}
    amounts = []
    for n, _ in enumerate(days):
        a = {name: 0 for name in INPUTS}
        a.update(balance)
        if rng.random() < 0.85:
            a["AB"] = _size(rng, scale)
        if rng.random() < 0.85:
            a["AS"] = _size(rng, scale)
        if rng.random() < 0.4:
            a["ABT"] = _size(rng, scale) * rng.choice((1, -1))
        for contract, settle, _open in BOOKS:
            open_ = books[contract]
            due = [c for c in open_ if c[0] <= n]
            a[settle] = sum(c[1] for c in due)
            open_[:] = [c for c in open_ if c[0] > n]
            if open_ and rng.random() < 0.03:  # a correction of an earlier contract (note 4)
                c = rng.choice(open_)
                cut = rng.randint(1, c[1])
                c[1] -= cut
                a[contract] -= cut
                open_[:] = [c for c in open_ if c[1]]
            if rng.random() < BOOK_ACTIVE[contract]:
                size = _size(rng, scale * 0.6)
                a[contract] += size
                tenor = SETTLES_AFTER[contract]
                open_.append([n + rng.randint(*tenor), size])
        if rng.random() < 0.1:
            a["Adj-1"] = rng.randint(-20, 20)
        if rng.random() < 0.1:
            a["Adj-2"] = rng.randint(-20, 20)
        if rng.random() < 0.2:
            a["A_OPTION"] = _size(rng, scale * 0.2) * rng.choice((1, -1))
        done = derive(a)
        assert all(done[g] >= 0 for g in GROSS_BALANCES), done
        amounts.append(done)
        balance = {prior: done[today] for prior, today in CARRIED}
    return Year(bank, days, amounts)


def inject(y: Year, rng: random.Random, count: int, first: int = 20) -> None:
    """``count`` faults on distinct days (from day ``first``, so QUA003 has a history),
    each of QUA001 (a settlement larger than the open balance), QUA002 (yesterday's
    activity typed again) and QUA003 (an amount in US dollars, x1,000) in turn.  Only
    the faulty day changes (its left sides derived again), as when a clerk slips once:
    the next report then breaks continuity, an error the format rules already find."""
    candidates = [i for i in range(max(first, 1), len(y.days))
                  if sum(1 for k in ACTIVITY if y.amounts[i - 1][k]) >= 3
                  and i - 1 not in {f[0] for f in y.faults}]
    picked = sorted(rng.sample(candidates, count))
    for n, i in enumerate(picked):
        kind = ("QUA001", "QUA002", "QUA003")[n % 3]
        a = {k: v for k, v in y.amounts[i].items() if k in INPUTS}
        if kind == "QUA001":
            contract, settle, open_ = rng.choice(BOOKS[:4])
            prior = next(p for p, t in CARRIED if t == open_)
            a[settle] = a[prior] + a[contract] + _size(rng, 10)
            where: str | None = open_
        elif kind == "QUA002":
            a.update({k: y.amounts[i - 1][k] for k in ACTIVITY})
            where = None
        else:
            where = rng.choice([k for k in ("AB", "AS", "A_UNC1", "A_UNC2") if a[k] > 0] or ["AB"])
            a[where] = (a[where] or _size(rng, 1)) * 1000  # typed in US dollars
        y.amounts[i] = derive(a)
        y.faults.append((i, kind, where))
