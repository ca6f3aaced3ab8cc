"""The check as one self-contained HTML page, for people and for a sign-off folder.

``render_html`` gives the document ``fxreport check --format html`` writes and
the page of ``fxreport serve`` shows (the page takes its ``<main>``).  Its CSS
is the page's own file, inlined, so the report needs no other file, no script
and no network, and prints cleanly.  Every text from a file (names, bytes) is
escaped: a file named ``<script>`` is shown as text.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any, NamedTuple

from .. import __version__
from ..checking.pipeline import Outcome, is_open
from ..checking.results import CheckResult
from ..core.words import display_path, sidecar_word
from ..checking.decoder import SIZE_LIMIT, split_records
from ..core.fields import roc_text, roc_year_fits
from ..core.findings import Finding, show_bytes
from ..checking.reading import read_path
from .series import date_text, day_verdict, figure_html, series_of_facts, text_html
from ..core.rules import ERROR, HOW, WARNING, category_word, render_reason
from ..core.words import REPORT as WORDS
from ..core.words import safe, shown_path


class FileFacts(NamedTuple):
    """What the sign-off needs of a checked file: its name, size and SHA-256.

    ``data`` (at most the size limit + 1 bytes) lets findings found after the
    single-file check (continuity) show their record too; ``sha256`` is None
    when the file was not read in full (over the size limit) or is unknown.
    """

    name: str
    size: int | None
    sha256: str | None
    data: bytes | None = None


def facts_of(name: str, data: bytes, size: int | None = None) -> FileFacts:
    """Facts of content in memory; ``size`` is the whole size when only a prefix was kept."""
    size = len(data) if size is None else size
    digest = hashlib.sha256(data).hexdigest() if size <= SIZE_LIMIT else None
    return FileFacts(name, size, digest, data)


def facts_of_path(path: str) -> FileFacts | None:
    """Facts of a file on disk, read as the checker reads it (regular files, bounded)."""
    try:
        data = read_path(path)
        size = os.stat(path).st_size if len(data) > SIZE_LIMIT else len(data)
    except OSError:
        return None
    return facts_of(display_path(path), data, size)





@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The one CSS file of the page and the report."""
    return (resources.files("fxreport.outputs") / "report.css").read_text(encoding="utf-8")


def _e(value: object) -> str:
    """Text for HTML: control and bidirectional characters escaped as in every message
    (a name ``ABP1209\u202etxt.exe`` cannot pass for ``ABP1209exe.txt``), then markup."""
    return escape(safe(str(value)), quote=True)




# Taiwan's time, whatever the machine's zone (no daylight saving since 1979, so a fixed
# offset: no time-zone database needed, on Windows or in the browser)
TAIPEI = _dt.timezone(_dt.timedelta(hours=8), "Asia/Taipei")


def _path(path: object) -> str:
    """A file name as HTML (undecodable bytes escaped too), breaking after a folder
    separator rather than inside a name."""
    return _SEPARATOR.sub(r"\1<wbr>", _e(shown_path(path)))


# a folder separator: / or a \ that does not start an escaped byte (\xff)
_SEPARATOR = re.compile(r"(/|\\(?!x[0-9a-fA-F]{2}))")


def _when(made_at: _dt.datetime, lang: str) -> str:
    """The time in Taipei: ``2016-12-09 15:04:05 (UTC+08:00, Taipei)``."""
    local = (made_at if made_at.tzinfo else made_at.astimezone()).astimezone(TAIPEI)
    day = roc_text(local.date()) if lang == "zh-TW" else local.date().isoformat()
    return f"{day} {local:%H:%M:%S} {WORDS[lang]['zone']}"


def series_order(reports: Sequence[CheckResult]) -> list[int]:
    """Indices of ``reports`` by firm, then date, then as given; unreadable heads last."""
    far = _dt.date.max
    return sorted(range(len(reports)),
                  key=lambda i: (reports[i].bank is None, reports[i].bank or "",
                                 reports[i].date or far, i))


def review_order(reports: Sequence[CheckResult]) -> list[int]:
    """Failing files first, then those with warnings to review, then the valid; each part
    in series order."""
    rank = {"invalid": 0, "review": 1, "valid": 2}
    return sorted(series_order(reports), key=lambda i: rank[day_verdict(reports[i])])


def render_html(outcome: Outcome, facts: Sequence[FileFacts | None] = (), *,
                previous: FileFacts | None = None, made_at: _dt.datetime | None = None,
                limits: Mapping[str, Mapping[str, int]] | None = None) -> str:
    """The whole report as one HTML document, in the language of the outcome's options.

    ``facts[i]`` describes ``outcome.reports[i]`` (None or missing: unknown);
    ``previous`` the previous report given with the options; ``limits`` firm ->
    field -> limit, drawn on the charts as +L and -L.
    """
    lang = outcome.options.lang
    w = WORDS[lang]
    made_at = made_at or _dt.datetime.now(TAIPEI)
    return "".join([
        "<!DOCTYPE html>\n",
        f'<html lang="{"zh-Hant-TW" if lang == "zh-TW" else "en"}">\n<head>\n<meta charset="utf-8">\n',
        # the report is one file: it may load nothing, run nothing
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="fxreport {_e(__version__)}">\n',
        f"<title>{_e(w['title'])} {_e(_period_text(outcome.reports, lang))}</title>\n",
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n",
        render_main(outcome, facts, previous=previous, made_at=made_at, limits=limits),
        "</body>\n</html>\n",
    ])


def render_main(outcome: Outcome, facts: Sequence[FileFacts | None] = (), *,
                previous: FileFacts | None = None, made_at: _dt.datetime | None = None,
                limits: Mapping[str, Mapping[str, int]] | None = None) -> str:
    """The report's ``<main>``: what the page shows and the document wraps.

    In the order a reviewer reads: the verdict, what was checked, the files that
    need attention (the valid ones folded, one line per firm), each firm's series
    at a glance, the findings (failing files first), then the sign-off.
    """
    lang = outcome.options.lang
    w = WORDS[lang]
    made_at = made_at or _dt.datetime.now(TAIPEI)
    reports = outcome.reports
    order = review_order(reports)
    numbers = {i: n for n, i in enumerate(order, 1)}
    out: list[str] = ['<main class="report" id="report">\n',
                      f"<h1>{_e(w['title'])}</h1>\n",
                      f'<p class="period">{text_html(_period_text(reports, lang))}</p>\n',
                      _verdict_box(outcome, lang, numbers),
                      _continuity_note(outcome, previous, lang),
                      _meta(made_at, outcome, lang)]
    if reports or previous is not None:
        out.append(_files_part(reports, order, numbers, facts, previous, lang))
    out.append(_unreadable_part(outcome, lang))
    out.append(_verified_section(outcome, order, lang))
    if limits is None:  # the check's own limits (FORMAT.md 7.5), when its options have them
        limits = getattr(outcome.options, "limits", None) or None
    out.append(_series_part(reports, facts, outcome.options.business_calendar(), limits, lang))
    flagged = [i for i in order if reports[i].findings]
    if flagged:
        out.append(f"<h2>{_e(w['results'])}</h2>\n")
        out.extend(_file_section(reports[i], numbers[i], _fact(facts, i), lang) for i in flagged)
    out.append(_sign_off(lang))
    out.append(f'<footer class="report-footer">{_e(w["footer"].format(version=__version__))}'
               "</footer>\n</main>\n")
    return "".join(out)


def _unreadable_part(outcome: Outcome, lang: str) -> str:
    """The paths that could not be read, each with why; nothing when every one was."""
    if not outcome.unreadable:
        return ""
    sep = "：" if lang == "zh-TW" else ": "
    return (f'<h2>{_e(WORDS[lang]["unreadable"])}</h2>\n<ul class="unreadable">' + "".join(
        f"<li><code>{_path(u.path)}</code>{sep}{_e(u.why(lang))}</li>" for u in outcome.unreadable)
        + "</ul>\n")


def _period_text(reports: Sequence[CheckResult], lang: str) -> str:
    """The firms and the period the check covers: ``ABPS, 105/12/08–105/12/09``."""
    w = WORDS[lang]
    firms = sorted({r.bank for r in reports if r.bank})
    dates = sorted({r.date for r in reports if r.date})
    if not firms and not dates:
        return ""
    shown = ", ".join(firms[:6]) + (w["and_more"].format(n=len(firms) - 6) if len(firms) > 6 else "")
    if not dates:
        period = w["unknown"]
    elif dates[0] == dates[-1]:
        period = date_text(dates[0], lang)
    else:
        period = f"{date_text(dates[0], lang)} – {date_text(dates[-1], lang)}"
    return w["period"].format(firms=shown or w["unknown"], period=period)


def _meta(made_at: _dt.datetime, outcome: Outcome, lang: str) -> str:
    """When, with what and how the check was made: the sign-off's header."""
    w = WORDS[lang]
    options = outcome.options

    def days(values: Sequence[_dt.date]) -> str:
        return " ".join(roc_text(d) if lang == "zh-TW" and roc_year_fits(d) else d.isoformat()
                        for d in values)

    meta = [(w["made"], _when(made_at, lang)), (w["by"], f"fxreport {__version__}"),
            (w["lang"], w["lang_name"])]
    calendar = "" if options.calendar == "bank" else render_reason(options.calendar, None, lang)
    meta += [(w[key], value) for key, value in (
        ("calendar", calendar), ("select", ",".join(options.select)),
        ("ignore", ",".join(options.ignore)), ("closed", days(options.closed_days)),
        ("open", days(options.open_days))) if value]
    if options.strict:
        meta.append((w["options"], w["strict"]))
    return ('<dl class="meta">' + "".join(
        f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in meta) + "</dl>\n")


def verdict_state(outcome: Outcome) -> str:
    """The verdict: the pipeline's (``Outcome.verdict``), with a pass split in two:
    ``review`` while a warning that is not verified is present, else ``pass``;
    ``fail`` for any failure (``fail_strict`` is a fail, worded as such)."""
    verdict = outcome.verdict()
    if verdict == "nothing":
        return "fail" if outcome.unreadable else "nothing"
    if verdict != "pass":
        return "fail"
    return "review" if any(day_verdict(r) == "review" for r in outcome.reports) else "pass"


_SIGNS = {"pass": "\u2713", "review": "!", "fail": "\u2717", "nothing": "\u2013"}


def _names(paths: Sequence[str], lang: str, most: int = 5) -> str:
    w = WORDS[lang]
    shown = w["list_sep"].join(paths[:most])
    return shown + (w["and_more"].format(n=len(paths) - most) if len(paths) > most else "")


def _verdict_box(outcome: Outcome, lang: str, numbers: Mapping[int, int]) -> str:
    """The verdict first: its state in colour, a sign and words; the files that fail by
    name, linked to their findings; the warnings counted."""
    w = WORDS[lang]
    state = verdict_state(outcome)
    reports = outcome.reports
    s = outcome.summary()
    open_warnings = sum(1 for r in reports for f in r.findings
                        if is_open(f))
    invalid = [i for i in series_order(reports) if not reports[i].valid]
    if outcome.verdict() == "fail_strict":
        words = w["v_fail_strict"].format(warnings=open_warnings)
    else:
        words = w["v_" + state].format(invalid=len(invalid) + len(outcome.unreadable),
                                       files=s["files"] + len(outcome.unreadable),
                                       warnings=open_warnings)
    parts = [f'<section class="verdict-box {state}" aria-labelledby="verdict">'
             f'<p class="big" id="verdict"><span class="sign" aria-hidden="true">'
             f"{_SIGNS[state]}</span> {_e(words)}</p>"]
    if invalid:
        parts.append(_invalid_names(reports, invalid, numbers, lang))
    if outcome.unreadable:
        parts.append(f'<p class="names">{_e(w["v_unreadable_files"])} '
                     f'{_e(_names([shown_path(u.path) for u in outcome.unreadable], lang))}</p>')
    parts.append(f"<p>{_e(w['summary'].format(invalid=s['files'] - s['valid'], **s))}</p>")
    return "".join(parts) + "</section>\n"


def _invalid_names(reports: Sequence[CheckResult], invalid: Sequence[int],
                   numbers: Mapping[int, int], lang: str) -> str:
    """The first ten files that fail, each linked to its findings."""
    w = WORDS[lang]
    links = [f'<a href="#file-{numbers[i]}">{_path(reports[i].path)}</a>' for i in invalid[:10]]
    more = w["and_more"].format(n=len(invalid) - 10) if len(invalid) > 10 else ""
    return (f'<p class="names">{_e(w["v_invalid_files"])} '
            f'{_e(w["list_sep"]).join(links)}{_e(more)}</p>')


def _continuity_note(outcome: Outcome, previous: FileFacts | None, lang: str) -> str:
    """One file checked alone: its prior-day balances were compared with nothing."""
    if previous is not None or len(outcome.reports) != 1 or outcome.unreadable:
        return ""
    w = WORDS[lang]
    gap = "" if lang == "zh-TW" else " "
    return (f'<p class="note continuity" data-how="previous"><strong>{_e(w["c_title"])}</strong>'
            f'{gap}{_e(w["c_text"])}</p>\n')


def _sign_off(lang: str) -> str:
    """Reviewer, approver and date, to be filled in by hand on the printed report."""
    w = WORDS[lang]
    cells = "".join(f'<div class="sign-cell"><span class="sign-label">{_e(w[k])}</span>'
                    f'<span class="sign-line"></span></div>' for k in ("reviewer", "approver", "sign_date"))
    return (f'<section class="sign-off" aria-labelledby="sign-off-h"><h2 id="sign-off-h">'
            f'{_e(w["sign_off"])}</h2><div class="sign-grid">{cells}</div></section>\n')


def _series_part(reports: Sequence[CheckResult], facts: Sequence[FileFacts | None],
                 calendar: Any, limits: Mapping[str, Mapping[str, int]] | None, lang: str) -> str:
    """Each firm's series at a glance, for firms with at least two reports."""
    several = {r.bank for r in reports if r.bank and r.date}
    if len(reports) < 2 or not several:
        return ""

    def data(i: int) -> bytes | None:
        fact = _fact(facts, i)
        return fact.data if fact is not None else None

    series = [s for s in series_of_facts(reports, data, calendar, limits)
              if sum(1 for d in s.days if d.path is not None) >= 2]
    if not series:
        return ""
    w = WORDS[lang]
    return (f'<h2 id="series">{_e(w["s_part"])}</h2>\n'
            + "".join(figure_html(s, lang, f"firm-{n}") for n, s in enumerate(series, 1)))


def _fact(facts: Sequence[FileFacts | None], i: int) -> FileFacts | None:
    """``facts[i]``; facts may be fewer than the reports (the rest are unknown)."""
    return facts[i] if i < len(facts) else None


def _size_text(fact: FileFacts | None, lang: str) -> str:
    if fact is None or fact.size is None:
        return WORDS[lang]["unknown"]
    return f"{fact.size:,}"


def _sha_text(fact: FileFacts | None, lang: str) -> str:
    w = WORDS[lang]
    if fact is None or fact.size is None:
        return w["unknown"]
    if fact.sha256 is None:
        return w["not_read"].format(limit=SIZE_LIMIT)
    return fact.sha256


_BADGE_SIGNS = {"valid": "\u2713", "review": "!", "invalid": "\u2717"}


def _badge(state: str, lang: str) -> str:
    """A file's result as sign and words: valid, valid with warnings to review, not valid."""
    w = WORDS[lang]
    return (f'<span class="badge {state}"><span aria-hidden="true">{_BADGE_SIGNS[state]}</span> '
            f'{_e(w["b_" + state])}</span>')


def _date_cell(r: CheckResult, lang: str) -> str:
    """The date as HTML: never broken inside; in English the ROC date may go below."""
    if r.date is None:
        return ""
    if lang == "zh-TW":
        return f'<span class="nw">{roc_text(r.date)}</span>'
    return f'<span class="nw">{r.date.isoformat()}</span> <span class="nw">({roc_text(r.date)})</span>'


_COLUMNS = ("n", "file", "firm", "date", "result", "size", "sha")


def _file_row(r: CheckResult, n: int, fact: FileFacts | None, label: Mapping[str, str],
              lang: str, linked: bool) -> str:
    w = WORDS[lang]
    name = (f'<a href="#file-{n}" title="{_e(w["jump"])}">{_path(r.path)}</a>' if linked
            else _path(r.path))
    return (f'<tr><td class="num" data-label="{label["n"]}">{n}</td>'
            f'<td class="name" data-label="{label["file"]}">{name}</td>'
            f'<td data-label="{label["firm"]}"><span class="nw">{_e(r.bank or "")}</span></td>'
            f'<td class="date" data-label="{label["date"]}">{_date_cell(r, lang)}</td>'
            f'<td class="result" data-label="{label["result"]}">{_badge(day_verdict(r), lang)}</td>'
            f'<td class="num" data-label="{label["size"]}">{_e(_size_text(fact, lang))}</td>'
            f'<td class="sha" data-label="{label["sha"]}">{_e(_sha_text(fact, lang))}</td></tr>')


def _table(rows: Sequence[str], lang: str) -> str:
    w = WORDS[lang]
    head = "".join(f'<th scope="col" class="c-{k}">{_e(w[k])}</th>' for k in _COLUMNS)
    return (f'<div class="table-wrap"><table class="files"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _files_part(reports: Sequence[CheckResult], order: Sequence[int], numbers: Mapping[int, int],
                facts: Sequence[FileFacts | None], previous: FileFacts | None, lang: str) -> str:
    """The files that need attention in a table; the valid ones folded, one line per firm
    (opened on demand, and always in print)."""
    w = WORDS[lang]
    label = {k: _e(w[k]) for k in _COLUMNS}
    out = [f'<h2>{_e(w["files"])}</h2>\n']
    rows = [_file_row(reports[i], numbers[i], _fact(facts, i), label, lang, True)
            for i in order if reports[i].findings]
    if previous is not None:
        rows.append(_previous_row(previous, label, lang))
    if rows:
        out.append(_table(rows, lang) + "\n")
    by_firm: dict[str, list[int]] = {}
    for i in order:
        if not reports[i].findings:
            by_firm.setdefault(reports[i].bank or "????", []).append(i)
    for bank, items in by_firm.items():
        summary_words = w["folded"].format(bank=bank, n=len(items),
                                           period=_span_text([reports[i] for i in items], lang))
        out.append(f'<details class="folded"><summary><span class="badge valid">'
                   f'<span aria-hidden="true">\u2713</span> {_e(w["b_valid"])}</span> '
                   f'{text_html(summary_words)}</summary>'
                   + _table([_file_row(reports[i], numbers[i], _fact(facts, i), label, lang, False)
                             for i in items], lang)
                   + "</details>\n")
    return "".join(out)


def _previous_row(previous: FileFacts, label: Mapping[str, str], lang: str) -> str:
    """The files table's row of the previous report (compared with, not checked)."""
    return (f'<tr class="previous"><td class="num" data-label="{label["n"]}">\u2014</td>'
            f'<td class="name" data-label="{label["file"]}">{_path(previous.name)}'
            f'<br><small>{_e(WORDS[lang]["role_prev"])}</small></td>'
            '<td class="empty"></td><td class="empty"></td><td class="empty"></td>'
            f'<td class="num" data-label="{label["size"]}">{_e(_size_text(previous, lang))}</td>'
            f'<td class="sha" data-label="{label["sha"]}">{_e(_sha_text(previous, lang))}</td></tr>')


def _span_text(reports: Sequence[CheckResult], lang: str) -> str:
    """The first and the last date of ``reports`` (one date when they are the same)."""
    dates = [d for r in reports if (d := r.date) is not None]
    if not dates:
        return ""
    return date_text(min(dates), lang) + (
        f" – {date_text(max(dates), lang)}" if max(dates) != min(dates) else "")


def _firm_date(r: CheckResult, lang: str) -> str:
    """The file's firm and date as read; question marks stand for the one unreadable."""
    w = WORDS[lang]
    if r.bank and r.date:
        return w["firm_date"].format(bank=r.bank, date=date_text(r.date, lang))
    if r.bank or r.date:
        return w["firm_date"].format(bank=r.bank or "????",
                                     date=date_text(r.date, lang) if r.date else "???/??/??")
    return w["no_firm_date"]


def _file_section(r: CheckResult, n: int, fact: FileFacts | None, lang: str) -> str:
    w = WORDS[lang]
    where = _firm_date(r, lang)
    parts = [f'<section class="file" id="file-{n}" aria-labelledby="file-{n}-h">\n<header>'
             f'<h3 id="file-{n}-h">{n}. <span class="mono">{_path(r.path)}</span> '
             f"{_badge(day_verdict(r), lang)}</h3><p>{text_html(where)}"]
    if r.findings:
        parts.append(_e(w["sep"] + w["counts"].format(errors=r.count(ERROR),
                                                         warnings=r.count(WARNING))))
    parts.append("</p></header>\n")
    if not r.findings:
        parts.append(f'<p class="none">{_e(w["no_findings"])}</p>\n')
        return "".join(parts) + "</section>\n"
    records: Sequence[bytes] | None = r.records
    if not records and fact is not None and fact.data is not None and len(fact.data) <= SIZE_LIMIT:
        records = split_records(fact.data)[0]
    parts.append('<ol class="findings">\n')
    for f in r.findings:
        parts.append(_finding(f, records, r.layout.width, lang))
    parts.append("</ol>\n</section>\n")
    return "".join(parts)


def _found_expected(f: Finding, j: dict[str, Any],
                    rec: bytes | None) -> tuple[str | None, str | None]:
    """The JSON's ``found``/``expected`` where it has them, else from the finding
    (the field's bytes as found, escaped as in messages)."""
    if "found" in j:
        found = j["found"]
    elif f.found is not None:
        found = show_bytes(f.found)
    elif rec is not None and f.start and f.end:
        found = show_bytes(rec[f.start - 1:f.end])
    else:
        found = None
    expected: Any = j["expected"] if "expected" in j else f.params.get("expected")
    if isinstance(expected, int) and not isinstance(expected, bool):
        expected = f"{expected:,}"
    return found, (None if expected is None else str(expected))


# Where a finding points, by whether it has a row and columns.
_PLACES = {(True, True): "row_cols", (True, False): "row", (False, True): "cols",
           (False, False): "file_level"}


def _finding(f: Finding, records: Sequence[bytes] | None, width: int, lang: str) -> str:
    w = WORDS[lang]
    sev = f.severity
    where = w[_PLACES[bool(f.row), bool(f.start)]].format(row=f.row, start=f.start, end=f.end)
    out = [f'<li class="finding {_e(sev)}">',
           '<div class="finding-head">',
           f'<span class="badge {_e(sev)}">{_e(w[sev])}</span>',
           f'<span class="rule"><span class="visually-hidden">{_e(w["rule"])} </span>{_e(f.code)}</span>',
           f'<span class="category">{_e(category_word(f.category, lang))}</span>',
           f'<span class="where">{_e(where)}</span></div>']
    field, label, text = f.parts(lang)
    if f.field is not None:
        out.append(f'<p class="field">{_e(w["field"])}<code>{_e(field)}</code> {_e(label)}</p>')
    out.append(f'<p class="message">{_e(text)}</p>')
    rec = _record_of(f, records, width)
    out.append(_values(*_found_expected(f, f.as_json(lang), rec), lang,
                       naming=f.category == "naming"))
    if rec is not None and f.row and f.start:
        out.append(_record(rec, f.row, f.start, f.end or f.start, lang))
    how = HOW.get(f.code, "")
    out.append(f'<p class="hint"{f" data-how={chr(34)}{how}{chr(34)}" if how else ""}>'
               f'<strong>{_e(w["fix"])}</strong> {_e(f.hint(lang))}</p>')
    if f.verified is not None:  # FORMAT.md 7.6: the note travels with the finding
        out.append(f'<p class="verified-note"><strong>{_e(sidecar_word("verified_label", lang))}'
                   f"</strong> {_e(f.verified)}</p>")
    out.append("</li>\n")
    return "".join(out)


def _verified_section(outcome: Outcome, order: Sequence[int], lang: str) -> str:
    """FORMAT.md 7.6: each verified finding with its note, and the verified file's stale
    lines; nothing when no verified file was given."""
    if not outcome.options.verified:
        return ""

    rows = []
    for i in order:
        r = outcome.reports[i]
        for f in r.findings:
            if f.verified is not None:
                where = f" {f.display(lang)}" if f.field is not None else ""
                rows.append(f"<li><code>{_e(r.path)}</code> <span class=\"rule\">{_e(f.code)}</span>"
                            f"{_e(where)}: {_e(f.verified)}</li>")
    out = [f'<section class="verified" aria-labelledby="verified-h"><h2 id="verified-h">'
           f'{_e(sidecar_word("verified_title", lang))}</h2>\n',
           '<ul class="verified-list">' + "".join(rows) + "</ul>\n" if rows else
           f'<p>{_e(sidecar_word("verified_none", lang))}</p>\n']
    stale = outcome.stale_lines()
    if stale:
        out.append(f'<h3>{_e(sidecar_word("stale_title", lang))}</h3>\n<ul class="stale-verified">'
                   + "".join(f"<li>{_e(text)}</li>" for text in stale) + "</ul>\n")
    out.append("</section>\n")
    return "".join(out)


def _record_of(f: Finding, records: Sequence[bytes] | None, width: int) -> bytes | None:
    """The finding's record, when its columns can be shown (a record of another width
    than its layout's has them shifted)."""
    rec = records[f.row - 1] if records and f.row and f.row <= len(records) else None
    return rec if rec is not None and len(rec) == width else None


_NUMBER = re.compile(r"^ *[+-]?[0-9][0-9,]*$")
SPACE_MARK = "\u2423"  # ␣


def shown_value(value: str) -> str:
    """A value with its spaces visible (``␣``), so "2900␣␣␣␣␣␣" is not read as "2900"."""
    return value.replace(" ", SPACE_MARK)


def _values(found: str | None, expected: str | None, lang: str, naming: bool = False) -> str:
    """Found and expected one above the other, character under character (monospace, the
    spaces shown as ␣), leaving out the one a finding does not have; a file-name finding
    says "file name", not "found in the file"."""
    w = WORDS[lang]
    keys = ("found_name", "expected_name") if naming else ("found", "expected")
    pairs = [(w[key], value) for key, value in zip(keys, (found, expected)) if value is not None]
    if not pairs:
        return ""
    spaced = any(" " in v for _, v in pairs)
    rows = "".join(f'<dt>{_e(k)}</dt><dd><code class="value">{_e(shown_value(v))}</code></dd>'
                   for k, v in pairs)
    key = f'<p class="space-key">{_e(w["space_key"])}</p>' if spaced else ""
    # amounts right-aligned, so digits stand under digits; names and codes left-aligned
    kind = " numeric" if all(_NUMBER.match(v) for _, v in pairs[1:]) and len(pairs) == 2 else ""
    return f'<dl class="values{kind}">{rows}</dl>{key}'


def printable(raw: bytes) -> str:
    """One character per byte: printable ASCII as itself, anything else a middle dot."""
    return "".join(chr(b) if 0x20 <= b < 0x7F else "\u00b7" for b in raw)


def _record(rec: bytes, row: int, start: int, end: int, lang: str) -> str:
    """The record's bytes around columns start-end, under a column ruler, marked."""
    w = WORDS[lang]
    margin = max(4, min(16, (64 - (end - start + 1)) // 2))
    lo, hi = max(1, start - margin), min(len(rec), end + margin)
    ruler = "".join(" " for _ in range(lo, hi + 1))
    cells = list(ruler)
    for col in range(lo, hi + 1):
        if col % 10 == 0:
            label = str(col)
            first = col - lo - len(label) + 1
            if first >= 0:
                cells[first:col - lo + 1] = label
    ruler = "".join(cells).rstrip()
    before, bad, after = rec[lo - 1:start - 1], rec[start - 1:end], rec[end:hi]
    caret = " " * (start - lo) + "^" * (end - start + 1)
    caption = w["record"].format(row=row, lo=lo, hi=hi)
    return (f'<figure class="record"><figcaption>{_e(caption)} '
            f'<span class="visually-hidden">{_e(w["marked"].format(start=start, end=end))}</span>'
            f'</figcaption><pre><span class="ruler" aria-hidden="true">{_e(ruler)}</span>\n'
            f"{_e(printable(before))}<mark>{_e(printable(bad))}</mark>{_e(printable(after))}\n"
            f'<span class="caret" aria-hidden="true">{_e(caret)}</span></pre></figure>')


def report_of_paths(outcome: Outcome,
                    limits: Mapping[str, Mapping[str, int]] | None = None) -> str:
    """``render_html`` for files on disk (``fxreport check --format html``).

    Each file is read again for its size and SHA-256, as the checker read it.
    """
    facts = [None if r.path == "<stdin>" else facts_of_path(str(r.path)) for r in outcome.reports]
    previous = outcome.options.previous
    prev = (facts_of_path(previous) if isinstance(previous, str)
            else facts_of(display_path(previous.name), previous.data) if previous is not None
            else None)
    return render_html(outcome, facts, previous=prev, limits=limits)
