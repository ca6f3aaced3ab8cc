"""Reading the report form back from a workbook: by name, at bounded cost, checked for integrity.

What is filed must be what the form shows.  So the reader:

- finds every field by its workbook-scoped defined name (``AB``, ``Adj_1``), and
  refuses a name that points to a hidden sheet, to another sheet than the other
  names, to another column than the form's amounts, or to a row that does not
  carry the field's name (a renamed sheet is fine: the names follow it);
- refuses a value that comes from another file (an external link's cached
  result) and warns about one computed from another sheet, naming the source;
- reports a fraction once, at the input cell the clerk typed it into (the
  formulas that use it are not blamed), and a formula overwritten by a number
  with the formula to restore.

Cost is bounded before anything is unpacked: each part that is read (the
workbook and its names, the shared strings, the styles and other small parts,
the form's sheet) has a cap on its unpacked size, checked in the zip directory
and again while it is unpacked (the directory may lie); other sheets are never
unpacked.  The workbook is opened once, in openpyxl's read-only mode, and only
the form's sheet is parsed, up to the last row a name points to.

The names read are today's annex's (``layout.FX_POSITION``, through the module tables
``LAYOUT`` and ``ROWS``), those ``xlsx.py`` writes.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..core.fields import (
    CODE,
    FieldFormatError,
    parse_any_date,
    roc_text,
    roc_year_fits,
)
from ..core.identities import IDENTITIES, Identity, derivation_order
from ..core.fields import AMOUNT, AMOUNT_MAX
from ..core.layout import LAYOUT, ROWS, Field
from ..core.problems import InputError, InputProblem, Where
from ..core.words import value_text
from . import Input
from .sniff import OLE_MAGIC, ZIP_MAGIC, is_ods
from .xlsx import defined_name, formula

# Caps on the unpacked size of each part that is read.  The form fxreport writes
# unpacks to about 60 KB in all; LibreOffice's and Excel's saves of it stay far below.
NAMES_LIMIT = 512 * 1024  # the workbook part: sheets and defined names (~6,000 names)
SHEET_LIMIT = 1024 * 1024  # the form's sheet (LibreOffice and Excel save it in under 100 KB)
STRINGS_LIMIT = 4 * 1024 * 1024  # the shared strings of every sheet (a detail sheet's too)
PART_LIMIT = 2 * 1024 * 1024  # any other part openpyxl reads (styles, theme, properties, rels)
# Parts openpyxl's read-only mode never unpacks: other sheets and what hangs off them.
_NOT_READ = re.compile(r"xl/(worksheets|chartsheets|drawings|charts|media|externalLinks|"
                       r"printerSettings|pivotTables|pivotCache|comments|threadedComments|"
                       r"persons|tables|queryTables|ctrlProps|activeX|embeddings|customData|"
                       r"richData|slicers|slicerCaches|timelines|timelineCaches|diagrams)/"
                       r"|xl/vbaProject\.bin$|xl/comments[0-9]*\.xml$|customXml/|docProps/thumbnail",
                       re.IGNORECASE)

_BANK, _DATE = ROWS[1][0], ROWS[1][1]
_TARGETS: dict[str, Identity] = {i.target: i for i in IDENTITIES}
_AMOUNT_FIELDS: tuple[Field, ...] = tuple(f for f in LAYOUT if f.type == AMOUNT and f.name)
_FIELDS: tuple[Field, ...] = (_BANK, _DATE, *_AMOUNT_FIELDS)
_COORD = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")
# A reference to another workbook in a formula: [1]Sheet!A1 or '[book.xlsx]Sheet'!A1.
_EXTERNAL = re.compile(r"\[([^\]]+)\]")
# A reference to a sheet: Sheet!A1 or 'My sheet'!A1.
_SHEET_REF = re.compile(r"(?:'((?:[^']|'')+)'|([^\s'!=+\-*/^&(),;:<>\"]+))!")


class WorkbookInput(NamedTuple):
    """A workbook read as build input."""

    doc: dict[str, Any]  # {"bank", "date" (ROC text), "row1": {...}, "row2": ..., "row3": ...}
    where: dict[str, Where]  # "bank", "date", "row1.AB", ... -> Where(key="AB", cell="日報表!E8")
    derived: tuple[str, ...]  # left sides computed from the identities (no cached results)
    warnings: tuple[InputProblem, ...] = ()  # what the clerk should know, not a refusal

    @property
    def uncalculated(self) -> bool:
        """True when formula results were missing and have been computed by fxreport."""
        return bool(self.derived)


class _Cell(NamedTuple):
    where: Where
    value: Any  # the cell's value, or its formula's cached result (None if none)
    formula: str | None  # the formula text when the cell holds one
    error: bool  # an Excel error value (#NAME?, #REF!, ...)
    locked: bool = True  # protected when the sheet is (the form's formulas are)


class _Name(NamedTuple):
    field: Field
    sheet: str
    column: str
    row: int

    @property
    def cell(self) -> str:
        return f"{self.sheet}!{self.column}{self.row}"


def _whole() -> Where:
    return Where()


def _refuse(key: str, **params: Any) -> InputError:
    return InputError([InputProblem(_whole(), key, **params)])


# --- the package: what it is, and what it costs ----------------------------------------------

def _archive(data: bytes) -> zipfile.ZipFile:
    """The zip package, once it is known to be a workbook whose read parts fit their caps."""
    _refuse_other_kinds(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = {m.filename for m in archive.infolist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _refuse("xlsx_corrupt") from None
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise _refuse("xlsx_not_workbook")
    for info in archive.infolist():
        cap = _cap(info.filename)
        if cap is not None and info.file_size > cap:
            raise _refuse("xlsx_part_too_large", part=_part_words(info.filename),
                          size=info.file_size, limit=cap)
    return archive


def _refuse_other_kinds(data: bytes) -> None:
    """Refuse what is not a zip package of a workbook: an encrypted package, an .xls,
    an OpenDocument sheet, anything else."""
    if data.startswith(OLE_MAGIC):
        # An encrypted OOXML package is an OLE file with these streams; else it is .xls.
        encrypted = any(s.encode("utf-16-le") in data
                        for s in ("EncryptionInfo", "EncryptedPackage"))
        raise _refuse("xlsx_encrypted" if encrypted else "xlsx_old_format")
    if not data.startswith(ZIP_MAGIC):
        raise _refuse("xlsx_not_workbook")
    if is_ods(data):
        raise _refuse("xlsx_ods")


def _cap(part: str) -> int | None:
    """The cap on a part's unpacked size, or None for a part that is never unpacked."""
    if _NOT_READ.match(part) or part.endswith("/"):
        return None
    lower = part.lower()
    if lower.startswith("xl/workbook") and lower.endswith(".xml"):
        return NAMES_LIMIT
    if lower.startswith("xl/sharedstrings"):
        return STRINGS_LIMIT
    return PART_LIMIT


def _part_words(part: str) -> str:
    return value_text(part)


def _unpacks_within(archive: zipfile.ZipFile, part: str, cap: int) -> None:
    """Unpack a part without keeping it, to prove the directory told its size (a zip
    bomb lies there); raises ``InputError`` past the cap, or on a damaged part."""
    total = 0
    try:
        with archive.open(part) as stream:
            while True:
                chunk = stream.read(64 * 1024)
                if not chunk:
                    return
                total += len(chunk)
                if total > cap:
                    raise _refuse("xlsx_part_too_large", part=_part_words(part), size=total,
                                  limit=cap)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise _refuse("xlsx_corrupt") from None


def _open(data: bytes) -> Any:
    """The workbook in openpyxl's read-only mode (its sheets not yet parsed)."""
    archive = _archive(data)
    for info in archive.infolist():
        cap = _cap(info.filename)
        if cap is not None:
            _unpacks_within(archive, info.filename, cap)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _reader_type()(io.BytesIO(data), read_only=True, keep_vba=False,
                                    data_only=True, keep_links=False)
            reader.read()
            return reader.wb
    except Exception:
        raise _refuse("xlsx_corrupt") from None


def _reader_type() -> Any:
    """openpyxl's read-only reader, told not to open any sheet while loading (it reads
    each sheet's head for its size, and all of a sheet without one, and each sheet's
    relationships): only the form's sheet is ever unpacked, later."""
    from openpyxl.reader.excel import ExcelReader  # lazy, heavy: openpyxl
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # lazy, heavy: openpyxl

    class Sheet(ReadOnlyWorksheet):  # type: ignore[misc]  # openpyxl has no type hints (Any)
        def _get_size(self) -> None:
            return None

    class Reader(ExcelReader):  # type: ignore[misc]  # openpyxl has no type hints (Any)
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                    ws = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                    ws.sheet_state = sheet.state
                    self.wb._sheets.append(ws)

    return Reader


# --- names --------------------------------------------------------------------------------

def _names(book: Any, problems: list[InputProblem]) -> dict[str, _Name]:
    """Where each field's defined name points, when it points to one cell of a sheet here."""
    found: dict[str, _Name] = {}
    for f in _FIELDS:
        xname = defined_name(f.name)
        dn = _defined(book, xname)
        if dn is None:
            problems.append(InputProblem(Where(key=f.name), "xlsx_name_missing", name=xname))
            continue
        spot = _one_cell(dn, book.sheetnames)
        if spot is None:
            text = str(dn.attr_text or "")
            external = _EXTERNAL.search(text)
            key = "xlsx_name_external" if external else "xlsx_name_not_cell"
            problems.append(InputProblem(Where(key=f.name), key, name=xname,
                                         target=value_text(text)))
            continue
        m = _COORD.fullmatch(spot[1])
        assert m is not None
        found[f.name] = _Name(f, spot[0], m.group(1), int(m.group(2)))
    return found


def _defined(book: Any, xname: str) -> Any:
    """The defined name in workbook scope, else in the first sheet that has it, or None."""
    dn = book.defined_names.get(xname)
    if dn is not None:
        return dn
    for ws in book.worksheets:
        dn = getattr(ws, "defined_names", {}).get(xname)
        if dn is not None:
            return dn
    return None


def _one_cell(dn: Any, sheets: list[str]) -> tuple[str, str] | None:
    """(sheet, ``E8``) when a name refers to one cell of a sheet here, else None:
    a range, a constant, another workbook or a reference openpyxl cannot parse."""
    try:
        dests = list(dn.destinations) if dn.type == "RANGE" else []
    except Exception:
        dests = []
    if len(dests) != 1:
        return None
    sheet, coord = dests[0][0], dests[0][1].replace("$", "")
    if not coord or ":" in coord or sheet not in sheets or not _COORD.fullmatch(coord):
        return None
    return sheet, coord


def _form_sheet(names: Mapping[str, _Name]) -> tuple[str, str] | None:
    """The form's sheet and amount column: where most names point."""
    if not names:
        return None
    sheet = Counter(n.sheet for n in names.values()).most_common(1)[0][0]
    column = Counter(n.column for n in names.values() if n.sheet == sheet).most_common(1)[0][0]
    return sheet, column


def _astray(names: dict[str, _Name], sheet: str, column: str,
            problems: list[InputProblem]) -> None:
    """Refuse (and drop) names that point off the form: another sheet or another column."""
    for field_name, n in list(names.items()):
        if n.sheet != sheet or n.column != column:
            problems.append(InputProblem(Where(key=field_name, cell=n.cell), "xlsx_name_astray",
                                         name=defined_name(field_name), target=n.cell,
                                         form=f"{sheet}!{column}"))
            del names[field_name]


# --- the form's sheet -----------------------------------------------------------------------

class _Sheet(NamedTuple):
    cells: dict[tuple[int, int], dict[str, Any]]  # (row, column) -> openpyxl's cell dict
    hidden: set[tuple[str, int]]  # ("row", 8) or ("column", 5): hidden on the form


def _sheet_cells(book: Any, sheet: str, rows: set[int], columns: set[int]) -> _Sheet:
    """The cells of the given rows and columns of one sheet: value (cached result),
    formula, type.  The sheet is parsed once, streaming, up to the last row asked for;
    other rows and columns are skipped unread (a row of 200,000 styled cells costs
    what the XML parser takes, not openpyxl's work per cell)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser  # lazy, heavy: openpyxl

    class _Both(WorkSheetParser):  # type: ignore[misc]  # openpyxl has no type hints (Any)
        """Each wanted cell's cached value (data-only) and its formula, in one pass."""

        row_counter: int
        col_counter: int
        data_only: bool

        def parse_column_dimensions(self, col: Any) -> None:
            if col.get("hidden") in ("1", "true"):
                low, high = int(col.get("min", 0)), int(col.get("max", 0))
                hidden.update(("column", c) for c in columns if low <= c <= high)

        def parse_row(self, row: Any) -> Any:
            number = row.get("r")
            self.row_counter = int(float(number)) if number else self.row_counter + 1
            self.col_counter = 0
            if self.row_counter in rows and row.get("hidden") in ("1", "true"):
                hidden.add(("row", self.row_counter))
            if self.row_counter not in rows:
                return self.row_counter, []
            cells = []
            for element in row:
                coord = element.get("r")
                m = _COORD.fullmatch(coord) if coord else None
                column = _column_number(m.group(1)) if m else self.col_counter + 1
                if column in columns:
                    cells.append(self.parse_cell(element))
                self.col_counter = column
            return self.row_counter, cells

        def parse_cell(self, element: Any) -> Any:
            cell = super().parse_cell(element)
            if element.find(FORMULA_TAG) is not None:
                self.data_only = False
                try:
                    cell["formula"] = self.parse_formula(element)
                finally:
                    self.data_only = True
            return cell

    ws = book[sheet]
    last = max(rows)
    out: dict[tuple[int, int], dict[str, Any]] = {}
    hidden: set[tuple[str, int]] = set()
    try:
        with ws._get_source() as source:
            parser = _Both(source, ws._shared_strings, True, book.epoch, book._date_formats,
                           book._timedelta_formats)
            for index, cells in parser.parse():
                for c in cells:
                    out[(c["row"], c["column"])] = c
                if index >= last:
                    break
    except Exception:
        raise _refuse("xlsx_corrupt") from None
    return _Sheet(out, hidden)


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _row_carries(cells: Mapping[tuple[int, int], dict[str, Any]], n: _Name) -> bool:
    """Whether the named cell's row shows the field's name in the form's field column,
    the one right of the amounts (as every version of the form has it): a name moved
    to another field's row does not."""
    label = cells.get((n.row, _column_number(n.column) + 1), {}).get("value")
    return isinstance(label, str) and label.strip() in (n.field.name, defined_name(n.field.name))


def _formula_text(raw: Any) -> str:
    text = raw if isinstance(raw, str) else getattr(raw, "text", "")
    return "=" + str(text or "").lstrip("=")


def _cells(book: Any, problems: list[InputProblem],
           notes: list[InputProblem]) -> dict[str, _Cell]:
    """Every field's cell on the form, once its name is known to point where the form
    shows the field."""
    names = _names(book, problems)
    form = _form_sheet(names)
    if form is None:
        return {}
    sheet, column = form
    state = getattr(book[sheet], "sheet_state", "visible")
    if state != "visible":
        problems.append(InputProblem(_whole(), "xlsx_sheet_hidden", sheet=value_text(sheet)))
        return {}
    _astray(names, sheet, column, problems)
    _sheet_fits(book, sheet)
    value_column = _column_number(column)
    form_sheet = (_sheet_cells(book, sheet, {n.row for n in names.values()},
                               {value_column, value_column + 1}) if names else _Sheet({}, set()))
    out: dict[str, _Cell] = {}
    taken: dict[int, str] = {}
    for field_name, n in names.items():
        where = Where(key=field_name, cell=n.cell)
        problem = _misplaced(field_name, n, where, taken, form_sheet, value_column)
        if problem is not None:
            problems.append(problem)
            continue
        raw = form_sheet.cells.get((n.row, _column_number(n.column)), {})
        text = _formula_text(raw["formula"]) if "formula" in raw else None
        cell = _Cell(where, raw.get("value"), text, raw.get("data_type") == "e",
                     _locked(book, raw.get("style_id", 0)))
        if text is not None and _sourced(book, sheet, cell, problems, notes):
            continue
        out[field_name] = cell
    return out


def _misplaced(field_name: str, n: _Name, where: Where, taken: dict[int, str],
               form_sheet: _Sheet, value_column: int) -> InputProblem | None:
    """Why a field's named cell cannot be read where it is: a row another name took
    (``taken``, which this name then takes), a hidden row or column, a row whose label
    is another field's; None when it can."""
    if n.row in taken:
        return InputProblem(where, "xlsx_name_shared", name=defined_name(field_name),
                            other=taken[n.row])
    taken[n.row] = defined_name(field_name)
    if ("row", n.row) in form_sheet.hidden or ("column", value_column) in form_sheet.hidden:
        return InputProblem(where, "xlsx_cell_hidden", name=defined_name(field_name),
                            target=n.cell)
    if not _row_carries(form_sheet.cells, n):
        return InputProblem(where, "xlsx_name_wrong_row", name=defined_name(field_name),
                            target=n.cell, field=field_name)
    return None


def _locked(book: Any, style_id: Any) -> bool:
    """Whether a cell's style locks it (the default, as in Excel)."""
    try:
        style = book._cell_styles[int(style_id or 0)]
        return bool(book._protections[style.protectionId].locked is not False)
    except (IndexError, AttributeError, TypeError, ValueError):
        return True


def _sheet_fits(book: Any, sheet: str) -> None:
    path = book[sheet]._worksheet_path
    size = book._archive.getinfo(path).file_size
    if size > SHEET_LIMIT:
        raise _refuse("xlsx_part_too_large", part=value_text(sheet), size=size, limit=SHEET_LIMIT)
    _unpacks_within(book._archive, path, SHEET_LIMIT)


def _sourced(book: Any, sheet: str, cell: _Cell, problems: list[InputProblem],
             notes: list[InputProblem]) -> bool:
    """A formula's value from another file is refused (True); from another sheet, a
    warning names the sheets.  Names used in the formula count by where they point."""
    text = cell.formula or ""
    external = _EXTERNAL.search(text)
    if external:
        problems.append(InputProblem(cell.where, "xlsx_external", formula=text,
                                     source=value_text(_external_source(book, external.group(1)))))
        return True
    others = _sheets_of(text)
    for word in re.findall(r"[A-Za-z_\\][A-Za-z0-9_.\\]*", text):
        dn = book.defined_names.get(word)
        if dn is None or word in _FIELD_NAMES:
            continue
        target = str(dn.attr_text or "")
        if _EXTERNAL.search(target):
            problems.append(InputProblem(cell.where, "xlsx_external",
                                         formula=text, source=value_text(target)))
            return True
        others |= _sheets_of(target)
    others.discard(sheet)
    if others:
        notes.append(InputProblem(cell.where, "xlsx_other_sheet", formula=text,
                                  sheets="、".join(sorted(value_text(s) for s in others))))
    return False


def _sheets_of(formula: str) -> set[str]:
    """The sheets a formula (or a name's target) refers to by name."""
    return {(a or b).replace("''", "'") for a, b in _SHEET_REF.findall(formula)}


_FIELD_NAMES = frozenset(defined_name(f.name) for f in _FIELDS)


def _external_source(book: Any, index: str) -> str:
    """The file an external reference ``[1]`` stands for, as the workbook records it."""
    if not index.isdigit():
        return index
    rels = f"xl/externalLinks/_rels/externalLink{index}.xml.rels"
    try:
        info = book._archive.getinfo(rels)
        if info.file_size > PART_LIMIT:
            return f"[{index}]"
        m = re.search(rb'Target="([^"]*)"', book._archive.read(rels))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return f"[{index}]"
    return m.group(1).decode("utf-8", "replace") if m else f"[{index}]"


# --- the whole ------------------------------------------------------------------------------

def read_workbook(data: bytes) -> WorkbookInput:
    """Build input from a workbook's named cells; every problem raised at once."""
    book = _open(data)
    try:
        problems: list[InputProblem] = []
        notes: list[InputProblem] = []
        cells = _cells(book, problems, notes)
    finally:
        book.close()
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
    _overwritten(cells, flat, derived, problems)
    if problems:
        raise InputError(problems)
    rows: dict[str, dict[str, int]] = {"row1": {}, "row2": {}, "row3": {}}
    for f in _AMOUNT_FIELDS:
        rows[f"row{f.row}"][f.name] = flat[f.name]
    doc.update(rows)
    return WorkbookInput(doc, where, tuple(derived), tuple(notes))


def _amounts(cells: Mapping[str, _Cell], where: dict[str, Where],
             problems: list[InputProblem]) -> tuple[dict[str, int], list[str]]:
    """The amounts read, and the left sides whose formulas have no result yet.

    A formula's fraction is not reported when a typed cell already is: the formula
    only carries the typed fraction on, and one problem has one place."""
    flat: dict[str, int] = {}
    pending: list[str] = []
    carried: list[InputProblem] = []
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
        amount = _amount(cell)
        if isinstance(amount, int):
            flat[f.name] = amount
        elif cell.formula is not None and amount.key == "xlsx_fraction":
            carried.append(InputProblem(cell.where, "xlsx_formula_fraction",
                                        value=amount.params["value"],
                                        formula=cell.formula))
        else:
            problems.append(amount)
    if not any(p.key == "xlsx_fraction" for p in problems):
        problems.extend(carried)
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


def _overwritten(cells: Mapping[str, _Cell], flat: Mapping[str, int], derived: list[str],
                 problems: list[InputProblem]) -> None:
    """A left side typed over with a number that disagrees: the form's formula cell is
    locked, so its formula was overwritten; say which formula restores it.  (A filed
    value ``show`` keeps is in an unlocked input cell, with a comment: the check
    judges it, as in any input.)"""
    for ident in IDENTITIES:
        cell = cells.get(ident.target)
        if cell is None or cell.formula is not None or not cell.locked or ident.target in derived:
            continue
        computed = ident.rhs(dict(flat))
        given = flat.get(ident.target)
        if computed is not None and given is not None and computed != given:
            problems.append(InputProblem(cell.where, "xlsx_formula_overwritten", given=given,
                                         computed=computed, formula=ident.formula(),
                                         expression=formula(ident)))


def _amount(cell: _Cell) -> int | InputProblem:
    number = _number(cell)
    if isinstance(number, int) and abs(number) > AMOUNT_MAX:
        number = ("xlsx_range", {"value": number})
    if isinstance(number, int):
        return number
    key, params = number
    return InputProblem(cell.where, key, **params)


_Words = tuple[str, dict[str, Any]]  # a key of words.INPUT and its parameters


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
    if isinstance(v, _dt.date) and not isinstance(v, _dt.datetime) and roc_year_fits(v):
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
    if cell.error or not CODE.matches(code.encode("utf-8")):
        problems.append(InputProblem(cell.where, "xlsx_bank", value=value_text(
            v if isinstance(v, (str, int, float)) and not isinstance(v, bool) else str(v))))
        return None
    return code


def _date(cell: _Cell, problems: list[InputProblem]) -> str | None:
    """ROC text (``105/12/12``, ``105/1/2``), ISO text (``2016-12-12``) or a date.

    Full-width characters typed with a Chinese input method (``１０５／１２／１２``)
    are read as their ASCII forms; the text is parsed as every typed date is
    (``fields.parse_any_date``)."""
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
    if not roc_year_fits(day):
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
        try:
            return parse_any_date(unicodedata.normalize("NFKC", v))
        except FieldFormatError:
            return None
    return None


def read_input(data: bytes) -> Any:
    """A workbook as build input for the format registry."""
    book = read_workbook(data)
    return Input(book.doc, dict(book.where), book.derived, book.warnings)
