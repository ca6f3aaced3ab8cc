"""The one check pipeline: options in, an ``Outcome`` out.

Every door (``fxreport check``, the server's routes, the page, the HTML
report, the in-browser checker) builds a ``CheckOptions``, calls one of the
two functions below, and formats the ``Outcome``; none of them selects rules,
builds a calendar or decides an exit status itself.

- ``check_paths(paths, options)``: files, folders (their ``*.txt`` files) or
  ``-`` (standard input), as one series.
- ``check_contents(files, options)``: files already in memory, each a
  ``Content(name, data)`` (the server's uploads); the name is the path shown
  and its base name is naming-checked, exactly as for a file on disk.

Both raise ``OptionError`` for options that cannot be used (a rule code that
matches no rule, a day both closed and open, ``previous`` with several files);
the door words it as a usage error.  ``Outcome.exit_status()`` is the exit
status of FORMAT.md section 5 and 7.7, the ``--strict`` rule included.

A new check option is one field of ``CheckOptions`` (with a default, so every
caller keeps working), read where the pipeline or an output needs it, plus the
door's flag (``commands/check.py``) and form field (``checking/form.py``, which the
server and the static site both read the form with).

``CheckOptions``, ``Outcome`` and ``CheckResult`` are NamedTuples: immutable,
typed, ``_replace`` for a changed copy.  Frozen dataclasses would say the same,
but each costs about 1 ms to create at every start of ``fxreport check`` (a
NamedTuple a tenth of that), and the start-up budget is about 9 ms in all.
"""

# No `from __future__ import annotations`: the NamedTuples below are typed with real types,
# which typing checks cheaply; as strings each would be compiled at start-up.

import datetime as _dt
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from .batch import Unreadable, check_content, check_files, check_one, expand_files
from .calendar import DEFAULT_CALENDAR, BusinessCalendar
from .checker import Entry, compare, link_series
from ..core.findings import Finding
from ..core.fields import roc_text
from ..core.words import display_path, server_message, sidecar_word
from .decoder import decode
from .reading import read_path
from .results import CheckResult

__all__ = ["CheckOptions", "CheckResult", "Content", "OptionError", "Outcome", "Unreadable",
           "check_contents", "check_paths", "is_open", "prepare", "split_codes"]


class Content(NamedTuple):
    """A file in memory: the name it is shown by and its bytes."""

    name: str
    data: bytes


class CheckOptions(NamedTuple):
    """How to check: every option of ``fxreport check``, the server's form and the page.

    - ``select``/``ignore``: rule codes or prefixes (FORMAT.md 6.8);
    - ``calendar``: a kind of ``calendar.CALENDARS``; ``closed_days``/``open_days``
      adjust it (FORMAT.md 6.1);
    - ``previous``: the previous report of a single file, a path or a ``Content``;
    - ``strict``: warnings fail too (``Outcome.exit_status``);
    - ``lang``: the language of the outputs (en or zh-TW);
    - ``jobs``: worker processes for many files (None: the CPU count);
    - ``limits``: the firms' position limits, firm code -> field -> limit in thousands of
      US dollars (``sidecar.read_limits``; FORMAT.md 7.5), or None;
    - ``verified``: the lines of a verified file (``sidecar.read_verified``; FORMAT.md
      7.6): the quality and limit findings they name carry their notes.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    calendar: str = DEFAULT_CALENDAR
    closed_days: tuple[_dt.date, ...] = ()
    open_days: tuple[_dt.date, ...] = ()
    previous: str | Content | None = None
    strict: bool = False
    lang: str = "en"
    jobs: int | None = None
    limits: dict[str, dict[str, int]] | None = None  # sidecar.Limits: firm -> field -> limit
    verified: tuple[Any, ...] = ()  # sidecar.VerifiedLine each (imported when there are some)

    def business_calendar(self) -> BusinessCalendar:
        """The calendar of these options; ``OptionError`` when it cannot be made."""
        try:
            return BusinessCalendar(self.calendar, self.closed_days, self.open_days)
        except ValueError as exc:
            cause = exc if hasattr(exc, "message") else None  # a CalendarError says itself
            raise OptionError("calendar", str(exc), cause=cause) from None


class OptionError(ValueError):
    """Options that cannot be used: ``option`` names the field (``select``, ``ignore``,
    ``calendar``, ``previous``, or a form's field), ``values`` what was wrong in it.

    ``key`` and ``params`` are its words in the catalogue (``core.words.SERVER``), and
    ``cause`` the calendar's or a limits or verified file's own error when it has one:
    ``message(lang)`` says it in either language.  ``lang`` is the language the options
    asked for, when the error came after it was known (``checking.form``)."""

    def __init__(self, option: str, detail: str = "", values: Sequence[str] = (), *,
                 key: str = "bad_option", cause: Any = None, **params: Any) -> None:
        super().__init__(f"{option}: {detail or ', '.join(values)}")
        self.option = option
        self.detail = detail
        self.values = tuple(values)
        self.key = key
        self.cause = cause
        self.params = params or {"name": option, "detail": detail or ", ".join(values)}
        self.lang: str | None = None

    def message(self, lang: str = "en") -> str:
        """What is wrong, in ``lang``: the cause's own words, else the catalogue's."""
        if self.cause is not None:
            return str(self.cause.message(lang))

        return server_message(self.key, lang, self.params)


def is_open(finding: Finding) -> bool:
    """A warning that no verified note covers (FORMAT.md 7.6, 7.7): what ``strict`` fails
    on, and what the report's day and verdict ask to review (``outputs.series``)."""
    return finding.severity == "warning" and finding.verified is None


class Outcome(NamedTuple):
    """The results of one check, in the order given, and what could not be read."""

    reports: tuple[CheckResult, ...]
    unreadable: tuple[Unreadable, ...] = ()
    options: CheckOptions = CheckOptions()
    # the verified file's lines for a checked report that match no finding (FORMAT.md 7.9)
    stale_verified: tuple[Any, ...] = ()  # sidecar.VerifiedLine each

    def fails(self, result: CheckResult) -> bool:
        """Whether ``result`` fails the check: an error, or with ``strict`` a warning
        that no verified note covers (FORMAT.md 7.7)."""
        if not result.valid:
            return True
        return self.options.strict and any(map(is_open, result.findings))

    def exit_status(self) -> int:
        """0 every file passes, 1 one fails (``fails``), 2 a path could not be read."""
        if self.unreadable:
            return 2
        return 1 if any(self.fails(r) for r in self.reports) else 0

    def verdict(self) -> str:
        """``nothing`` (no file checked), ``fail`` (an unreadable path or a failed file),
        ``fail_strict`` (failed only because ``strict`` counts warnings) or ``pass``."""
        if not self.reports:
            return "nothing"
        if self.unreadable:
            return "fail"
        if not any(self.fails(r) for r in self.reports):
            return "pass"
        return "fail_strict" if all(r.valid for r in self.reports) else "fail"

    def stale_lines(self) -> list[str]:
        """A line for each stale line of the verified file (FORMAT.md 7.6), in the
        options' language: standard error for the CLI, the HTML report's verified section."""
        lang = self.options.lang
        return [sidecar_word("stale", lang, line=v.line, bank=v.bank,
                             date=roc_text(v.date) if lang == "zh-TW" else v.date.isoformat(),
                             code=v.code, field=f" {v.field}" if v.field else "")
                for v in self.stale_verified]

    def summary(self) -> dict[str, int]:
        """The counts of FORMAT.md section 5's ``summary``."""
        reports = self.reports
        return {"files": len(reports), "valid": sum(1 for r in reports if r.valid),
                "errors": sum(r.count("error") for r in reports),
                "warnings": sum(r.count("warning") for r in reports),
                # FORMAT.md 7.7: the quality and limit findings a verified note matches
                "verified": sum(1 for r in reports for f in r.findings if f.verified is not None)}


def check_paths(paths: Sequence[str | os.PathLike[str]],
                options: CheckOptions | None = None) -> Outcome:
    """Check files and folders as one series (or one file against ``options.previous``);
    a path is a ``str`` or an ``os.PathLike`` (``pathlib.Path``)."""
    options = options or CheckOptions()
    names = [os.fspath(p) for p in paths]
    keep, calendar = prepare(options, len(names))
    files, unreadable = expand_files(names)
    checked = check_files(files, options.jobs, calendar, options.limits)
    del files  # the entries hold what they need of it
    entries: list[Entry] = []
    for item in checked:
        if isinstance(item, Unreadable):
            unreadable.append(item)
        else:
            entries.append(item)
    del checked
    return _series(entries, unreadable, options, calendar, keep, _read_again)


def _read_again(e: Entry) -> bytes | None:
    """A file's bytes once more, for the records of a finding the series added."""
    if e.path is None or e.path == "<stdin>":
        return None
    try:
        return read_path(e.path)
    except OSError:
        return None


def check_contents(files: Sequence[tuple[str, bytes]],
                   options: CheckOptions | None = None) -> Outcome:
    """Check contents in memory, ``(name, bytes)`` each, as ``check_paths`` checks files."""
    options = options or CheckOptions()
    files = list(dict.fromkeys((name, data) for name, data in files))  # 7.9: one file
    keep, calendar = prepare(options, len(files))
    entries = [check_content(name, data, calendar, options.limits) for name, data in files]
    contents = {display_path(name): data for name, data in files}
    return _series(entries, [], options, calendar, keep, lambda e: contents.get(e.path or ""))


Keep = Callable[[list[str]], Iterable[str]]


def prepare(options: CheckOptions, count: int) -> tuple[Keep | None, BusinessCalendar]:
    """The selection and the calendar of ``options`` for ``count`` paths or files;
    ``OptionError`` for options that cannot be used (a door may call it to refuse a
    request before it starts the check)."""
    if options.previous is not None and count != 1:
        raise OptionError("previous", "one_file", key="previous_single")
    return _selection(options.select, options.ignore), options.business_calendar()


def _selection(selected: tuple[str, ...], ignored: tuple[str, ...]) -> Keep | None:
    """The codes ``--select``/``--ignore`` keep; a prefix matching no rule is refused
    (FORMAT.md 6.8).  None when every code is kept."""
    if not selected and not ignored:
        return None
    from ..core.rules import select, unknown  # lazy, start-up: the catalogue, only for a selection

    bad_selected, bad_ignored = unknown(selected), unknown(ignored)
    if bad_selected or bad_ignored:  # named by the first option with one; all are listed
        bad = bad_selected + bad_ignored
        raise OptionError("select" if bad_selected else "ignore", values=bad,
                          key="unknown_codes", codes=[u[:20] for u in bad[:10]])

    def keep(codes: list[str]) -> list[str]:
        return select(codes, selected, ignored)
    return keep


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``--select``/``--ignore`` values: comma-separated, repeatable, blanks dropped."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _series(entries: list[Entry], unreadable: list[Unreadable], options: CheckOptions,
            calendar: BusinessCalendar, keep: Keep | None,
            read: Callable[[Entry], bytes | None]) -> Outcome:
    """Continuity against the previous report, or across the series; plain results,
    each firm's by date (firms by code; files without a firm or date last), verified."""
    previous = options.previous
    if previous is not None:
        prev = (check_one(previous, calendar) if isinstance(previous, str)
                else check_content(previous.name, previous.data, calendar))
        if isinstance(prev, Unreadable):
            unreadable.append(prev)
        else:
            for e in entries:
                compare(e, prev, calendar)
    elif len(entries) > 1:
        link_series(entries, calendar)
        # issue 17 item 11: listed as the series reads them
        _sort_series(entries)
    _keep_records(entries, read)
    verifying = None
    if options.verified:
        from .sidecar import Verifying  # lazy, start-up: only with --verified

        verifying = Verifying(options.verified)
    verify = verifying.notes if verifying is not None else None
    reports = []
    entries.reverse()
    while entries:  # each entry let go as its result is made: a long series is not held twice
        reports.append(entries.pop().result(keep, verify))
    stale = verifying.stale() if verifying is not None else ()
    return Outcome(tuple(reports), tuple(unreadable), options, tuple(stale))


def _sort_series(entries: list[Entry]) -> None:
    """Firms by code, each firm's files by date; files without a date after their firm's,
    files without a firm last.  Two stable sorts whose keys are the entries' own firm
    and date objects: a long series makes no key tuple per file."""
    dated = [e for e in entries if e.date is not None]
    dated.sort(key=_date_of)
    dated += [e for e in entries if e.date is None]
    entries[:] = [e for e in dated if e.bank is not None]
    entries.sort(key=_bank_of)
    entries += [e for e in dated if e.bank is None]


def _date_of(e: Entry) -> _dt.date:
    return e.date  # type: ignore[return-value]  # a sort key of entries that have a date


def _bank_of(e: Entry) -> str:
    return e.bank  # type: ignore[return-value]  # a sort key of entries that have a firm


def _keep_records(entries: list[Entry], read: Callable[[Entry], bytes | None]) -> None:
    """The records of each file that a series finding points into (CNT001, QUA003) but
    that were not kept when it was checked alone: read again, and kept only when they
    are still the file that was checked (its firm and date)."""
    for e in entries:
        if e.records is not None or not any(f.row for f in e.iter_findings()):
            continue
        data = read(e)
        if data is None:
            continue

        layout = e.plan.layout
        d = decode(data, layout)
        if (d.bank, d.date) != (e.bank, e.date) or len(d.records) != len(layout.records):
            continue
        e.findings = [_as_found(f, d.records) for f in e.iter_findings()]
        e.records = d.records


def _as_found(f: Finding, records: list[bytes]) -> Finding:
    """A QUA003 finding (made by the series, from amounts) with its field's bytes as the
    file has them, not as the writer would write them: a new finding, the series's own."""
    if f.code == "QUA003" and f.field is not None and f.row:
        return f.replace(found=f.field.cut(records[f.row - 1]))
    return f
