"""A firm's series at a glance: the month table (one row per business day) and its chart.

The HTML report, the page (which shows the report's ``<main>``) and
``fxreport check --format csv`` all take the table from ``firm_series``, so
the three agree.  The chart is a static SVG drawn with *leather* (pure Python,
no dependency, presentation attributes rather than a stylesheet, so it passes
the page's strict Content-Security-Policy and runs under Pyodide); it is
imported only when a chart is drawn.  Values are the report's own, in
thousands of US dollars; a business day without a report is a gap.
"""

from __future__ import annotations

import csv
import re
import datetime as _dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from html import escape
from typing import IO, Any, NamedTuple

from ..checking.calendar import BusinessCalendar
from ..checking.decoder import decode
from ..checking.pipeline import is_open
from ..checking.reading import read_path
from ..checking.results import CheckResult
from ..core.fields import roc_text
from ..core.layout import FX_POSITION, Layout
from ..core.words import REPORT as WORDS
from ..core.words import safe

SERIES_FIELDS = ("POS", "SPOT", "FORWARD")

# the verdict of a day, from best to worst; "missing": a business day without a report
VERDICTS = ("valid", "review", "invalid", "missing")


def amounts_of(data: bytes | None, layout: Layout = FX_POSITION) -> dict[str, int | None]:
    """POS, SPOT and FORWARD as the check reads the file as ``layout`` (the one decoder's
    values; None where absent or malformed)."""
    values = decode(data, layout).values if data else {}
    return {name: values.get(name) for name in SERIES_FIELDS}


def day_verdict(r: CheckResult) -> str:
    """``invalid`` with an error, ``review`` with a warning not verified (the pipeline's
    ``is_open``, what ``--strict`` fails on), else ``valid``."""
    if not r.valid:
        return "invalid"
    return "review" if any(is_open(f) for f in r.findings) else "valid"


class Day(NamedTuple):
    date: _dt.date
    verdict: str  # one of VERDICTS
    values: dict[str, int | None]
    change: int | None  # POS less the previous business day's POS
    path: str | None  # the report's path (None: missing)
    business: bool  # a business day of the calendar


class FirmSeries(NamedTuple):
    bank: str
    days: list[Day]
    limits: dict[str, int]  # field -> limit (thousands of USD), for the chart's +L/-L

    @property
    def first(self) -> _dt.date:
        return self.days[0].date

    @property
    def last(self) -> _dt.date:
        return self.days[-1].date


def _chosen(reports: Sequence[tuple[CheckResult, dict[str, int | None]]]
            ) -> tuple[CheckResult, dict[str, int | None]]:
    """Of several reports of one firm and date, the one 6.4 keeps (no duplicate error)."""
    for item in reports:
        if not any(f.code == "CNT004" for f in item[0].findings):
            return item
    return reports[0]


def firm_series(reports: Sequence[CheckResult], amounts: Sequence[Mapping[str, int | None] | None],
                calendar: Any = None,
                limits: Mapping[str, Mapping[str, int]] | None = None) -> list[FirmSeries]:
    """Per firm (by code), every business day from its first report to its last.

    ``amounts[i]`` are ``reports[i]``'s values (``amounts_of``); a report on a
    day that is not a business day is a row too.  Reports whose firm or date
    cannot be read are left out.
    """
    if calendar is None:
        calendar = BusinessCalendar()
    by_firm: dict[str, dict[_dt.date, list[tuple[CheckResult, dict[str, int | None]]]]] = {}
    for i, r in enumerate(reports):
        if r.bank and r.date:
            values = dict(amounts[i] or {}) if i < len(amounts) else {}
            by_firm.setdefault(r.bank, {}).setdefault(r.date, []).append((r, values))
    out = []
    for bank in sorted(by_firm):
        firm_limits = {k: v for k, v in (limits or {}).get(bank, {}).items()
                       if k in SERIES_FIELDS and v}
        out.append(FirmSeries(bank, _firm_days(by_firm[bank], calendar), firm_limits))
    return out


def _firm_days(dates: Mapping[_dt.date, list[tuple[CheckResult, dict[str, int | None]]]],
               calendar: Any) -> list[Day]:
    """One firm's days from its first report to its last: each report's day, and each
    business day without one as missing; POS's change from the business day before."""
    days: list[Day] = []
    previous_pos: int | None = None
    day, last = min(dates), max(dates)
    while day <= last:
        business = calendar.is_business_day(day)
        if day in dates:
            r, values = _chosen(dates[day])
            values = {name: values.get(name) for name in SERIES_FIELDS}
            pos = values["POS"]
            change = pos - previous_pos if pos is not None and previous_pos is not None else None
            days.append(Day(day, day_verdict(r), values, change, r.path, business))
            if business:
                previous_pos = pos
        elif business:
            days.append(Day(day, "missing", dict.fromkeys(SERIES_FIELDS), None, None, True))
            previous_pos = None
        day += _dt.timedelta(days=1)
    return days


def date_text(day: _dt.date, lang: str) -> str:
    """ROC in Chinese; ISO then ROC in English (a date never broken: no space inside)."""
    return roc_text(day) if lang == "zh-TW" else f"{day.isoformat()}\u00a0({roc_text(day)})"


_DATES = re.compile(r"\d{4}-\d\d-\d\d(?:\u00a0\(\d{3}/\d\d/\d\d\))?|\d{3}/\d\d/\d\d")


def text_html(text: str) -> str:
    """Escaped text whose dates never break at a line's end (a hyphen or slash inside
    a date is no place to break)."""
    return _DATES.sub(lambda m: f'<span class="nw">{m.group(0)}</span>', escape(safe(text)))


def _date_cell(day: _dt.date, lang: str) -> str:
    """The table's date: in English the ROC date may go under the ISO one on a phone."""
    if lang == "zh-TW":
        return roc_text(day)
    return f'{day.isoformat()}<span class="roc"> ({roc_text(day)})</span>'


def _amount(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _signed(value: int | None) -> str:
    return "" if value is None else f"{value:+,}" if value else "0"


# --- the month table ---------------------------------------------------------------------------

def table_html(series: FirmSeries, lang: str, ident: str = "series") -> str:
    """One row per day: date, verdict, POS, SPOT, FORWARD, the day's change of POS."""
    w = WORDS[lang]
    head = "".join(f'<th scope="col"{" class=num" if k in SERIES_FIELDS or k == "change" else ""}>'
                   f"{escape(w['s_' + k] if 's_' + k in w else k)}</th>"
                   for k in ("date", "verdict", *SERIES_FIELDS, "change"))
    rows = []
    for d in series.days:
        cells = [f'<th scope="row" class="date">{_date_cell(d.date, lang)}'
                 + ("" if d.business else f'<br><small>{escape(w["s_not_business"])}</small>')
                 + "</th>",
                 f'<td><span class="day {d.verdict}">{escape(w["s_" + d.verdict])}</span></td>']
        cells += [f'<td class="num">{_amount(d.values[name])}</td>' for name in SERIES_FIELDS]
        cells.append(f'<td class="num">{_signed(d.change)}</td>')
        rows.append(f'<tr class="{d.verdict}">{"".join(cells)}</tr>')
    caption = w["s_table_caption"].format(bank=series.bank, first=date_text(series.first, lang),
                                          last=date_text(series.last, lang))
    return (f'<p class="series-caption" id="{ident}-c">{text_html(caption)}</p>'
            f'<div class="table-wrap"><table class="series" aria-describedby="{ident}-c">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>\n")


def write_csv(series: Iterable[FirmSeries], out: IO[str], lang: str) -> None:
    """The month tables as one CSV (``fxreport check --format csv``): a byte order mark
    (so a spreadsheet reads it as UTF-8), a header, then one line per firm and day;
    dates in ISO and ROC, amounts as plain whole numbers, the verdict in words."""
    w = WORDS[lang]
    writer = csv.writer(out, lineterminator="\r\n")
    out.write("\ufeff")
    writer.writerow([w["firm"], w["s_date"], w["s_roc"], w["s_verdict"], *SERIES_FIELDS,
                     w["s_change"], w["file"]])
    for s in series:
        for d in s.days:
            writer.writerow([s.bank, d.date.isoformat(), roc_text(d.date), w["s_" + d.verdict],
                             *("" if d.values[n] is None else d.values[n] for n in SERIES_FIELDS),
                             "" if d.change is None else d.change, d.path or ""])


# --- the chart ---------------------------------------------------------------------------------

# Colours that stay apart in greyscale (dark, middle, light) and dash patterns that tell the
# lines apart without colour at all.
_LINES = {"POS": ("#1b1f24", 3, "none"), "SPOT": ("#0b57d0", 2, "7 4"),
          "FORWARD": ("#8c6d00", 2, "2 3")}
_ERROR, _WARNING, _LIMIT = "#b3261e", "#e8a600", "#57606a"
WIDTH, HEIGHT = 720, 330
# a phone's chart: drawn for its width (not a wide one shrunk), so its words stay readable
NARROW = (400, 300)


def _ticks(n: int, most: int = 6) -> list[int]:
    """At most ``most`` evenly spaced day indices, the first always among them."""
    step = max(1, -(-(n - 1) // (most - 1))) if n > 1 else 1
    return list(range(0, n, step))


def _exact_scale(leather: Any) -> Any:
    """leather's linear scale, projecting its own domain edge to edge (leather's widens it
    to round ticks, which leaves a blank margin on either side of the days)."""
    class Exact(leather.Linear):  # type: ignore[misc]  # leather has no type hints (Any)
        def project(self, value: Any, range_min: Any, range_max: Any) -> Any:
            low, high = self._data_min, self._data_max
            pos = (Decimal(value) - low) / (high - low)
            return (Decimal(range_max) - Decimal(range_min)) * pos + Decimal(range_min)

    return Exact


def _style_leather(theme: Any) -> None:
    font = "system-ui, 'Segoe UI', 'Microsoft JhengHei', 'Noto Sans CJK TC', sans-serif"
    for key in ("title_font_family", "legend_font_family", "tick_font_family",
                "axis_title_font_family"):
        setattr(theme, key, font)
    theme.legend_font_size = 13
    theme.legend_font_char_width = 8
    theme.tick_font_size = 12
    theme.tick_font_char_width = 7
    theme.margin = 0.02
    theme.tick_color = "#8c959f"
    theme.label_color = "#1b1f24"
    theme.zero_color = "#57606a"


def chart_desc(series: FirmSeries, lang: str) -> str:
    """The chart in words: the text alternative."""
    w = WORDS[lang]
    pos = [d.values["POS"] for d in series.days if d.values["POS"] is not None]
    count = {v: sum(1 for d in series.days if d.verdict == v) for v in VERDICTS}
    return w["s_desc"].format(
        bank=series.bank, first=date_text(series.first, lang), last=date_text(series.last, lang),
        low=_amount(min(pos)) if pos else "-", high=_amount(max(pos)) if pos else "-",
        invalid=count["invalid"], review=count["review"], missing=count["missing"])


def chart_svg(series: FirmSeries, lang: str, ident: str,
              size: tuple[int, int] = (WIDTH, HEIGHT), shape: str = "wide") -> str:
    """The firm's POS, SPOT and FORWARD by day as an SVG line chart (no script, no style
    element: presentation attributes only), with a title and a description."""
    import leather  # lazy, heavy: leather

    _style_leather(leather.theme)
    w = WORDS[lang]
    days = series.days
    n = len(days)
    title = w["s_chart_title"].format(bank=series.bank, first=date_text(series.first, lang),
                                      last=date_text(series.last, lang))
    chart = leather.Chart()
    width, height = size
    ticks = _ticks(n, 6 if width >= 600 else 4)
    chart.set_x_scale(_exact_scale(leather)(-0.5, max(n - 0.5, 0.5)))
    chart.add_x_axis(ticks=ticks, tick_formatter=lambda i, _n, _c: roc_text(days[int(i)].date))
    chart.add_y_axis(name=w["s_unit"], tick_formatter=lambda v, _i, _c: f"{v:,.0f}")
    for name in SERIES_FIELDS:
        colour, thick, dash = _LINES[name]
        data = [(i, d.values[name]) for i, d in enumerate(days)]
        chart.add_line(data, name=name, stroke_color=colour, width=thick, stroke_dasharray=dash)
    for field, limit in series.limits.items():
        for sign in (1, -1):
            chart.add_line([(-0.5, sign * limit), (n - 0.5, sign * limit)],
                           name=("+L " if sign > 0 else "-L ") + field,
                           stroke_color=_LIMIT, width=1.5, stroke_dasharray="10 3 2 3")
    _add_marks(chart, days, w)
    group = chart.to_svg_group(width, height)
    svg = ET.Element("svg", {  # inline in HTML: no namespace needed (and no URL)
                             "viewBox": f"0 0 {width} {height}", "role": "img",
                             "class": f"chart {shape}",
                             "aria-labelledby": f"{ident}-t {ident}-d"})
    ET.SubElement(svg, "title", id=f"{ident}-t").text = title
    ET.SubElement(svg, "desc", id=f"{ident}-d").text = chart_desc(series, lang)
    svg.append(group)
    return ET.tostring(svg, encoding="unicode")


def _add_marks(chart: Any, days: Sequence[Day], w: Mapping[str, str]) -> None:
    """Every day's POS as a small dot, so a day between two gaps is seen too; a larger
    mark on each day that fails or needs review."""
    dots = [(i, d.values["POS"]) for i, d in enumerate(days) if d.values["POS"] is not None]
    if dots:
        chart.add_dots(dots, name=w["s_dot"], fill_color=_LINES["POS"][0], radius=2.5)
    for verdict, colour, radius in (("invalid", _ERROR, 7), ("review", _WARNING, 5)):
        marked = [(i, _mark_value(d)) for i, d in enumerate(days) if d.verdict == verdict]
        if marked:
            chart.add_dots(marked, name=w["s_" + verdict], fill_color=colour, radius=radius)


def _mark_value(d: Day) -> int:
    """Where a day's mark sits: its POS, else 0 (a report whose POS cannot be read)."""
    pos = d.values["POS"]
    return 0 if pos is None else pos


def figure_html(series: FirmSeries, lang: str, ident: str) -> str:
    """The chart and the month table of one firm, as the report and the page show them."""
    w = WORDS[lang]
    return (f'<section class="firm-series" aria-labelledby="{ident}-h">'
            f'<h3 id="{ident}-h">{text_html(w["s_heading"].format(bank=series.bank))}</h3>'
            f'<figure class="chart">{chart_svg(series, lang, ident)}'
            f'{chart_svg(series, lang, ident + "-n", NARROW, "narrow")}'
            f'<figcaption>{escape(w["s_legend_help"])}</figcaption></figure>'
            f"{table_html(series, lang, ident)}</section>\n")


def series_of_facts(reports: Sequence[CheckResult], data: Callable[[int], bytes | None],
                    calendar: Any = None,
                    limits: Mapping[str, Mapping[str, int]] | None = None) -> list[FirmSeries]:
    """``firm_series`` with each report's values read from its bytes (``data(i)``)."""
    return firm_series(reports, [amounts_of(data(i), r.layout) for i, r in enumerate(reports)],
                       calendar, limits)


def write_series_csv(outcome: Any, out: IO[str],
                     limits: Mapping[str, Mapping[str, int]] | None = None,
                     data: Callable[[int], bytes | None] | None = None) -> None:
    """``fxreport check --format csv``: the month tables of the checked files, in the
    language and with the calendar of the outcome's options; each report's bytes are
    ``data(i)`` (the server's uploads), else read again from its path on disk."""
    def from_disk(i: int) -> bytes | None:
        path = outcome.reports[i].path
        if path in (None, "<stdin>"):
            return None
        try:
            return read_path(str(path))
        except OSError:
            return None

    options = outcome.options
    write_csv(series_of_facts(outcome.reports, data or from_disk, options.business_calendar(),
                              limits), out, options.lang)
