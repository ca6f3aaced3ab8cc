"""The report form as an Excel workbook: written for clerks, read back by name.

One sheet, ``日報表``, laid out from the layout table: a line per field in the
annex's order, grouped by the bracketed prefixes of the annex's labels
(``[即期已交割部位]``, ``[即期未交割部位][前日餘額]``, ...), Chinese and English
side by side, the firm code and the ROC date at the top, the unit, and one A4
page when printed.

The workbook is an interface (STYLE.md section 8):

- every field's cell has a workbook-scoped defined name, the annex's name with
  ``-`` written as ``_`` (``BANK``, ``DATE``, ``AB``, ``Adj_1``, ``POS``);
  ``read_workbook`` finds cells by these names only, never by coordinates;
- the left side of every identity is a live formula over the names
  (``=AB-AS``), generated from ``fxreport.core.identities``;
- input cells have Excel's built-in "Input" style, accept whole numbers from
  -999,999,999 to 999,999,999 only (data validation with messages in both
  languages) and are the only unlocked cells of a sheet protected without a
  password; formula cells have the built-in "Calculation" style.

Reading.  A cell holding a number is taken as given.  A formula cell gives its
cached result; a workbook written by a program that does not calculate
(openpyxl, so also fxreport itself) has none, and then the left sides of the
identities are computed from the identities, as ``build --derive`` does:
``WorkbookInput.derived`` names them (``uncalculated`` is true) and the doc
holds every amount.  A cached result that disagrees with the identities stays
as it is, so ``check`` reports it as for any other input.  Every problem of the
workbook is collected and raised at once as ``fxreport.core.problems.InputError``,
each at its field and cell (``AB (日報表!E8)``).

A report whose identity does not hold (``show`` of a file with the warning
ARI011 or ARI012, or with an arithmetic error) keeps its filed value: that
left side is written as a number instead of a formula, styled as an input,
with a cell comment that gives the identity's result, the rule and the
formula to restore.  Formulas that use it compute from the filed value, as the
checker does, so the workbook builds back to the same bytes.

openpyxl is imported only when a workbook is written or read.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.fields import roc_text
from ..core.identities import IDENTITIES, Identity, derivation_order
from ..core.fields import AMOUNT, AMOUNT_MAX
from ..core.layout import LAYOUT, ROWS, Field
from ..core.problems import InputError, InputProblem, Where
from ..core.words import SHEET as _WORDS, value_text

if TYPE_CHECKING:
    from ..core.model import Report

SHEET = "日報表"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
UNPACKED_LIMIT = 32 * 1024 * 1024  # a day's form unpacks to well under 100 KB

_BANK, _DATE = ROWS[1][0], ROWS[1][1]
_TARGETS: dict[str, Identity] = {i.target: i for i in IDENTITIES}
_AMOUNT_FIELDS: tuple[Field, ...] = tuple(f for f in LAYOUT if f.type == AMOUNT and f.name)
_ROW_OF = {f.name: f.row for f in _AMOUNT_FIELDS}

# Columns of the form.
_SECTION, _DETAIL, _ITEM_ZH, _ITEM_EN, _VALUE, _NAME, _PLACE = "ABCDEFG"
_WIDTHS = {_SECTION: 21, _DETAIL: 17, _ITEM_ZH: 22, _ITEM_EN: 24, _VALUE: 15, _NAME: 11,
           _PLACE: 9}
_HEAD_ROW = 6
_FIRST_ROW = _HEAD_ROW + 1
_NUMBER = "#,##0"


def defined_name(name: str) -> str:
    """The workbook's name for a field: the annex's name with ``-`` as ``_`` (``Adj_1``)."""
    return name.replace("-", "_")


def formula(ident: Identity) -> str:
    """The Excel formula of an identity's right side over defined names: ``=AB-AS``."""
    out = []
    for i, (sign, name) in enumerate(ident.terms):
        op = "" if i == 0 and sign > 0 else ("+" if sign > 0 else "-")
        out.append(op + defined_name(name))
    return "=" + "".join(out)


def is_workbook(data: bytes, name: str = "") -> bool:
    """Build input that the workbook reader should take (by name or by its first bytes)."""
    return (name.lower().endswith((".xlsx", ".xlsm", ".xls"))
            or data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC))


# --- the form's lines, from the layout table -------------------------------------------

_GROUPS = re.compile(r"^((?:\[[^\]]+\])+)\s*")


class Line(NamedTuple):
    """One field's line of the form: its sheet row and its labels split by group."""

    row: int
    field: Field
    section: tuple[str, str]  # (Chinese, English); ("", "") for a line of its own
    detail: tuple[str, str]  # the last bracket when there are two or more
    item: tuple[str, str]


def _split(f: Field) -> tuple[tuple[str, str], tuple[str, str], tuple[str, str]]:
    m = _GROUPS.match(f.label_zh)
    if not m:
        return ("", ""), ("", ""), (f.label_zh, f.label_en)
    groups = re.findall(r"\[([^\]]+)\]", m.group(1))
    leaf_zh = f.label_zh[m.end():]
    head, sep, leaf_en = f.label_en.rpartition(": ")
    en = head.split(", ") if sep else []
    top_zh = groups[0] + "".join(f"（{g}）" for g in groups[1:-1])
    if len(groups) == 1:
        detail_zh, top_zh = "", groups[0]
    else:
        detail_zh = groups[-1]
    if len(groups) >= 2 and len(en) >= 2:
        top_en, detail_en = ", ".join(en[:-1]), en[-1]
    elif len(groups) == 1 and en:
        top_en, detail_en = ", ".join(en), ""
    else:  # the English label does not split like the Chinese one: keep it whole
        top_en, detail_en, leaf_en = "", "", f.label_en
    return (top_zh, top_en), (detail_zh, detail_en), (leaf_zh, leaf_en)


def form_lines() -> tuple[Line, ...]:
    """Every amount field's line, in the annex's order."""
    return tuple(Line(_FIRST_ROW + i, f, *_split(f)) for i, f in enumerate(_AMOUNT_FIELDS))


def form_cells() -> dict[str, str]:
    """Where the writer puts each field: ``{"BANK": "E3", "DATE": "E4", "BAL": "E7", ...}``."""
    cells = {"BANK": f"{_VALUE}3", "DATE": f"{_VALUE}4"}
    cells.update({line.field.name: f"{_VALUE}{line.row}" for line in form_lines()})
    return cells


# --- writing ------------------------------------------------------------------------------

def report_workbook(report: Report) -> bytes:
    """A report as the form (``show --format xlsx``); it builds back to the same bytes."""
    return _workbook(report.bank, roc_text(report.date), report.amounts())


def roll_workbook(doc: Mapping[str, Any]) -> bytes:
    """The form from build input such as ``making.roll_input`` gives (``roll --format xlsx``).

    Left sides that ``doc`` leaves out become formulas; amounts it leaves out
    stay empty for the clerk to fill in.
    """
    from ..policy.making import flat_amounts

    flat = flat_amounts(doc)
    date = doc.get("date", "")
    date_text = roc_text(date) if isinstance(date, _dt.date) else str(date)
    return _workbook(str(doc.get("bank", "")), date_text, flat)


def _kept(values: Mapping[str, Any]) -> dict[str, tuple[Identity, int]]:
    """Left sides given with a value their identity does not give: kept as filed."""
    kept = {}
    for ident in IDENTITIES:
        given = values.get(ident.target)
        computed = ident.rhs(dict(values))
        if given is not None and computed is not None and given != computed:
            kept[ident.target] = (ident, computed)
    return kept


def _both(key: str, sep: str = "\n") -> str:
    en, zh = _WORDS[key]
    return sep.join(t for t in (zh, en) if t)


def _workbook(bank: str, date_text: str, values: Mapping[str, Any]) -> bytes:
    from openpyxl import Workbook

    kept = _kept(values)
    wb = Workbook()
    form = _Form(wb)
    form.ws.title = SHEET
    wb.properties.title = _both("title", " ")
    wb.properties.creator = "fxreport"
    for col, width in _WIDTHS.items():
        form.ws.column_dimensions[col].width = width
    _title(form.ws)
    _head(form, bank, date_text)
    _headings(form)
    amount_dv = _validations(form.ws)
    lines = form_lines()
    for line in lines:
        _line_labels(form, line)
        _amount_cell(form, line, values.get(line.field.name), kept.get(line.field.name), amount_dv)
    _merge_runs(form.ws, lines, _SECTION, lambda line: line.section)
    _merge_runs(form.ws, lines, _DETAIL, lambda line: (
        line.detail[0] and line.section[0] + line.detail[0], line.detail))
    last = lines[-1].row + 2
    _notes(form.ws, last)
    _protect_and_print(form.ws, last)
    wb.calculation.fullCalcOnLoad = True

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class _Form:
    """The sheet being written and its shared styles (openpyxl is imported by now)."""

    def __init__(self, wb: Any) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.wb, self.ws = wb, wb.active
        thin = Side(style="thin", color="A6A6A6")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.wrap = Alignment(wrap_text=True, vertical="center")
        self.grey = Font(color="595959", size=9)
        self.small = Font(color="7F7F7F", size=8)
        self.band = PatternFill("solid", fgColor="DDEBF7")
        self.head_fill = PatternFill("solid", fgColor="D9D9D9")
        self.unlocked = Protection(locked=False)

    def label(self, coord: str, text: str, **style: Any) -> None:
        """A bordered text cell (empty text: an empty cell), wrapped unless styled."""
        cell = self.ws[coord]
        cell.value = text or None
        cell.border = self.box
        cell.alignment = style.pop("alignment", self.wrap)
        for key, value in style.items():
            setattr(cell, key, value)

    def name_cells(self, row: int, name: str, place: str) -> None:
        """The field's name and its place in the file, beside its value."""
        from openpyxl.styles import Font

        self.label(f"{_NAME}{row}", name, font=Font(name="Consolas", color="595959", size=9))
        self.label(f"{_PLACE}{row}", place, font=self.small)

    def names(self, name: str, coord: str) -> None:
        """The defined name ``read_workbook`` finds the field's cell by."""
        from openpyxl.workbook.defined_name import DefinedName

        col, row = coord[0], coord[1:]
        xname = defined_name(name)
        self.wb.defined_names[xname] = DefinedName(xname, attr_text=f"'{SHEET}'!${col}${row}")


def _title(ws: Any) -> None:
    from openpyxl.styles import Alignment, Font

    for row, (text, size, colour) in enumerate(
            ((_WORDS["title"][1], 15, "000000"), (_WORDS["title"][0], 10, "595959")), start=1):
        ws.merge_cells(f"A{row}:G{row}")
        ws[f"A{row}"] = text
        ws[f"A{row}"].font = Font(bold=True, size=size, color=colour)
        ws[f"A{row}"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 24


def _head(form: _Form, bank: str, date_text: str) -> None:
    """Firm code and date at the top, as text cells; then the unit."""
    from openpyxl.styles import Alignment, Font

    ws = form.ws
    date_zh, date_en = (f"{_DATE.label_zh}（{_WORDS['date_form'][1]}）",
                        f"{_DATE.label_en} ({_WORDS['date_form'][0]})")
    for row, f, zh, en, value in ((3, _BANK, _BANK.label_zh, _BANK.label_en, bank),
                                  (4, _DATE, date_zh, date_en, date_text)):
        ws.merge_cells(f"{_SECTION}{row}:{_ITEM_ZH}{row}")
        form.label(f"{_SECTION}{row}", zh, font=Font(bold=True), fill=form.band)
        form.label(f"{_ITEM_EN}{row}", en, font=form.grey)
        cell = ws[f"{_VALUE}{row}"]
        cell.style = "Input"
        cell.value = value or None
        cell.number_format = "@"
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.protection = form.unlocked
        form.name_cells(row, f.name, f"{f.start}-{f.end}")
        form.names(f.name, f"{_VALUE}{row}")
        ws.row_dimensions[row].height = 30 if row == 4 else 18
    ws.merge_cells(f"A5:{_PLACE}5")
    ws["A5"] = _both("unit", " / ")
    ws["A5"].alignment = Alignment(horizontal="right", vertical="bottom")
    ws["A5"].font = Font(bold=True, size=9)


def _headings(form: _Form) -> None:
    from openpyxl.styles import Alignment, Font

    for col, key in ((_SECTION, "col_section"), (_DETAIL, "col_detail"),
                     (_ITEM_ZH, "col_item_zh"), (_ITEM_EN, "col_item_en"),
                     (_VALUE, "col_amount"), (_NAME, "col_field"), (_PLACE, "col_place")):
        form.label(f"{col}{_HEAD_ROW}", _both(key), font=Font(bold=True, size=9),
                   fill=form.head_fill,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
    form.ws.row_dimensions[_HEAD_ROW].height = 28


def _validations(ws: Any) -> Any:
    """Excel's own checks of what a clerk types; the amounts' one is returned to be
    given the input cells."""
    from openpyxl.worksheet.datavalidation import DataValidation

    amount_dv = DataValidation(
        type="whole", operator="between", formula1=str(-AMOUNT_MAX), formula2=str(AMOUNT_MAX),
        allow_blank=True, showErrorMessage=True, errorStyle="stop", showInputMessage=True,
        errorTitle=_both("error_title", " "), error=_both("error"),
        promptTitle=_both("prompt_title", " "), prompt=_both("prompt"))
    bank_dv = DataValidation(
        type="textLength", operator="equal", formula1="4", allow_blank=True,
        showErrorMessage=True, errorStyle="stop", showInputMessage=True,
        errorTitle=_BANK.label_zh, error=_both("bank_error"),
        promptTitle=_BANK.label_zh, prompt=_both("bank_prompt"))
    date_dv = DataValidation(allow_blank=True, showInputMessage=True,
                             promptTitle=_DATE.label_zh, prompt=_both("date_prompt"))
    for dv in (amount_dv, bank_dv, date_dv):
        ws.add_data_validation(dv)
    bank_dv.add(f"{_VALUE}3")
    date_dv.add(f"{_VALUE}4")
    return amount_dv


def _line_labels(form: _Form, line: Line) -> None:
    """A field's labels: its group and detail (merged later), or a line of its own."""
    from openpyxl.styles import Font

    ws, f, r = form.ws, line.field, line.row
    ws.row_dimensions[r].height = 19
    if line.section[0]:
        form.label(f"{_SECTION}{r}", "\n".join(line.section), font=Font(bold=True), fill=form.band)
        if line.detail[0]:
            form.label(f"{_DETAIL}{r}", "\n".join(line.detail))
            form.label(f"{_ITEM_ZH}{r}", line.item[0])
        else:
            ws.merge_cells(f"{_DETAIL}{r}:{_ITEM_ZH}{r}")
            form.label(f"{_DETAIL}{r}", line.item[0])
    else:  # a line of its own: a total or an adjustment
        ws.merge_cells(f"{_SECTION}{r}:{_ITEM_ZH}{r}")
        form.label(f"{_SECTION}{r}", line.item[0], font=Font(bold=f.name in _TARGETS))
    form.label(f"{_ITEM_EN}{r}", line.item[1], font=form.grey)
    if len(line.item[1]) > _WIDTHS[_ITEM_EN] + 2:
        ws.row_dimensions[r].height = 30
    form.name_cells(r, f.name, f"{f.row}:{f.start}-{f.end}")


def _amount_cell(form: _Form, line: Line, amount: Any, kept: tuple[Identity, int] | None,
                 amount_dv: Any) -> None:
    """A left side is its formula unless its filed value is kept; any other amount is an
    input cell, the only kind a clerk may change."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment

    f = line.field
    form.names(f.name, f"{_VALUE}{line.row}")
    cell = form.ws[f"{_VALUE}{line.row}"]
    if f.name in _TARGETS and kept is None:
        cell.style = "Calculation"
        cell.value = formula(_TARGETS[f.name])
    else:
        cell.style = "Input"
        cell.value = amount
        cell.protection = form.unlocked
        amount_dv.add(cell.coordinate)
        if kept is not None:
            cell.comment = _kept_comment(*kept, Comment)
    cell.number_format = _NUMBER
    cell.alignment = Alignment(vertical="center")


def _merge_runs(ws: Any, lines: tuple[Line, ...], col: str, key: Any) -> None:
    """Merge a column's cells over consecutive lines of the same group."""
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or key(lines[i]) != key(lines[start]) or not key(lines[start])[0]:
            if key(lines[start])[0] and i - start > 1:
                ws.merge_cells(f"{col}{lines[start].row}:{col}{lines[i - 1].row}")
            start = i


def _notes(ws: Any, last: int) -> None:
    from openpyxl.styles import Alignment, Font

    for i, key in enumerate(("note_inputs", "note_build")):
        row = last + i
        ws.merge_cells(f"A{row}:{_PLACE}{row}")
        ws[f"A{row}"] = _both(key)
        ws[f"A{row}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws[f"A{row}"].font = Font(size=9)
        ws.row_dimensions[row].height = 28


def _protect_and_print(ws: Any, last: int) -> None:
    """Only input cells change; the form prints on one A4 page."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.sheet_view.showGridLines = False
    ws.freeze_panes = f"A{_FIRST_ROW}"
    ws.print_area = f"A1:{_PLACE}{last + 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    for side in ("left", "right"):
        setattr(ws.page_margins, side, 0.4)
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _kept_comment(ident: Identity, computed: int, comment_type: Any) -> Any:
    params = {"formula": ident.formula(), "computed": computed, "code": ident.code,
              "expression": formula(ident)[1:]}
    severity = "severity_warning" if ident.inferred else "severity_error"
    zh = _WORDS["kept_value"][1].format(severity=_WORDS[severity][1], **params)
    en = _WORDS["kept_value"][0].format(severity=_WORDS[severity][0], **params)
    note = comment_type(f"{zh}\n\n{en}", "fxreport")
    note.width, note.height = 320, 190
    return note


# --- reading ------------------------------------------------------------------------------

class WorkbookInput(NamedTuple):
    """A workbook read as build input."""

    doc: dict[str, Any]  # {"bank", "date" (ROC text), "row1": {...}, "row2": ..., "row3": ...}
    where: dict[str, Where]  # "bank", "date", "row1.AB", ... -> Where(key="AB", cell="日報表!E8")
    derived: tuple[str, ...]  # left sides computed from the identities (no cached results)

    @property
    def uncalculated(self) -> bool:
        """True when formula results were missing and have been computed by fxreport."""
        return bool(self.derived)


class _Cell(NamedTuple):
    where: Where
    value: Any  # the cell's value, or its formula's cached result (None if none)
    formula: str | None  # the formula text when the cell holds one
    error: bool  # an Excel error value (#NAME?, #REF!, ...)


def read_workbook(data: bytes) -> WorkbookInput:
    """Build input from a workbook's named cells; every problem raised at once."""
    formulas, values = _open(data)
    problems: list[InputProblem] = []
    cells = _cells(formulas, values, problems)
    doc: dict[str, Any] = {}
    where: dict[str, Where] = {}
    for key, name, read in (("bank", "BANK", _bank), ("date", "DATE", _date)):
        if name in cells:
            where[key] = cells[name].where
            doc[key] = read(cells[name], problems)
    flat, pending = _amounts(cells, where, problems)
    if problems:
        raise InputError(problems)
    derived = _derive(pending, flat, cells, problems)
    if problems:
        raise InputError(problems)
    rows: dict[str, dict[str, int]] = {"row1": {}, "row2": {}, "row3": {}}
    for f in _AMOUNT_FIELDS:
        rows[f"row{f.row}"][f.name] = flat[f.name]
    doc.update(rows)
    return WorkbookInput(doc, where, tuple(derived))


def _cells(formulas: Any, values: Any, problems: list[InputProblem]) -> dict[str, _Cell]:
    """Every field's named cell; two names on one cell would give one value twice."""
    cells: dict[str, _Cell] = {}
    taken: dict[str, str] = {}
    for f in (_BANK, _DATE, *_AMOUNT_FIELDS):
        cell = _locate(formulas, values, f.name, problems)
        if cell is None:
            continue
        spot = cell.where.cell or ""
        if spot in taken:
            problems.append(InputProblem(cell.where, "xlsx_name_shared",
                                         name=defined_name(f.name), other=taken[spot]))
            continue
        taken[spot] = defined_name(f.name)
        cells[f.name] = cell
    return cells


def _amounts(cells: Mapping[str, _Cell], where: dict[str, Where],
             problems: list[InputProblem]) -> tuple[dict[str, int], list[str]]:
    """The amounts read, and the left sides whose formulas have no result yet."""
    flat: dict[str, int] = {}
    pending: list[str] = []
    for f in _AMOUNT_FIELDS:
        cell = cells.get(f.name)
        if cell is None:
            continue
        where[f"row{f.row}.{f.name}"] = cell.where
        if cell.formula is not None and cell.value is None and not cell.error:
            if f.name in _TARGETS:
                pending.append(f.name)
            else:
                problems.append(InputProblem(cell.where, "xlsx_formula_uncalculated",
                                             formula=cell.formula))
            continue
        amount = _amount(cell, problems)
        if amount is not None:
            flat[f.name] = amount
    return flat, pending


def _derive(pending: list[str], flat: dict[str, int], cells: Mapping[str, _Cell],
            problems: list[InputProblem]) -> list[str]:
    """Left sides without a cached result, computed into ``flat`` as ``--derive`` does."""
    derived = []
    for ident in derivation_order():
        if ident.target in pending:
            value = ident.rhs(flat)
            assert value is not None  # every input is read, or derived before
            if abs(value) > AMOUNT_MAX:
                problems.append(InputProblem(cells[ident.target].where, "xlsx_derived_range",
                                             formula=ident.formula(), value=value))
            flat[ident.target] = value
            derived.append(ident.target)
    return derived


def _open(data: bytes) -> tuple[Any, Any]:
    """The workbook twice: with its formulas, and with their cached results."""
    whole = Where()
    if data.startswith(OLE_MAGIC):
        # An encrypted OOXML package is an OLE file with these streams; else it is .xls.
        encrypted = any(s.encode("utf-16-le") in data
                        for s in ("EncryptionInfo", "EncryptedPackage"))
        raise InputError([InputProblem(whole, "xlsx_encrypted" if encrypted else "xlsx_old_format")])
    if not data.startswith(ZIP_MAGIC):
        raise InputError([InputProblem(whole, "xlsx_not_workbook")])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            unpacked = sum(m.file_size for m in members)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise InputError([InputProblem(whole, "xlsx_corrupt")]) from None
    if "[Content_Types].xml" not in names or not any(
            n.startswith("xl/workbook") for n in names):
        raise InputError([InputProblem(whole, "xlsx_not_workbook")])
    if unpacked > UNPACKED_LIMIT:
        raise InputError([InputProblem(whole, "xlsx_too_large", limit=UNPACKED_LIMIT)])

    from openpyxl import load_workbook

    books = []
    for data_only in (False, True):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                books.append(load_workbook(io.BytesIO(data), data_only=data_only,
                                           keep_links=False))
        except Exception:  # noqa: BLE001 - any failure to parse is a damaged workbook
            raise InputError([InputProblem(whole, "xlsx_corrupt")]) from None
    return books[0], books[1]


def _locate(formulas: Any, values: Any, name: str, problems: list[InputProblem]) -> _Cell | None:
    """The cell a field's defined name refers to (workbook scope, else a sheet's)."""
    xname = defined_name(name)
    dn = _defined(formulas, xname)
    if dn is None:
        problems.append(InputProblem(Where(key=name), "xlsx_name_missing", name=xname))
        return None
    spot = _one_cell(dn, formulas.sheetnames)
    if spot is None:
        problems.append(InputProblem(Where(key=name), "xlsx_name_not_cell", name=xname,
                                     target=value_text(str(dn.attr_text or ""))))
        return None
    sheet, coord = spot
    cached = values[sheet][coord]
    return _Cell(Where(key=name, cell=f"{sheet}!{coord}"), cached.value,
                 _formula_text(formulas[sheet][coord]), cached.data_type == "e")


def _defined(formulas: Any, xname: str) -> Any:
    """The defined name in workbook scope, else in the first sheet that has it, or None."""
    dn = formulas.defined_names.get(xname)
    if dn is not None:
        return dn
    for ws in formulas.worksheets:
        dn = ws.defined_names.get(xname)
        if dn is not None:
            return dn
    return None


def _one_cell(dn: Any, sheets: list[str]) -> tuple[str, str] | None:
    """(sheet, ``E8``) when a name refers to one cell of a sheet here, else None:
    a range, a constant, another workbook or a reference openpyxl cannot parse."""
    try:
        dests = list(dn.destinations) if dn.type == "RANGE" else []
    except Exception:  # noqa: BLE001 - a reference openpyxl cannot parse
        dests = []
    if len(dests) != 1:
        return None
    sheet, coord = dests[0][0], dests[0][1].replace("$", "")
    if (not coord or ":" in coord or sheet not in sheets
            or not re.fullmatch(r"[A-Z]{1,3}[0-9]{1,7}", coord)):
        return None
    return sheet, coord


def _formula_text(raw: Any) -> str | None:
    """A formula cell's formula as ``=...`` (an array formula's text too), else None."""
    if raw.data_type != "f":
        return None
    text = raw.value if isinstance(raw.value, str) else getattr(raw.value, "text", "")
    return "=" + str(text).lstrip("=")


_Words = tuple[str, dict[str, Any]]  # a key of words.INPUT and its parameters


def _amount(cell: _Cell, problems: list[InputProblem]) -> int | None:
    number = _number(cell)
    if isinstance(number, int) and abs(number) > AMOUNT_MAX:
        number = ("xlsx_range", {"value": number})
    if isinstance(number, int):
        return int(number)
    key, params = number
    problems.append(InputProblem(cell.where, key, **params))
    return None


def _number(cell: _Cell) -> int | _Words:
    """A cell's whole number, or why it is none (Excel's true and dates are numbers too)."""
    v = cell.value
    if cell.error:
        return ("xlsx_formula_error", {"value": str(v)})
    if _empty(v):
        return ("xlsx_empty", {})
    if isinstance(v, bool):
        return ("xlsx_bool", {"value": "TRUE" if v else "FALSE"})
    if isinstance(v, (_dt.date, _dt.time, _dt.timedelta)):
        return ("xlsx_date_in_amount", _when(v))
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if not math.isfinite(v) or not v.is_integer():
            return ("xlsx_fraction", {"value": value_text(v)})
        return int(v)
    return ("xlsx_text", {"value": value_text(v if isinstance(v, str) else str(v))})


def _empty(v: Any) -> bool:
    """No value, or only spaces: a cell the clerk left blank."""
    return v is None or (isinstance(v, str) and not v.strip())


def _when(v: Any) -> dict[str, str]:
    """A date or time for a message: ISO in English, ROC in Chinese where it has one."""
    if isinstance(v, _dt.datetime) and v.time() == _dt.time(0):
        v = v.date()
    iso = v.isoformat() if hasattr(v, "isoformat") else str(v)
    if isinstance(v, _dt.date) and not isinstance(v, _dt.datetime) and 1912 <= v.year <= 2910:
        return {"iso": iso, "roc": roc_text(v)}
    return {"iso": iso, "roc": iso}


def _bank(cell: _Cell, problems: list[InputProblem]) -> str | None:
    v = cell.value
    if isinstance(v, int) and not isinstance(v, bool) and 1000 <= v <= 9999:
        v = str(v)
    if _empty(v):
        problems.append(InputProblem(cell.where, "xlsx_bank_empty"))
        return None
    code = unicodedata.normalize("NFKC", v).strip() if isinstance(v, str) else ""
    if cell.error or not re.fullmatch(r"[A-Z0-9]{4}", code):
        problems.append(InputProblem(cell.where, "xlsx_bank", value=value_text(
            v if isinstance(v, (str, int, float)) and not isinstance(v, bool) else str(v))))
        return None
    return code


_ROC_TEXT = re.compile(r"([0-9]{1,3})/([0-9]{1,2})/([0-9]{1,2})")
_GREGORIAN_TEXT = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})")


def _date(cell: _Cell, problems: list[InputProblem]) -> str | None:
    """ROC text (``105/12/12``, ``105/1/2``), Gregorian text (``2016-12-12``) or a date.

    Full-width characters typed with a Chinese input method (``１０５／１２／１２``)
    are read as their ASCII forms.
    """
    v = cell.value
    if _empty(v):
        problems.append(InputProblem(cell.where, "xlsx_date_empty"))
        return None
    day = _day(v, cell.error)
    if day is None:
        shown = v.isoformat() if isinstance(v, (_dt.datetime, _dt.date)) else v
        problems.append(InputProblem(cell.where, "xlsx_date", value=value_text(
            shown if isinstance(shown, (str, int, float)) else str(shown))))
        return None
    if not 1912 <= day.year <= 2910:
        problems.append(InputProblem(cell.where, "xlsx_date_range", value=day.isoformat()))
        return None
    return roc_text(day)


def _day(v: Any, error: bool) -> _dt.date | None:
    """The day a cell holds: a date, a date-time at midnight, or a date's text."""
    if isinstance(v, _dt.datetime):
        return v.date() if v.time() == _dt.time(0) else None
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str) and not error:
        return _day_of_text(v)
    return None


def _day_of_text(v: str) -> _dt.date | None:
    text = unicodedata.normalize("NFKC", v).strip()  # full-width digits as typed
    m = _ROC_TEXT.fullmatch(text)
    g = _GREGORIAN_TEXT.fullmatch(text)
    try:
        if m and int(m.group(1)) > 0:
            return _dt.date(int(m.group(1)) + 1911, int(m.group(2)), int(m.group(3)))
        if g:
            return _dt.date(int(g.group(1)), int(g.group(2)), int(g.group(3)))
    except ValueError:
        return None
    return None


# --- the format registry's entry points (``fxreport.formats.FORMATS["xlsx"]``) -------------

def read_input(data: bytes) -> Any:
    """A workbook as build input for the registry: its doc, cells and derived left sides."""
    from . import Input

    book = read_workbook(data)
    return Input(book.doc, dict(book.where), book.derived)


def write(report: Report, lang: str = "en") -> bytes:
    return report_workbook(report)
