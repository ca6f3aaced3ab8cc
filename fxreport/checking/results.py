"""What a check gives: one ``CheckResult`` per file, plain and immutable.

A reader (the text, JSON and HTML outputs, the server, a Python user) needs
nothing else: the path as shown, the firm and date of row 1, the findings in
order, the fourteen carried amounts, and the records when a finding points
into them.  How a long series keeps its files compact while it links them is
the series code's business (``checker.Entry``), never this type's.

It is a NamedTuple, not a frozen dataclass, for start-up time alone: creating a
dataclass costs about 1 ms at every start of ``fxreport check`` (whose whole
budget over ``import click`` is about 9 ms), a NamedTuple a tenth of that.
"""

# No `from __future__ import annotations`: the NamedTuple is typed with real types, which
# typing checks cheaply; as strings each would be compiled at start-up.

import datetime as _dt
from typing import NamedTuple

from ..core.findings import Finding
from ..core.layout import FX_POSITION, Layout


class CheckResult(NamedTuple):
    """One checked file.

    ``carried`` holds the carried amounts, None where malformed: the prior-day
    fields of the layout's checked carries (today's annex: ``identities.PRIOR_DAY_FIELDS``),
    then the today fields they carry from, in the same order (so two halves).
    ``records`` are the file's records when a finding points into them, else empty;
    ``layout`` is the layout the file was read as.
    """

    path: str | None
    bank: str | None
    date: _dt.date | None
    findings: tuple[Finding, ...] = ()
    carried: tuple[int | None, ...] = ()
    records: tuple[bytes, ...] = ()
    layout: Layout = FX_POSITION

    @property
    def valid(self) -> bool:
        """No finding of severity error (FORMAT.md section 5)."""
        return not any(f.severity == "error" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def prior(self) -> tuple[int | None, ...]:
        """The prior-day amounts of the carried pairs."""
        return self.carried[:len(self.carried) // 2]

    @property
    def today(self) -> tuple[int | None, ...]:
        """The today amounts of the carried pairs (what the next report carries)."""
        return self.carried[len(self.carried) // 2:]
