"""The report form as an Excel workbook: written for clerks, read back by name.

One sheet, ``日報表``, laid out from the layout table: a line per field in the
annex's order, grouped by the bracketed prefixes of the annex's labels
(``[即期已交割部位]``, ``[即期未交割部位][前日餘額]``, ...), Chinese and English
side by side, the firm code and the ROC date at the top, the unit, and one A4
page when printed.  The form is today's annex's (``layout.FX_POSITION``, through the
module tables ``LAYOUT`` and ``ROWS``): a clerk's form is made for one layout.

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
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.fields import roc_text
from ..core.identities import IDENTITIES, PRIOR_DAY_FIELDS, Identity
from ..core.fields import AMOUNT, AMOUNT_MAX
from ..core.layout import LAYOUT, ROWS, Field
from ..core.words import SHEET as _WORDS

if TYPE_CHECKING:
    from ..core.model import Report

SHEET = "日報表"

_BANK, _DATE = ROWS[1][0], ROWS[1][1]
_TARGETS: dict[str, Identity] = {i.target: i for i in IDENTITIES}
_AMOUNT_FIELDS: tuple[Field, ...] = tuple(f for f in LAYOUT if f.type == AMOUNT and f.name)

# Columns of the form.
_SECTION, _DETAIL, _ITEM_ZH, _ITEM_EN, _VALUE, _NAME, _PLACE = "ABCDEFG"
_WIDTHS = {_SECTION: 21, _DETAIL: 17, _ITEM_ZH: 22, _ITEM_EN: 24, _VALUE: 15, _NAME: 11,
           _PLACE: 9}
_HEAD_ROW = 6
_FIRST_ROW = _HEAD_ROW + 1
# An amount's own format shows every digit, decimals included ("#,##0" would show 12.5 as
# 13); a conditional format adds the thousands separator where a value is whole, and marks
# one that is not.  A program that ignores conditional formats still shows what is there.
_NUMBER = "General"
_WHOLE = "#,##0"


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


# --- writing ------------------------------------------------------------------------------

def report_workbook(report: Report) -> bytes:
    """A report as the form (``show --format xlsx``); it builds back to the same bytes."""
    return _workbook(report.bank, roc_text(report.date), report.amounts())


def roll_workbook(doc: Mapping[str, Any]) -> bytes:
    """The form from build input such as ``making.roll_input`` gives (``roll --format xlsx``).

    Left sides that ``doc`` leaves out become formulas; amounts it leaves out
    stay empty for the clerk to fill in.
    """
    flat: dict[str, Any] = {}
    for key in ("row1", "row2", "row3"):
        part = doc.get(key)
        if isinstance(part, Mapping):
            flat.update(part)
    date = doc.get("date", "")
    date_text = roc_text(date) if isinstance(date, _dt.date) else str(date)
    return _workbook(str(doc.get("bank", "")), date_text, flat,
                     carried=frozenset(n for n in PRIOR_DAY_FIELDS if n in flat))


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


def _workbook(bank: str, date_text: str, values: Mapping[str, Any],
              carried: frozenset[str] = frozenset()) -> bytes:
    """The form; ``carried`` names the prior-day fields taken from yesterday's report,
    which are locked (a rolled form), since continuity (note 4) requires them as they are."""
    from openpyxl import Workbook  # lazy, heavy: openpyxl

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
        _amount_cell(form, line, values.get(line.field.name), kept.get(line.field.name), amount_dv,
                     line.field.name in carried)
    _merge_runs(form.ws, lines, _SECTION, lambda line: line.section)
    _merge_runs(form.ws, lines, _DETAIL, lambda line: (
        line.detail[0] and line.section[0] + line.detail[0], line.detail))
    _fractions_shown(form.ws, lines)
    last = lines[-1].row + 2
    _notes(form.ws, last, bool(carried))
    last = _sign_off(form, last + (3 if carried else 2))
    first = next(line for line in lines if line.field.name not in carried
                 and line.field.name not in _TARGETS)
    _protect_and_print(form.ws, last, f"{_VALUE}{first.row}")
    _instructions(wb)
    wb.active = 0
    wb.calculation.fullCalcOnLoad = True

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class _Form:
    """The sheet being written and its shared styles (openpyxl is imported by now)."""

    def __init__(self, wb: Any) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side  # lazy, heavy: openpyxl

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
        from openpyxl.styles import Font  # lazy, heavy: openpyxl

        self.label(f"{_NAME}{row}", name, font=Font(name="Consolas", color="595959", size=9))
        self.label(f"{_PLACE}{row}", place, font=self.small)

    def names(self, name: str, coord: str) -> None:
        """The defined name ``read_workbook`` finds the field's cell by."""
        from openpyxl.workbook.defined_name import DefinedName  # lazy, heavy: openpyxl

        col, row = coord[0], coord[1:]
        xname = defined_name(name)
        self.wb.defined_names[xname] = DefinedName(xname, attr_text=f"'{SHEET}'!${col}${row}")


def _title(ws: Any) -> None:
    from openpyxl.styles import Alignment, Font  # lazy, heavy: openpyxl

    for row, (text, size, colour) in enumerate(
            ((_WORDS["title"][1], 15, "000000"), (_WORDS["title"][0], 10, "595959")), start=1):
        ws.merge_cells(f"A{row}:G{row}")
        ws[f"A{row}"] = text
        ws[f"A{row}"].font = Font(bold=True, size=size, color=colour)
        ws[f"A{row}"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 24


def _head(form: _Form, bank: str, date_text: str) -> None:
    """Firm code and date at the top, as text cells; then the unit."""
    from openpyxl.styles import Alignment, Font  # lazy, heavy: openpyxl

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
    from openpyxl.styles import Alignment, Font  # lazy, heavy: openpyxl

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
    from openpyxl.worksheet.datavalidation import DataValidation  # lazy, heavy: openpyxl

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
    from openpyxl.styles import Font  # lazy, heavy: openpyxl

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
                 amount_dv: Any, carried: bool = False) -> None:
    """A left side is its formula unless its filed value is kept; a carried prior-day
    figure is locked; any other amount is an input cell, the only kind a clerk may change."""
    from openpyxl.comments import Comment  # lazy, heavy: openpyxl
    from openpyxl.styles import Alignment  # lazy, heavy: openpyxl

    f = line.field
    form.names(f.name, f"{_VALUE}{line.row}")
    cell = form.ws[f"{_VALUE}{line.row}"]
    if carried:
        cell.style = "Note"
        cell.value = amount
    elif f.name in _TARGETS and kept is None:
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


def _notes(ws: Any, last: int, carried: bool) -> None:
    from openpyxl.styles import Alignment, Font  # lazy, heavy: openpyxl

    keys = ("note_inputs", "note_build") + (("note_carried",) if carried else ())
    for i, key in enumerate(keys):
        row = last + i
        ws.merge_cells(f"A{row}:{_PLACE}{row}")
        ws[f"A{row}"] = _both(key)
        ws[f"A{row}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws[f"A{row}"].font = Font(size=9)
        ws.row_dimensions[row].height = 28


def _fractions_shown(ws: Any, lines: tuple[Line, ...]) -> None:
    """Whole amounts with thousands separators; one that is not whole keeps its decimals,
    in red on red (``#,##0`` alone would show 12.5 as 13): what the clerk sees is what
    ``build`` reads, and refuses."""
    from openpyxl.formatting.rule import Rule  # lazy, heavy: openpyxl
    from openpyxl.styles import Font, PatternFill  # lazy, heavy: openpyxl
    from openpyxl.styles.differential import DifferentialStyle  # lazy, heavy: openpyxl
    from openpyxl.styles.numbers import NumberFormat  # lazy, heavy: openpyxl

    top, bottom = f"{_VALUE}{lines[0].row}", f"{_VALUE}{lines[-1].row}"
    whole = DifferentialStyle(numFmt=NumberFormat(numFmtId=3, formatCode=_WHOLE))
    fraction = DifferentialStyle(font=Font(color="9C0006", bold=True),
                                 fill=PatternFill(bgColor="FFC7CE"))
    for formula_text, style in ((f"AND(ISNUMBER({top}),MOD({top},1)<>0)", fraction),
                                (f"AND(ISNUMBER({top}),MOD({top},1)=0)", whole)):
        ws.conditional_formatting.add(f"{top}:{bottom}", Rule(
            type="expression", dxf=style, formula=[formula_text], stopIfTrue=True))


def _sign_off(form: _Form, top: int) -> int:
    """The firm's name, who prepared, reviewed and approved the report and when, and a
    contact telephone: input cells inside the print area that ``build`` never reads.
    Returns the last row."""
    from openpyxl.styles import Alignment, Font  # lazy, heavy: openpyxl

    ws = form.ws
    bold = Font(bold=True, size=9)
    ws.merge_cells(f"A{top}:{_ITEM_ZH}{top}")
    form.label(f"A{top}", _both("firm_name", " "), font=bold, fill=form.band)
    ws.merge_cells(f"{_ITEM_EN}{top}:{_PLACE}{top}")
    _sign_cell(form, f"{_ITEM_EN}{top}", f"{_PLACE}{top}")
    head = top + 1
    for col, key in ((_SECTION, "sign_role"), (_DETAIL, "sign_prepared"), (_ITEM_ZH, "sign_reviewed"),
                     (_ITEM_EN, "sign_approved")):
        form.label(f"{col}{head}", _both(key), font=bold, fill=form.head_fill,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
    for i, key in enumerate(("sign_name", "sign_date")):
        row = head + 1 + i
        form.label(f"{_SECTION}{row}", _both(key, " "), font=bold)
        for col in (_DETAIL, _ITEM_ZH, _ITEM_EN):
            _sign_cell(form, f"{col}{row}")
        ws.row_dimensions[row].height = 30 if i == 0 else 20
    phone = head + 3
    ws.merge_cells(f"{_SECTION}{phone}:{_DETAIL}{phone}")
    form.label(f"{_SECTION}{phone}", _both("contact_phone", " "), font=bold)
    ws.merge_cells(f"{_ITEM_ZH}{phone}:{_ITEM_EN}{phone}")
    _sign_cell(form, f"{_ITEM_ZH}{phone}", f"{_ITEM_EN}{phone}")
    return phone


def _sign_cell(form: _Form, coord: str, last: str | None = None) -> None:
    """An input cell for text (a name, a date, a number to call), unlocked."""
    cell = form.ws[coord]
    cell.style = "Input"
    cell.number_format = "@"
    cell.protection = form.unlocked
    if last:  # the merged cells' borders
        form.ws[last].border = form.box


def _instructions(wb: Any) -> None:
    """The 說明 sheet: the annex's notes that a clerk needs, in both languages."""
    from openpyxl.styles import Alignment, Font  # lazy, heavy: openpyxl

    ws = wb.create_sheet(_WORDS["instructions"][1])
    ws.sheet_view.showGridLines = False
    ws.column_dimensions["A"].width = 4
    ws.column_dimensions["B"].width = 58
    ws.column_dimensions["C"].width = 58
    ws["B1"] = _WORDS["instructions_title"][1]
    ws["C1"] = _WORDS["instructions_title"][0]
    for cell in (ws["B1"], ws["C1"]):
        cell.font = Font(bold=True, size=13)
    for i, key in enumerate(_INSTRUCTIONS, start=1):
        row = i + 2
        en, zh = _WORDS[key]
        ws[f"A{row}"] = i
        ws[f"B{row}"] = zh
        ws[f"C{row}"] = en
        for col in "ABC":
            ws[f"{col}{row}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 15 * max(2, len(en) // 60 + 1)
    ws.protection.sheet = True
    ws.print_area = f"A1:C{len(_INSTRUCTIONS) + 2}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


_INSTRUCTIONS = ("help_units", "help_sign", "help_corrections", "help_naming", "help_cells",
                 "help_carried", "help_build", "help_signoff")


def _protect_and_print(ws: Any, last: int, first_input: str) -> None:
    """Only input cells change, and only they can be selected (the Tab key steps through
    them), the first to type in active on opening; the form prints on one A4 page, with
    the print date and the page in the footer."""
    ws.protection.sheet = True
    ws.protection.selectLockedCells = True  # locked cells cannot be selected
    ws.protection.selectUnlockedCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.sheet_view.showGridLines = False
    ws.freeze_panes = f"A{_FIRST_ROW}"
    for selection in ws.sheet_view.selection:
        selection.activeCell = first_input
        selection.sqref = first_input
    ws.print_area = f"A1:{_PLACE}{last}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    for side in ("left", "right"):
        setattr(ws.page_margins, side, 0.4)
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.left.text = _WORDS["footer_printed"][1] + " &D &T"
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = _WORDS["footer_page"][1]
    ws.oddFooter.right.size = 8


def _kept_comment(ident: Identity, computed: int, comment_type: Any) -> Any:
    params = {"formula": ident.formula(), "computed": computed, "code": ident.code,
              "expression": formula(ident)[1:]}
    severity = "severity_warning" if ident.inferred else "severity_error"
    zh = _WORDS["kept_value"][1].format(severity=_WORDS[severity][1], **params)
    en = _WORDS["kept_value"][0].format(severity=_WORDS[severity][0], **params)
    note = comment_type(f"{zh}\n\n{en}", "fxreport")
    note.width, note.height = 320, 190
    return note


# --- the format registry's entry points (``fxreport.formats.FORMATS["xlsx"]``) -------------

def write(report: Report, lang: str = "en") -> bytes:
    return report_workbook(report)
