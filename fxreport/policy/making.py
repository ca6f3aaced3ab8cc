"""Making submission files: from a read document to a checked report, and writing it.

Used by ``fxreport build``, ``roll`` and ``fmt``; the readers of build input
are ``fxreport.formats``'.  Input problems are collected per field (JSON key
path, CSV line, workbook cell) and nothing is written while any remain; a file
is written only when ``check`` finds no error in it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ..checking.checker import check_bytes
from ..checking.pipeline import CheckOptions, Content, check_contents
from ..checking.results import CheckResult
from ..core.codec import encode
from ..core.fields import SPACES, roc_text
from ..core.findings import Finding
from ..core.model import Report, split_rows
from ..core.problems import Where
from ..core.words import os_reason, shown_path, write_message
from ..formats.sniff import read_build_input
from .atomic import write_atomic
from .inputs import validate
from .refused import ReportInvalidError

__all__ = ["WriteOutcome", "WriteRefused",
           "ReportExistsError", "checked_bytes", "make_report",
           "roll_input", "target_for", "write_report"]


# --- validating ------------------------------------------------------------------------

def make_report(doc: Mapping[str, Any], *, derived: bool = False,
                where: Mapping[str, Where] | None = None) -> Report:
    """Validate (after deriving, when asked); every problem is reported at once.

    Raises ``InputError`` whose ``problems`` say where (JSON key path, CSV
    line and field) and what, in either language; see ``fxreport.policy.inputs.validate``.
    """
    return validate(doc, derived=derived, where=where)


# --- writing --------------------------------------------------------------------------

class Built(NamedTuple):
    data: bytes
    result: CheckResult


class Previous(NamedTuple):
    """The report before the one being made, to check continuity against (CNT001...)."""

    data: bytes  # the previous submission file's bytes
    path: str  # its name, for the findings
    options: CheckOptions = CheckOptions()  # the calendar and its days, as ``check`` takes them


def encode_checked(report: Report, *, newline: str = "crlf", sign_style: str = SPACES,
                   previous: Previous | None = None) -> Built:
    """Bytes plus their check (under the rule name, so naming is judged on the content),
    continuity against ``previous`` included when it is given."""
    data = encode(report, newline=newline, sign_style=sign_style)
    if previous is None:
        return Built(data, check_bytes(data, report.filename))
    options = previous.options._replace(previous=Content(previous.path, previous.data))
    return Built(data, check_contents([(report.filename, data)], options).reports[0])


def checked_bytes(report: Report, *, newline: str = "crlf", sign_style: str = SPACES,
                  check: bool = True, previous: Previous | None = None
                  ) -> tuple[bytes, list[Finding]]:
    """The submission file's bytes and the check's warnings.

    Raises ``fxreport.ReportInvalidError`` (every error found, with row,
    columns and field) when ``check`` finds an error; ``check=False`` only
    encodes.  A value the format cannot hold raises ``FieldValueError``.
    With ``previous``, continuity with the report before is checked too.
    """
    if not check:
        return encode(report, newline=newline, sign_style=sign_style), []
    built = encode_checked(report, newline=newline, sign_style=sign_style, previous=previous)
    errors = [f for f in built.result.findings if f.severity == "error"]
    if errors:
        raise ReportInvalidError(errors, report.filename, warnings=[
            f for f in built.result.findings if f.severity != "error"])
    return built.data, list(built.result.findings)


def target_for(report: Report, output: str | os.PathLike[str] | None) -> Path:
    """``-o DIR`` (or nothing: the current directory) gets the rule name; ``-o FILE`` is kept."""
    text = os.fspath(output) if output is not None else ""
    path = Path(text) if text else Path(".")
    return path / report.filename if text.endswith(("/", "\\")) or path.is_dir() else path


class WriteRefused(OSError):
    """A report that was not written: the target exists, its name breaks the
    naming rule, or the system refused (``reason``).  ``message(lang)`` says
    which in English or Traditional Chinese (words in ``fxreport.core.words.WRITE``)."""

    def __init__(self, key: str, path: str | os.PathLike[str], **params: Any) -> None:
        self.key = key
        self.path = os.fspath(path)
        self.params = params
        super().__init__(self.message())

    def message(self, lang: str = "en") -> str:
        params = {"path": shown_path(self.path), "name": shown_path(Path(self.path).name),
                  **self.params}
        cause = params.get("reason")
        if isinstance(cause, BaseException):
            params["reason"] = os_reason(cause, lang)
        return write_message(self.key, lang, params)

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self) -> Any:
        return (_refused, (type(self), self.key, self.path, self.params))


class ReportExistsError(WriteRefused, FileExistsError):
    """The target exists and ``force`` (``overwrite``) was not given."""


def _refused(cls: type[WriteRefused], key: str, path: str, params: dict[str, Any]) -> WriteRefused:
    return cls(key, path, **params)


class WriteOutcome(NamedTuple):
    path: Path  # the file written
    warnings: list[Finding]  # the check's warnings (errors refuse the write)
    expected_name: str  # the name the naming rule gives
    name_breaks_rule: bool  # written under another name (``force``)


def write_report(report: Report, output: str | os.PathLike[str] | None = None, *,
                 force: bool = False, newline: str = "crlf", sign_style: str = SPACES,
                 check: bool = True, previous: Previous | None = None) -> WriteOutcome:
    """Check, then name, then write atomically; never replace a file without ``force``.

    ``output`` is a directory (the file gets the rule name, ``ABP1209.txt``;
    default: the current directory) or a file name (FORMAT.md 7.9: a folder when it
    ends with a path separator, created when missing, or is an existing folder).  Every write of a report,
    ``fxreport.dump``, ``fxreport build`` and ``roll --write``, comes here.

    - ``check``: an error found by ``fxreport check`` raises
      ``fxreport.ReportInvalidError`` and nothing is written; warnings are
      returned.  ``check=False`` writes what the report holds, and under any name.
    - ``previous``: continuity with the report before (CNT001, CNT002, CNT003) is
      checked too, before anything is written.
    - a file name that breaks the naming rule raises ``WriteRefused`` unless
      ``force``; an existing file raises ``ReportExistsError`` (a
      ``FileExistsError``) unless ``force``; any system error raises
      ``WriteRefused`` (an ``OSError``) whose ``message(lang)`` says why.
    """

    data, warnings = checked_bytes(report, newline=newline, sign_style=sign_style, check=check,
                                   previous=previous)
    try:
        target = target_for(report, output)
    except OSError as exc:  # a name too long for the file system, ...
        raise WriteRefused("cannot_write", os.fspath(output or "."), reason=exc) from exc
    breaks = target.name != report.filename
    if breaks and check and not force:
        raise WriteRefused("name_breaks_rule", target, expected=report.filename)
    if os.fspath(output or "").endswith(("/", "\\")):  # a folder given as one (FORMAT.md 7.9)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteRefused("cannot_write", target, reason=exc) from exc
    write_file(target, data, force=force)
    return WriteOutcome(target, warnings, report.filename, breaks)


def write_file(target: str | os.PathLike[str], data: bytes, *, force: bool = False,
               sweep: bool = True) -> None:
    """Atomic write of any file fxreport makes; an existing file needs ``force``;
    ``sweep=False`` leaves the folder's stale temporary files (``check`` deletes nothing).
    Raises ``ReportExistsError`` or ``WriteRefused``, whose words are the catalogue's."""
    try:
        write_atomic(target, data, overwrite=force, sweep=sweep)
    except FileExistsError as exc:
        raise ReportExistsError("exists", target) from exc
    except OSError as exc:
        raise WriteRefused("cannot_write", target, reason=exc) from exc


def finding_key(finding: Finding) -> str | None:
    """The build-input key path a finding in a report made from input points at
    (``row1.ACUST``, ``date``), or None for a finding about the file as a whole."""
    field = finding.field
    if field is None or not field.name:
        return None
    if field.name in ("BANK", "DATE"):
        return field.name.lower()
    return f"row{field.row}.{field.name}"


# --- rolling forward --------------------------------------------------------------------

def roll_input(previous: Report, date: Any) -> dict[str, Any]:
    """The next day's build input: prior-day fields carried, today's activity zero.

    The left sides of the identities are left out so that ``build --derive``
    computes them from the activity you fill in.  What is carried, and why, is
    the carry table of the report's layout (``identities.CARRIES`` for today's annex),
    A_OPTION included.
    """
    layout = previous.layout
    prev = previous.amounts()
    targets = {i.target for i in layout.identities}
    flat = {f.name: 0 for f in layout.amount_fields() if f.name not in targets}
    for carry in layout.carries:
        flat[carry.field] = prev[carry.source]
    return {"bank": previous.bank, "date": roc_text(date), **split_rows(flat, layout)}


# --- a report from build input ---------------------------------------------------------

def report_from_input(name: str, data: bytes, *, derived: bool = False) -> Report:
    """A report from any build input (JSON, CSV, a workbook): ``roll`` takes yesterday's
    workbook as PREV.  Raises ``InputError`` with every problem."""
    given = read_build_input(name, data)
    return validate(given.doc, derived=derived, where=given.where)
