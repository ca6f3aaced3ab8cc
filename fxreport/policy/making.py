"""Making submission files: reading build input, deriving, checking, writing.

Used by ``fxreport build``, ``roll`` and ``fmt``.  Input problems are
collected per field (JSON key path or CSV line) and nothing is written while
any remain; a file is written only when ``check`` finds no error in it.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ..checking.checker import check_bytes
from ..checking.results import CheckResult
from ..core.fields import SPACES, roc_text
from ..core.findings import Finding
from ..core.fields import AMOUNT
from ..core.layout import LAYOUT, ROWS
from ..core.model import Report, split_rows
from ..core.problems import InputError, InputProblem, Where

__all__ = ["CSV_HEADER", "InputError", "InputProblem", "Where", "WriteOutcome", "WriteRefused",
           "ReportExistsError", "checked_bytes", "csv_text", "make_report", "read_input",
           "roll_input", "target_for", "write_report"]

CSV_HEADER = ["row", "start", "end", "name", "label", "value"]
_AMOUNT_ROW = {f.name: f.row for f in LAYOUT if f.type == AMOUNT}
_MOST_DIGITS = 30  # an amount with more digits is out of range in any written form


# --- reading -------------------------------------------------------------------------

def read_input(data: bytes, name: str = "<input>") -> tuple[dict[str, Any], dict[str, Where]]:
    """JSON or CSV (as ``show`` prints them) -> (document, where each key came from)."""
    text = _text(data)
    stripped = text.lstrip()
    if not stripped:
        raise InputError([InputProblem(Where(), "empty")])
    if stripped.startswith("{"):
        from .inputs import read_json

        return read_json(text), {}
    if stripped.startswith(("[", '"')) or name.lower().endswith(".json"):
        raise InputError([InputProblem(Where(), "json_not_object")])
    return _read_csv(text)


def _text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for codec in ("utf-8", "cp950"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise InputError([InputProblem(Where(), "not_text")])


def _read_csv(text: str) -> tuple[dict[str, Any], dict[str, Where]]:
    reader = csv.reader(io.StringIO(text))
    _csv_header(next(reader, None))
    problems: list[InputProblem] = []
    flat: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for cells in reader:
        if any(c.strip() for c in cells):
            problem = _csv_line(cells, reader.line_num, flat, lines)
            if problem is not None:
                problems.append(problem)
    if problems:
        raise InputError(problems)
    where = {at.key: at for name, line in lines.items()
             for at in [_csv_at(name, line)] if at.key is not None}
    return _csv_doc(flat), where


def _csv_header(header: list[str] | None) -> None:
    """Lines are read by column position, so the columns must be the ones ``show`` prints."""
    if header is None or [h.strip().lower() for h in header] != CSV_HEADER:
        raise InputError([InputProblem(Where(line=1), "csv_header", header=",".join(CSV_HEADER))])


def _csv_doc(flat: dict[str, Any]) -> dict[str, Any]:
    """The fields read, nested as JSON build input is."""
    doc: dict[str, Any] = {"bank": flat.pop("BANK", None), "date": flat.pop("DATE", None)}
    doc = {k: v for k, v in doc.items() if v is not None}
    doc.update(split_rows(flat))
    return doc


def _csv_line(cells: list[str], line: int, flat: dict[str, Any],
              lines: dict[str, int]) -> InputProblem | None:
    """One line's field into ``flat`` (and its line into ``lines``), or its problem.

    A field is given twice only when its first value was read: a refused value
    is reported once, not again as a repeat."""
    if len(cells) != len(CSV_HEADER):
        return InputProblem(Where(line=line), "csv_cells", expected=len(CSV_HEADER),
                            found=len(cells))
    name, value = cells[3].strip(), cells[5].strip()
    if name in flat:
        return InputProblem(Where(line=line), "csv_given_twice", name=name, other=lines[name])
    lines[name] = line
    read = _csv_value(name, value, line)
    if isinstance(read, InputProblem):
        return read
    flat[name] = read
    return None


def _csv_value(name: str, value: str, line: int) -> int | str | InputProblem:
    """A field's cell as the document takes it (text for BANK and DATE), or its problem."""
    if name in ("BANK", "DATE"):
        return value
    if name not in _AMOUNT_ROW:
        return _unknown_csv_field(name, line)
    if sum(c.isdigit() for c in value) > _MOST_DIGITS:
        # never int() it: Python refuses more than 4,300 digits
        return InputProblem(_csv_at(name, line), "amount_range", value=value_text(value))
    amount = csv_amount(value)
    if isinstance(amount, int):
        return amount
    return InputProblem(_csv_at(name, line), amount, name=name, value=value_text(value))


_CSV_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.([0-9]+))?")


def csv_amount(value: str) -> int | str:
    """A CSV cell as an amount, or the key of its problem.

    Accepts what spreadsheets export: ``1800``, ``-1800``, ``1,800``,
    ``1,800.00`` (a whole number), ``(1,800)`` (accounting negative) and a
    lone ``-`` (accounting zero).
    """
    text = value.strip()
    if not text:
        return "csv_empty"
    if text == "-":
        return 0
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1].strip()
        if text[:1] in ("+", "-"):
            return "csv_not_number"
    number = text.replace(",", "").replace("_", "")
    m = _CSV_NUMBER.fullmatch(number)
    if not m or not number.isascii():
        return "csv_not_number"
    if m.group(1) and m.group(1).strip("0"):
        return "csv_fraction"
    whole = int(number.split(".")[0])
    return -whole if negative else whole


def _csv_at(name: str, line: int) -> Where:
    """A CSV line and the key path its field fills (``line 7 (row1.ACUST)``)."""
    if name in ("BANK", "DATE"):
        return Where(key=name.lower(), line=line)
    return Where(key=f"row{_AMOUNT_ROW[name]}.{name}", line=line)


def _unknown_csv_field(name: str, line: int) -> InputProblem:
    from .inputs import near_name

    meant = near_name(name)
    if meant:
        return InputProblem(Where(key=key_text(name), line=line), "near_miss", name=meant)
    return InputProblem(Where(key=key_text(name), line=line), "csv_unknown_field")


def value_text(value: Any) -> str:
    from ..core.words import value_text as shown

    return shown(value)


def key_text(key: Any) -> str:
    from .inputs import key_text as shown

    return shown(key)


# --- validating ------------------------------------------------------------------------

def flat_amounts(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The amounts of a document's rows as one mapping (a row that is not one is skipped)."""
    out: dict[str, Any] = {}
    for row in (1, 2, 3):
        part = doc.get(f"row{row}")
        if isinstance(part, Mapping):
            out.update(part)
    return out


def make_report(doc: Mapping[str, Any], *, derived: bool = False,
                where: Mapping[str, Where] | None = None) -> Report:
    """Validate (after deriving, when asked); every problem is reported at once.

    Raises ``InputError`` whose ``problems`` say where (JSON key path, CSV
    line and field) and what, in either language; see ``fxreport.policy.inputs.validate``.
    """
    from .inputs import validate

    return validate(doc, derived=derived, where=where)


# --- writing --------------------------------------------------------------------------

class Built(NamedTuple):
    data: bytes
    result: CheckResult


def encode_checked(report: Report, *, newline: str = "crlf", sign_style: str = SPACES) -> Built:
    """Bytes plus their check (under the rule name, so naming is judged on the content)."""
    from ..core.codec import encode

    data = encode(report, newline=newline, sign_style=sign_style)
    return Built(data, check_bytes(data, report.filename))


def checked_bytes(report: Report, *, newline: str = "crlf", sign_style: str = SPACES,
                  check: bool = True) -> tuple[bytes, list[Finding]]:
    """The submission file's bytes and the check's warnings.

    Raises ``fxreport.ReportInvalidError`` (every error found, with row,
    columns and field) when ``check`` finds an error; ``check=False`` only
    encodes.  A value the format cannot hold raises ``FieldValueError``.
    """
    from ..api import ReportInvalidError
    from ..core.codec import encode

    if not check:
        return encode(report, newline=newline, sign_style=sign_style), []
    built = encode_checked(report, newline=newline, sign_style=sign_style)
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
        from ..core.words import os_reason, shown_path, write_message

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
                 check: bool = True) -> WriteOutcome:
    """Check, then name, then write atomically; never replace a file without ``force``.

    ``output`` is a directory (the file gets the rule name, ``ABP1209.txt``;
    default: the current directory) or a file name (FORMAT.md 7.9: a folder when it
    ends with a path separator, created when missing, or is an existing folder).  Every write of a report,
    ``fxreport.dump``, ``fxreport build`` and ``roll --write``, comes here.

    - ``check``: an error found by ``fxreport check`` raises
      ``fxreport.ReportInvalidError`` and nothing is written; warnings are
      returned.  ``check=False`` writes what the report holds, and under any name.
    - a file name that breaks the naming rule raises ``WriteRefused`` unless
      ``force``; an existing file raises ``ReportExistsError`` (a
      ``FileExistsError``) unless ``force``; any system error raises
      ``WriteRefused`` (an ``OSError``) whose ``message(lang)`` says why.
    """

    data, warnings = checked_bytes(report, newline=newline, sign_style=sign_style, check=check)
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
    from .atomic import write_atomic

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
    the carry table (``identities.CARRIES``), A_OPTION included.
    """
    from ..core.identities import CARRIES, TARGETS

    prev = previous.amounts()
    flat = {f.name: 0 for f in LAYOUT if f.type == AMOUNT and f.name not in TARGETS}
    for carry in CARRIES:
        flat[carry.field] = prev[carry.source]
    return {"bank": previous.bank, "date": roc_text(date), **split_rows(flat)}


# --- showing ---------------------------------------------------------------------------

def csv_text(report: Report, lang: str) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    amounts = report.amounts()
    for f in ROWS[1][:2]:
        label = f.label_zh if lang == "zh-TW" else f.label_en
        value = report.bank if f.name == "BANK" else roc_text(report.date)
        w.writerow([f.row, f.start, f.end, f.name, label, value])
    for f in LAYOUT:
        if f.type == AMOUNT:
            w.writerow([f.row, f.start, f.end, f.name, f.label_zh if lang == "zh-TW" else f.label_en,
                        amounts[f.name]])
    return out.getvalue()
