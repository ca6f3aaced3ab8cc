"""CSV build input, in the shape ``show --format csv`` prints, as spreadsheets re-save it.

One line per field (``row,start,end,name,label,value``), read by column
position.  A spreadsheet that opened ``show``'s CSV and saved it again may have
quoted every text cell (LibreOffice), written Big5 (a zh-TW Windows Excel),
kept or added a byte order mark (Excel's "CSV UTF-8"), ended lines with a bare
CR (Excel for Mac), and written amounts as ``1,800``, ``(1,800)`` or ``-``: all
are read.  Every problem is reported at its line (and the key path it fills);
nothing here raises anything but ``InputError``.  The lines are today's annex's
fields (``layout.FX_POSITION``, through the module tables ``LAYOUT`` and ``ROWS``), as
``show --format csv`` prints them.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..core.fields import roc_text
from ..core.fields import AMOUNT
from ..core.layout import LAYOUT, ROWS
from ..core.model import Report, split_rows
from ..core.problems import InputError, InputProblem, Where
from ..core.words import value_text
from . import Input
from .json_input import key_text
from .names import near_name
from ..core.text import UTF8_BOM
from .text import decode_text

CSV_HEADER = ["row", "start", "end", "name", "label", "value"]
CELL_LIMIT = 131_072  # Python's csv field limit: a longer cell is a problem, not a crash
_AMOUNT_ROW = {f.name: f.row for f in LAYOUT if f.type == AMOUNT}
_MOST_DIGITS = 30  # an amount with more digits is out of range in any written form


def read(data: bytes) -> Input:
    """The format registry's reader: bytes to the document and each key's line."""
    text = decode_text(data)
    if not text.strip():
        raise InputError([InputProblem(Where(), "empty")])
    doc, where = read_csv(text)
    return Input(doc, dict(where))


def read_csv(text: str) -> tuple[dict[str, Any], dict[str, Where]]:
    """(document, where each key came from); ``csv.Error`` becomes the line's problem."""
    # newline="": the csv module sees CRLF, LF and a bare CR as line ends alike
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        _csv_header(next(reader, None))
        problems: list[InputProblem] = []
        flat: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for cells in reader:
            if any(c.strip() for c in cells):
                problem = _csv_line(cells, reader.line_num, flat, lines)
                if problem is not None:
                    problems.append(problem)
    except csv.Error as exc:
        raise InputError([_csv_error(exc, reader.line_num)]) from None
    if problems:
        raise InputError(problems)
    where = {at.key: at for name, line in lines.items()
             for at in [_csv_at(name, line)] if at.key is not None}
    return _csv_doc(flat), where


def _csv_error(exc: csv.Error, line: int) -> InputProblem:
    """What Python's csv module refused, in the catalogue's words."""
    text = str(exc)
    if "field larger than field limit" in text:
        return InputProblem(Where(line=max(line, 1)), "csv_cell_too_long", limit=CELL_LIMIT)
    if "new-line character" in text or "newline" in text:
        return InputProblem(Where(line=max(line, 1)), "csv_newline_in_cell")
    if "NUL" in text or "null byte" in text.lower():
        return InputProblem(Where(line=max(line, 1)), "csv_nul")
    return InputProblem(Where(line=max(line, 1)), "csv_unreadable")


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
    meant = near_name(name)
    if meant:
        return InputProblem(Where(key=key_text(name), line=line), "near_miss", name=meant)
    return InputProblem(Where(key=key_text(name), line=line), "csv_unknown_field")


# --- writing ---------------------------------------------------------------------------

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


def write(report: Report, lang: str = "en") -> bytes:
    """UTF-8 with a byte order mark, so Excel opens it with the right encoding."""
    return UTF8_BOM + csv_text(report, lang).encode("utf-8")
