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
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any, NamedTuple

from .. import __version__
from ..checking.pipeline import Outcome
from ..checking.results import CheckResult
from ..core.words import display_path
from ..checking.decoder import SIZE_LIMIT, split_records
from ..core.fields import roc_text, roc_year_fits
from ..core.findings import Finding, show_bytes
from ..core.layout import RECORD_WIDTH
from ..checking.reading import read_path
from ..core.rules import ERROR, WARNING, category_word
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


def _path(value: object) -> str:
    """A file name: undecodable bytes escaped too."""
    return _e(shown_path(value))


def _when(made_at: _dt.datetime, lang: str) -> str:
    offset = made_at.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    clock = made_at.strftime("%H:%M:%S")
    day = roc_text(made_at.date()) if lang == "zh-TW" else made_at.date().isoformat()
    return f"{day} {clock} {offset}".strip()


def series_order(reports: Sequence[CheckResult]) -> list[int]:
    """Indices of ``reports`` by firm, then date, then as given; unreadable heads last."""
    far = _dt.date.max
    return sorted(range(len(reports)),
                  key=lambda i: (reports[i].bank is None, reports[i].bank or "",
                                 reports[i].date or far, i))


def render_html(outcome: Outcome, facts: Sequence[FileFacts | None] = (), *,
                previous: FileFacts | None = None, made_at: _dt.datetime | None = None) -> str:
    """The whole report as one HTML document, in the language of the outcome's options.

    ``facts[i]`` describes ``outcome.reports[i]`` (None or missing: unknown);
    ``previous`` the previous report given with the options.
    """
    lang = outcome.options.lang
    w = WORDS[lang]
    made_at = made_at or _dt.datetime.now().astimezone()
    return "".join([
        "<!DOCTYPE html>\n",
        f'<html lang="{"zh-Hant-TW" if lang == "zh-TW" else "en"}">\n<head>\n<meta charset="utf-8">\n',
        # the report is one file: it may load nothing, run nothing
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; img-src data:">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta name="generator" content="fxreport {_e(__version__)}">\n',
        f"<title>{_e(w['title'])} {_e(_when(made_at, lang))}</title>\n",
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n",
        render_main(outcome, facts, previous=previous, made_at=made_at),
        "</body>\n</html>\n",
    ])


def render_main(outcome: Outcome, facts: Sequence[FileFacts | None] = (), *,
                previous: FileFacts | None = None, made_at: _dt.datetime | None = None) -> str:
    """The report's ``<main>``: what the page shows and the document wraps."""
    lang = outcome.options.lang
    w = WORDS[lang]
    made_at = made_at or _dt.datetime.now().astimezone()
    reports = outcome.reports
    order = series_order(reports)
    out: list[str] = ['<main class="report" id="report">\n', f"<h1>{_e(w['title'])}</h1>\n",
                      _meta(made_at, outcome, lang), _verdict_box(outcome, lang)]
    if reports or previous is not None:
        out.append(_files_table(reports, order, facts, previous, lang))
    if outcome.unreadable:
        out.append(f'<h2>{_e(w["unreadable"])}</h2>\n<ul class="unreadable">' + "".join(
            f"<li><code>{_path(u.path)}</code>{'：' if lang == 'zh-TW' else ': '}{_e(u.why(lang))}</li>"
            for u in outcome.unreadable)
            + "</ul>\n")
    if reports:
        out.append(f"<h2>{_e(w['results'])}</h2>\n")
        out.extend(_file_section(reports[i], n, _fact(facts, i), lang)
                   for n, i in enumerate(order, 1))
    out.append(f'<footer class="report-footer">{_e(w["footer"].format(version=__version__))}'
               "</footer>\n</main>\n")
    return "".join(out)


def _meta(made_at: _dt.datetime, outcome: Outcome, lang: str) -> str:
    """When, by what and how the check was made: the sign-off's header."""
    w = WORDS[lang]
    options = outcome.options
    meta = [(w["made"], _when(made_at, lang)), (w["by"], f"fxreport {__version__}"),
            (w["lang"], w["lang_name"])]
    closed = " ".join(roc_text(d) if lang == "zh-TW" and roc_year_fits(d) else d.isoformat()
                      for d in options.closed_days)  # a day before ROC year 1 has no ROC form
    meta += [(w[key], value) for key, value in (
        ("select", ",".join(options.select)), ("ignore", ",".join(options.ignore)),
        ("closed", closed)) if value]
    if options.strict:
        meta.append((w["options"], w["strict"]))
    return ('<dl class="meta">' + "".join(
        f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in meta) + "</dl>\n")


def _verdict_box(outcome: Outcome, lang: str) -> str:
    w = WORDS[lang]
    key = outcome.verdict()
    s = outcome.summary()
    return (f'<section class="verdict-box {"pass" if key == "pass" else "fail"}" '
            f'aria-labelledby="verdict"><p class="big" id="verdict">{_e(w[key])}</p>'
            f"<p>{_e(w['summary'].format(invalid=s['files'] - s['valid'], **s))}</p></section>\n")


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


def _badge(valid: bool, lang: str) -> str:
    w = WORDS[lang]
    return (f'<span class="badge valid">\u2713 {_e(w["valid"])}</span>' if valid
            else f'<span class="badge invalid">\u2717 {_e(w["invalid"])}</span>')


def _date_cell(r: CheckResult, lang: str) -> str:
    if r.date is None:
        return ""
    return roc_text(r.date) if lang == "zh-TW" else f"{roc_text(r.date)} ({r.date.isoformat()})"


def _files_table(reports: Sequence[CheckResult], order: Sequence[int],
                 facts: Sequence[FileFacts | None], previous: FileFacts | None, lang: str) -> str:
    w = WORDS[lang]
    head = "".join(f'<th scope="col">{_e(w[k])}</th>'
                   for k in ("n", "file", "size", "sha", "firm", "date", "result"))
    label = {k: _e(w[k]) for k in ("n", "file", "size", "sha", "firm", "date", "result")}
    rows = []
    for n, i in enumerate(order, 1):
        r = reports[i]
        fact = _fact(facts, i)
        rows.append(
            f'<tr><td class="num" data-label="{label["n"]}">{n}</td>'
            f'<td class="name" data-label="{label["file"]}">'
            f'<a href="#file-{n}" title="{_e(w["jump"])}">{_path(r.path)}</a></td>'
            f'<td class="num" data-label="{label["size"]}">{_e(_size_text(fact, lang))}</td>'
            f'<td class="sha" data-label="{label["sha"]}">{_e(_sha_text(fact, lang))}</td>'
            f'<td data-label="{label["firm"]}">{_e(r.bank or "")}</td>'
            f'<td data-label="{label["date"]}">{_e(_date_cell(r, lang))}</td>'
            f'<td data-label="{label["result"]}">{_badge(r.valid, lang)}</td></tr>')
    if previous is not None:
        rows.append(
            f'<tr class="previous"><td class="num" data-label="{label["n"]}">\u2014</td>'
            f'<td class="name" data-label="{label["file"]}">{_path(previous.name)}'
            f'<br><small>{_e(w["role_prev"])}</small></td>'
            f'<td class="num" data-label="{label["size"]}">{_e(_size_text(previous, lang))}</td>'
            f'<td class="sha" data-label="{label["sha"]}">{_e(_sha_text(previous, lang))}</td>'
            '<td class="empty"></td><td class="empty"></td><td class="empty"></td></tr>')
    return (f'<h2>{_e(w["files"])}</h2>\n<div class="table-wrap"><table class="files">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>\n")


def _firm_date(r: CheckResult, lang: str) -> str:
    """The file's firm and date as read; question marks stand for the one unreadable."""
    w = WORDS[lang]
    if r.bank and r.date:
        return w["firm_date"].format(bank=r.bank, roc=roc_text(r.date), iso=r.date.isoformat())
    if r.bank or r.date:
        return w["firm_date"].format(bank=r.bank or "????", roc=_date_cell(r, lang) or "???/??/??",
                                     iso=r.date.isoformat() if r.date else "????-??-??")
    return w["no_firm_date"]


def _file_section(r: CheckResult, n: int, fact: FileFacts | None, lang: str) -> str:
    w = WORDS[lang]
    where = _firm_date(r, lang)
    parts = [f'<section class="file" id="file-{n}" aria-labelledby="file-{n}-h">\n<header>'
             f'<h3 id="file-{n}-h">{n}. <span class="mono">{_path(r.path)}</span> {_badge(r.valid, lang)}</h3>'
             f"<p>{_e(where)}"]
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
        parts.append(_finding(f, records, lang))
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


def _finding(f: Finding, records: Sequence[bytes] | None, lang: str) -> str:
    w = WORDS[lang]
    sev = f.severity
    where = w[_PLACES[bool(f.row), bool(f.start)]].format(row=f.row, start=f.start, end=f.end)
    out = [f'<li class="finding {_e(sev)}">',
           '<div class="finding-head">',
           f'<span class="badge {_e(sev)}">{_e(w[sev])}</span>',
           f'<span class="rule"><span class="visually-hidden">{_e(w["rule"])} </span>{_e(f.code)}</span>',
           f'<span class="category">{_e(category_word(f.category, lang))}</span>',
           f'<span class="where">{_e(where)}</span></div>']
    if f.field is not None:
        out.append(f'<p class="field">{_e(w["field"])}<code>{_e(f.field.display)}</code> '
                   f"{_e(f.label(lang))}</p>")
    out.append(f'<p class="message">{_e(f.text(lang))}</p>')
    rec = _record_of(f, records)
    out.append(_values(*_found_expected(f, f.as_json(lang), rec), lang))
    if rec is not None and f.row and f.start:
        out.append(_record(rec, f.row, f.start, f.end or f.start, lang))
    out.append(f'<p class="hint"><strong>{_e(w["fix"])}</strong> {_e(f.hint(lang))}</p></li>\n')
    return "".join(out)


def _record_of(f: Finding, records: Sequence[bytes] | None) -> bytes | None:
    """The finding's record, when its columns can be shown (a record of the wrong
    width has them shifted)."""
    rec = records[f.row - 1] if records and f.row and f.row <= len(records) else None
    return rec if rec is not None and len(rec) == RECORD_WIDTH else None


def _values(found: str | None, expected: str | None, lang: str) -> str:
    """Found and expected as a list, leaving out the one a finding does not have."""
    w = WORDS[lang]
    pairs = [(w[key], value) for key, value in (("found", found), ("expected", expected))
             if value is not None]
    if not pairs:
        return ""
    return ('<dl class="values">' + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in pairs)
            + "</dl>")


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


def report_of_paths(outcome: Outcome) -> str:
    """``render_html`` for files on disk (``fxreport check --format html``).

    Each file is read again for its size and SHA-256, as the checker read it.
    """
    facts = [None if r.path == "<stdin>" else facts_of_path(str(r.path)) for r in outcome.reports]
    previous = outcome.options.previous
    prev = (facts_of_path(previous) if isinstance(previous, str)
            else facts_of(display_path(previous.name), previous.data) if previous is not None
            else None)
    return render_html(outcome, facts, previous=prev)
