"""Making submission files: reading build input, deriving, checking, writing.

Used by ``fxreport build``, ``roll`` and ``fmt``.  Input problems are
collected per field (JSON key path or CSV line) and nothing is written while
any remain; a file is written only when ``check`` finds no error in it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from .checker import FileReport, check_bytes
from .derive import DeriveConflict, derive
from .fields import SPACES, roc_text
from .layout import AMOUNT, LAYOUT, ROWS
from .model import Report, split_rows
from .words import value_text

CSV_HEADER = ["row", "start", "end", "name", "label", "value"]
_AMOUNT_ROW = {f.name: f.row for f in LAYOUT if f.type == AMOUNT}


class InputProblem(NamedTuple):
    where: str  # "row1.ACUST", "line 7", "input"
    message: str


class InputError(ValueError):
    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.where}: {p.message}" for p in problems))


# --- reading -------------------------------------------------------------------------

def read_input(data: bytes, name: str = "<input>") -> tuple[dict[str, Any], dict[str, str]]:
    """JSON or CSV (as ``show`` prints them) -> (document, where each key came from).

    JSON problems raise this module's ``InputError``; CSV problems raise
    ``fxreport.problems.InputError`` (the one problem type the readers move to).
    Workbooks have their own reader, ``fxreport.xlsx.read_workbook``.
    """
    text = _text(data)
    stripped = text.lstrip()
    if not stripped:
        raise InputError([InputProblem("input", f"{name} is empty")])
    if stripped.startswith("{"):
        return _read_json(text), {}
    if stripped.startswith(("[", '"')) or name.lower().endswith(".json"):
        raise InputError([InputProblem("input", "the JSON input must be an object like "
                                       '{"bank": "ABCD", "date": "105/12/09", "row1": {...}, ...}')])
    return _read_csv(text)


def _text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for codec in ("utf-8", "cp950"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise InputError([InputProblem("input", "the input is neither UTF-8 nor Big5 text")])


def _read_json(text: str) -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError([InputProblem(f"line {exc.lineno} column {exc.colno}",
                                       f"not valid JSON: {exc.msg}")]) from None
    if not isinstance(doc, dict):
        raise InputError([InputProblem("input", "the JSON input must be an object")])
    return doc


def _read_csv(text: str) -> tuple[dict[str, Any], dict[str, str]]:
    """CSV as ``show --format csv`` prints it, or as a spreadsheet exports it.

    Its problems are ``fxreport.problems.InputProblem`` at a line and field.
    """
    from .problems import InputError as LineError
    from .problems import InputProblem as LineProblem
    from .problems import Where

    reader = csv.reader(io.StringIO(text))
    problems: list[LineProblem] = []
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header] != CSV_HEADER:
        raise LineError([LineProblem(Where(line=1), "csv_header", header=",".join(CSV_HEADER))])
    flat: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(CSV_HEADER):
            problems.append(LineProblem(Where(line=line), "csv_cells", expected=len(CSV_HEADER),
                                        found=len(cells), header=",".join(CSV_HEADER)))
            continue
        name, value = cells[3].strip(), cells[5].strip()
        here = Where(key=name, line=line)
        if name in flat or name in lines:
            problems.append(LineProblem(here, "csv_twice", name=name, other=lines[name]))
            continue
        lines[name] = line
        if name in ("BANK", "DATE"):
            flat[name] = value
        elif name in _AMOUNT_ROW:
            amount = csv_amount(value)
            if isinstance(amount, int):
                flat[name] = amount
            else:
                problems.append(LineProblem(here, amount, name=name, value=value_text(value)))
        else:
            problems.append(LineProblem(Where(line=line), "csv_unknown", name=value_text(name)))
    if problems:
        raise LineError(problems)
    doc: dict[str, Any] = {"bank": flat.pop("BANK", None), "date": flat.pop("DATE", None)}
    doc = {k: v for k, v in doc.items() if v is not None}
    doc.update(split_rows(flat))
    where = {f"row{_AMOUNT_ROW[n]}.{n}": f"line {lines[n]}" for n in flat}
    where["bank"] = f"line {lines['BANK']}" if "BANK" in lines else "the BANK line"
    where["date"] = f"line {lines['DATE']}" if "DATE" in lines else "the DATE line"
    return doc, where


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


# --- validating ------------------------------------------------------------------------

def flat_amounts(doc: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for row in (1, 2, 3):
        part = doc.get(f"row{row}")
        if isinstance(part, dict):
            out.update(part)
    return out


def make_report(doc: dict[str, Any], *, derived: bool = False,
                where: Mapping[str, str] | None = None) -> Report:
    """Validate (after deriving, when asked); every problem is reported at once."""
    from pydantic import ValidationError

    where = where or {}
    if derived:
        try:
            doc = {**doc, **split_rows(derive(flat_amounts(doc)))}
        except DeriveConflict as exc:
            raise InputError([
                InputProblem(_where(f"row{_AMOUNT_ROW[n]}.{n}", where),
                             f"given as {g:,} but {f} gives {d:,}; fix the value or leave it out")
                for n, g, d, f in exc.problems]) from None
    try:
        return Report.model_validate(doc)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "input"
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "missing" and derived is False and _is_target(key):
                msg += " (or use --derive to compute it)"
            if err["type"] not in ("missing",) and "input" in err:
                msg += f" (got {err['input']!r})"
            problems.append(InputProblem(_where(key, where), msg))
        raise InputError(problems) from None


def _where(key: str, where: Mapping[str, str]) -> str:
    return f"{where[key]} ({key})" if key in where else key


def _is_target(key: str) -> bool:
    from .identities import IDENTITIES

    return key.split(".")[-1] in {i.target for i in IDENTITIES}


# --- writing --------------------------------------------------------------------------

class Built(NamedTuple):
    data: bytes
    result: FileReport


def encode_checked(report: Report, *, newline: str = "crlf", sign_style: str = SPACES) -> Built:
    """Bytes plus their check (under the rule name, so naming is judged on the content)."""
    from .writer import encode

    data = encode(report, newline=newline, sign_style=sign_style)
    return Built(data, check_bytes(data, report.filename))


def target_for(report: Report, output: str | None) -> Path:
    """``-o DIR`` (or nothing: the current directory) gets the rule name; ``-o FILE`` is kept."""
    path = Path(output) if output else Path(".")
    return path / report.filename if path.is_dir() or (output or "").endswith(("/", "\\")) else path


# --- rolling forward --------------------------------------------------------------------

def roll_input(previous: Report, date: Any) -> dict[str, Any]:
    """The next day's build input: prior-day fields carried, today's activity zero.

    The left sides of the identities are left out so that ``build --derive``
    computes them from the activity you fill in.  A_OPTION, a position rather
    than activity, is carried from the previous report.
    """
    from .identities import CARRIED, IDENTITIES

    prev = previous.amounts()
    targets = {i.target for i in IDENTITIES}
    flat = {f.name: 0 for f in LAYOUT if f.type == AMOUNT and f.name not in targets}
    for prior, today in CARRIED:
        flat[prior] = prev[today]
    flat["A_OPTION"] = prev["A_OPTION"]
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
