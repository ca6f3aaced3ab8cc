"""The two CSV files a check can be given beside the reports (FORMAT.md 7.5, 7.6, 7.9):
the firms' position limits, and the notes that verify quality and limit findings.

Both are read from bytes (UTF-8 with or without a byte order mark, or Big5 as cp950), so
the CLI, the server and the page read them alike.  A file that cannot be used is a
``SidecarError`` naming its line and CSV cell (counted from 1), worded in either
language; the CLI turns it into a usage error (exit 2), the server into a 422.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..core.fields import AMOUNT_MAX, FieldFormatError, is_code, parse_any_date
from ..core.findings import Finding
from ..core.layout import AMOUNTS, LAYOUT
from ..core.rules import RULES, VERIFIABLE, category_word
from ..core.text import NotText, decode_text
from ..core.words import sidecar_word

Limits = dict[str, dict[str, int]]  # firm code -> field name -> limit (thousands of USD)

# compiled on first use (re's cache): a check without a limits file never needs it
_WHOLE = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
VERIFIED_HEADER = ("BANK", "DATE", "CODE", "FIELD", "NOTE")



class SidecarError(ValueError):
    """A limits or verified file that cannot be used: which file, where, and why."""

    def __init__(self, kind: str, name: str, key: str, line: int | None = None,
                 column: int | None = None, **params: Any) -> None:
        self.kind = kind  # "limits" or "verified"
        self.name = name
        self.key = key
        self.line = line
        self.column = column
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        where = sidecar_word(self.kind, lang, name=self.name)
        if self.line is not None:
            place = sidecar_word("cell" if self.column else "line", lang,
                                 line=self.line, column=self.column)
            where = sidecar_word("where", lang, file=where, place=place)
        return sidecar_word("problem", lang, where=where,
                            text=sidecar_word(self.key, lang, **self.params))


def _text(data: bytes, kind: str, name: str) -> str:
    try:
        return decode_text(data, nul_is_utf16=True)
    except NotText as exc:
        raise SidecarError(kind, name, "utf16" if exc.utf16 else "encoding") from None


def _rows(data: bytes, kind: str, name: str) -> list[tuple[int, list[str]]]:
    """The CSV's non-empty lines as (line number, cells stripped of spaces)."""
    reader = csv.reader(io.StringIO(_text(data, kind, name), newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            cells = [c.strip() for c in cells]
            if any(cells):
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise SidecarError(kind, name, "csv", reader.line_num + 1, detail=str(exc)) from None
    if not rows:
        raise SidecarError(kind, name, "empty")
    return rows


def _cells_fit(kind: str, name: str, line: int, cells: list[str], width: int) -> None:
    """A line with more cells than the header has is refused at its first extra cell."""
    if len(cells) > width:
        raise SidecarError(kind, name, "too_many_cells", line, width + 1,
                           want=width, count=len(cells))


def _bank(kind: str, name: str, line: int, bank: str) -> str:
    """A line's firm code (its first cell), refused when it is not one."""
    if not is_code(bank):
        raise SidecarError(kind, name, "bank_form", line, 1, found=bank)
    return bank


def _limit_fields(header: list[str], line: int, name: str) -> list[str]:
    """The limits file's header: ``BANK`` and one or more amount fields, each once."""
    if header[0].upper() != "BANK":
        raise SidecarError("limits", name, "limits_header", line, 1, found=header[0])
    fields: list[str] = []
    for column, cell in enumerate(header[1:], 2):
        if cell not in AMOUNTS:
            raise SidecarError("limits", name, "limits_field", line, column, found=cell)
        if cell in fields:
            raise SidecarError("limits", name, "field_twice", line, column, found=cell)
        fields.append(cell)
    if not fields:
        raise SidecarError("limits", name, "limits_no_field", line)
    return fields


def _firm_limits(fields: list[str], line: int, cells: list[str], name: str) -> dict[str, int]:
    """One firm's limits by field (an empty cell: no limit)."""
    mine: dict[str, int] = {}
    for column, (field, cell) in enumerate(zip(fields, cells[1:]), 2):
        if not cell:
            continue  # no limit
        value = int(cell.replace(",", "")) if re.fullmatch(_WHOLE, cell, re.ASCII) else 0
        if not 1 <= value <= AMOUNT_MAX:
            raise SidecarError("limits", name, "limit_value", line, column, found=cell)
        mine[field] = value
    return mine


def read_limits(data: bytes, name: str) -> Limits:
    """The limits file's limits by firm and field (FORMAT.md 7.5, 7.9)."""
    rows = _rows(data, "limits", name)
    line, header = rows[0]
    fields = _limit_fields(header, line, name)
    limits: Limits = {}
    first: dict[str, int] = {}
    for line, cells in rows[1:]:
        _cells_fit("limits", name, line, cells, len(header))
        bank = _bank("limits", name, line, cells[0])
        if bank in first:
            raise SidecarError("limits", name, "bank_twice", line, 1, found=bank, first=first[bank])
        first[bank] = line
        limits[bank] = _firm_limits(fields, line, cells, name)
    return limits


class VerifiedLine(NamedTuple):
    """A line of the verified file: which finding it verifies, and why it is right."""

    line: int
    bank: str
    date: _dt.date
    code: str
    field: str  # "" for a file-level finding
    note: str

    @property
    def key(self) -> tuple[str, _dt.date, str, str]:
        return self.bank, self.date, self.code, self.field

    def as_json(self) -> dict[str, Any]:
        """The ``stale_verified`` entry of FORMAT.md 7.9."""
        return {"line": self.line, "bank": self.bank, "date": self.date.isoformat(),
                "code": self.code, "field": self.field or None}


def _date(text: str) -> _dt.date | None:
    try:
        return parse_any_date(text, exact=True)
    except FieldFormatError:
        return None


def read_verified(data: bytes, name: str) -> list[VerifiedLine]:
    """The verified file's lines (FORMAT.md 7.6): each names a quality or limit finding."""
    rows = _rows(data, "verified", name)
    line, header = rows[0]
    if tuple(c.upper() for c in header) != VERIFIED_HEADER:
        raise SidecarError("verified", name, "verified_header", line, found=",".join(header))
    lines: list[VerifiedLine] = []
    first: dict[tuple[str, _dt.date, str, str], int] = {}
    for line, cells in rows[1:]:
        entry = _verified_line(line, cells, name)
        if entry.key in first:
            raise SidecarError("verified", name, "line_twice", line, first=first[entry.key])
        first[entry.key] = line
        lines.append(entry)
    return lines


def _verified_line(line: int, cells: list[str], name: str) -> VerifiedLine:
    """One line of the verified file, refused at the first cell that cannot be used."""
    _cells_fit("verified", name, line, cells, len(VERIFIED_HEADER))
    bank, date_text, code, field, note = (cells + [""] * 5)[:5]
    _bank("verified", name, line, bank)
    day = _date(date_text)
    if day is None:
        raise SidecarError("verified", name, "date_form", line, 2, found=date_text)
    code = _verifiable_code(code.upper(), line, name)
    if field and field not in {f.name for f in LAYOUT if f.name}:
        raise SidecarError("verified", name, "field_unknown", line, 4, found=field)
    if not note:
        raise SidecarError("verified", name, "note_missing", line, 5)
    return VerifiedLine(line, bank, day, code, field, note)


def _verifiable_code(code: str, line: int, name: str) -> str:
    """A rule code of a quality or limit rule (FORMAT.md 7.6), refused otherwise."""
    rule = RULES.get(code)
    if rule is None:
        raise SidecarError("verified", name, "code_unknown", line, 3, found=code)
    if rule.category not in VERIFIABLE:
        raise SidecarError("verified", name, "code_format", line, 3, found=code,
                           category=rule.category, category_en=category_word(rule.category),
                           category_zh=category_word(rule.category, "zh-TW"))
    return code


class Verifying:
    """The verified file's lines as a check applies them, file by file, while it makes
    each file's result (FORMAT.md 7.6, 7.9): ``notes`` gives a file's findings with the
    notes the lines give them, ``stale`` the lines left over at the end."""

    def __init__(self, lines: Sequence[VerifiedLine]) -> None:
        self.lines = lines
        self.by_key = {v.key: v for v in lines}
        self.used: set[int] = set()
        self.checked: set[tuple[str, _dt.date]] = set()

    def notes(self, bank: str | None, date: _dt.date | None,
              findings: Sequence[Finding]) -> Sequence[Finding]:
        """``findings`` (of the firm ``bank``'s report of ``date``), each quality or limit
        finding a line names replaced by a copy that carries the line's note."""
        if bank is None or date is None:
            return findings
        self.checked.add((bank, date))
        noted = list(findings)
        for i, f in enumerate(findings):
            if f.category not in VERIFIABLE:
                continue
            v = self.by_key.get((bank, date, f.code, f.field_name or ""))
            if v is not None:
                noted[i] = f.replace(verified=v.note)
                self.used.add(v.line)
        return noted

    def stale(self) -> list[VerifiedLine]:
        """The lines for a checked report (its firm and date) that matched no finding,
        in the file's order (FORMAT.md 7.9)."""
        return [v for v in self.lines
                if v.line not in self.used and (v.bank, v.date) in self.checked]
