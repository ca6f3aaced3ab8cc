"""Making submission files: from a read document to a report, and to its checked bytes.

Used by ``fxreport build``, ``roll`` and ``fmt``; the readers of build input
are ``fxreport.formats``', and writing a report is ``policy.writing``'s.  Input
problems are collected per field (JSON key path, CSV line, workbook cell) and
nothing is made while any remain; the bytes come with ``check``'s findings, and
an error refuses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ..checking.checker import check_bytes
from ..checking.pipeline import CheckOptions, Content, check_contents
from ..checking.results import CheckResult
from ..core.codec import encode
from ..core.fields import SPACES, roc_text
from ..core.findings import Finding
from ..core.model import Report, split_rows
from ..core.problems import Where
from ..formats.sniff import read_build_input
from .inputs import validate
from .refused import ReportInvalidError

__all__ = ["Previous", "checked_bytes", "finding_key", "make_report", "report_from_input",
           "roll_input"]


# --- validating ------------------------------------------------------------------------

def make_report(doc: Mapping[str, Any], *, derived: bool = False,
                where: Mapping[str, Where] | None = None) -> Report:
    """Validate (after deriving, when asked); every problem is reported at once.

    Raises ``InputError`` whose ``problems`` say where (JSON key path, CSV
    line and field) and what, in either language; see ``fxreport.policy.inputs.validate``.
    """
    return validate(doc, derived=derived, where=where)


# --- encoding and checking ---------------------------------------------------------------

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
