"""Quality edits and position limits (FORMAT.md 7.4 and 7.5): plausible mistakes in
well-formed figures, as warnings a person verifies.

Each edit is a pure function of a report's amounts, and for QUA002/QUA003 of the
firm's reports before it; nothing here reads a file or knows about a series' order.
``QUA003`` works on a firm's columns (one field across its reports) so a long series
costs little more than reading it: a block of reports is let through when even the
smallest median its windows could have cannot make any of its values out of scale.
The edits name today's annex's fields (``ACTIVITY``, ``GROSS_BALANCES``); the functions
take a layout's fields by name (``fields``, the checker's ``Plan.amounts``), defaulting
to today's annex's, and a layout without those fields gets no such finding.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping, Sequence

from ..core.findings import Finding
from ..core.layout import AMOUNTS, Field

# The fifteen amounts of the day's activity (bought, sold, contracted, settled, interbank):
# the fields a clerk types each day.  Not Adj-1, Adj-2, A_OPTION (FORMAT.md 7.9).
ACTIVITY = ("AB", "AS", "ABT", "A_UNC1", "A_UNC2", "A_UNS1", "A_UNS2", "A_FC1", "A_FC3",
            "A_FS1", "A_FS3", "A_SWC1", "A_SWC2", "A_SWS1", "A_SWS2")
# Today's balances of gross amounts contracted and not yet settled: never below zero.
GROSS_BALANCES = ("ABAL_UNB", "ABAL_UNS", "ABAL_FB1", "ABAL_FB3", "ABAL_SW1", "ABAL_SW2")

COPIED_MIN_NONZERO = 3  # QUA002: fewer non-zero activity amounts repeat by chance
SCALE_WINDOW = 60  # QUA003: about three months of business days
SCALE_MIN_COUNT = 5  # QUA003: fewer non-zero values make no median worth comparing with
SCALE_FACTOR = 100  # QUA003: a unit slip (USD for thousands) is x1,000; a busy day is not x100
SCALE_FLOOR = 1_000  # QUA003: below USD 1 million a value is too small to be a unit slip


def negative_balances(values: Mapping[str, int], records: Sequence[bytes],
                      fields: Mapping[str, Field] = AMOUNTS) -> list[Finding]:
    """QUA001: each gross balance that is below zero (malformed ones are absent);
    ``fields`` are the layout's amount fields by name."""
    found = []
    for name in GROSS_BALANCES:
        v = values.get(name)
        if v is not None and v < 0:
            field = fields[name]
            raw = field.cut(records[field.row - 1]) if len(records) >= field.row else None
            found.append(Finding("QUA001", field.row, field, raw, value=v))
    return found


def copied_activity(today: Sequence[int | None], previous: Sequence[int | None],
                    previous_date: _dt.date, previous_path: str | None) -> Finding | None:
    """QUA002: today's fifteen activity amounts (in ``ACTIVITY``'s order) all equal
    the previous business day's, at least three of them not zero; None when any of
    the thirty is malformed (None)."""
    if list(today) != list(previous) or None in today or None in previous:
        return None
    nonzero = sum(1 for v in today if v)
    if nonzero < COPIED_MIN_NONZERO:
        return None
    return Finding("QUA002", previous=previous_date, previous_path=previous_path or "",
                   count=nonzero)


def median_twice(window: Sequence[int]) -> tuple[int, int] | None:
    """Twice the median of the non-zero absolute values of ``window`` (whole, so an
    even count's mean of the two middle values stays exact), and their count; None
    when fewer than ``SCALE_MIN_COUNT`` are not zero."""
    ordered = sorted(map(abs, window))
    first = ordered.count(0)  # the zeros, first of the sorted sizes
    count = len(ordered) - first
    if count < SCALE_MIN_COUNT:
        return None
    mid = first + count // 2
    twice = 2 * ordered[mid] if count % 2 else ordered[mid - 1] + ordered[mid]
    return twice, count


def scale_finding(value: int, window: Sequence[int], field_name: str,
                  found: bytes | None = None,
                  fields: Mapping[str, Field] = AMOUNTS) -> Finding | None:
    """QUA003 for one value against its window (the same field of the firm's earlier
    reports, at most ``SCALE_WINDOW``; malformed ones as 0); ``fields`` are the layout's
    amount fields by name."""
    size = abs(value)
    if size < SCALE_FLOOR:
        return None
    m = median_twice(window)
    if m is None:
        return None
    twice, count = m
    if 2 * size < SCALE_FACTOR * twice:
        return None
    field = fields[field_name]
    return Finding("QUA003", field.row, field, found, value=value,
                   median=(twice + 1) // 2, ratio=2 * size // twice, count=count)


def out_of_scale(columns: Sequence[Sequence[int]]) -> Iterator[tuple[int, int]]:
    """QUA003 over a firm's reports in date order: ``columns[j][i]`` is activity field
    ``j`` (``ACTIVITY``'s order) of report ``i``, 0 where malformed.  Yields
    ``(i, j)`` for each value out of scale against the reports before it.

    Linear in the series: each block of ``SCALE_WINDOW`` reports is let through at once
    when its largest value is below the smallest median any of its windows could have.
    A window W lies inside S, the block and the window before it; W's median of its c
    non-zero values is at least its ceil(c/2)-th smallest, so at least S's; and c is at
    least S's non-zero count less the values of S outside W.  Only a value above that
    bound is measured against its own window."""
    w = SCALE_WINDOW
    for j, column in enumerate(columns):
        sizes = list(map(abs, column))
        n = len(sizes)
        for start in range(0, n, w):
            end = min(n, start + w)
            top = max(sizes[start:end])
            if top < SCALE_FLOOR:
                continue
            around = sorted(sizes[max(0, start - w):end])
            first = around.count(0)  # the zeros, first of the sorted sizes
            nonzero = len(around) - first
            if nonzero < SCALE_MIN_COUNT:
                continue
            smallest_window = w if start >= w else SCALE_MIN_COUNT
            fewest = max(SCALE_MIN_COUNT, nonzero - (len(around) - smallest_window))
            bar = max(SCALE_FLOOR, SCALE_FACTOR * around[first + (fewest + 1) // 2 - 1])
            if top < bar:
                continue
            for i in range(max(start, 1), end):
                size = sizes[i]
                if size < bar:
                    continue
                m = median_twice(sizes[max(0, i - w):i])
                if m is not None and 2 * size >= SCALE_FACTOR * m[0]:
                    yield i, j


def over_limits(values: Mapping[str, int], records: Sequence[bytes],
                limits: Mapping[str, int], fields: Mapping[str, Field] = AMOUNTS) -> list[Finding]:
    """LIM001: each field whose absolute value exceeds the firm's limit for it (a field
    the layout lacks has no value); ``fields`` are the layout's amount fields by name."""
    found = []
    for name, limit in limits.items():
        v = values.get(name)
        if v is not None and abs(v) > limit:
            field = fields[name]
            raw = field.cut(records[field.row - 1]) if len(records) >= field.row else None
            found.append(Finding("LIM001", field.row, field, raw, value=v, limit=limit,
                                 excess=abs(v) - limit, expected=limit))
    return found
