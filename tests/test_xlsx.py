"""The report form as a workbook: roll into it, fill it, build from it; refuse what it cannot hold."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from openpyxl import load_workbook
from openpyxl.workbook.defined_name import DefinedName

import fxreport
from fxreport.core.fields import parse_any_date
from fxreport.core.identities import CARRIED, IDENTITIES, PRIOR_DAY_FIELDS
from fxreport.core.fields import AMOUNT, AMOUNT_MAX
from fxreport.core.layout import LAYOUT
from fxreport.core.model import Report
from fxreport.core.problems import InputError, Where
from fxreport.formats.xlsx import SHEET, defined_name, form_lines, formula, report_workbook
from fxreport.formats.xlsx_reading import read_workbook
from reports import (BROKEN, DAY1, DAY2, INPUTS, README, Run, XLSX_DATA as DATA, any_reports, derive,
                     listing)

TARGETS = {i.target: i for i in IDENTITIES}
FIELDS = [f for f in LAYOUT if f.row == 1 and f.name in ("BANK", "DATE")] + [
    f for f in LAYOUT if f.type == AMOUNT and f.name]
ACTIVITY = {"AB": 1800, "AS": 950, "ABT": -200, "A_UNC1": 40, "A_UNS2": 15, "Adj-2": 3,
            "A_FC1": 300, "A_FS3": 25, "A_SWC1": 120, "A_SWS2": 60}
DERIVED_LINE = "has no calculated results"


def form_cells() -> dict[str, str]:
    """Where the writer should put each field, from the form's lines: the firm code and
    the date at the top of the value column E, each amount on its line."""
    cells = {"BANK": "E3", "DATE": "E4"}
    cells.update({line.field.name: f"E{line.row}" for line in form_lines()})
    return cells



def cell_of(wb: Any, name: str) -> Any:
    sheet, coord = next(wb.defined_names[defined_name(name)].destinations)
    return wb[sheet][coord.replace("$", "")]


def fill(path: Path, values: dict[str, Any], out: Path | None = None) -> Path:
    """Type values into named cells with openpyxl, as a macro or another program would."""
    wb = load_workbook(path)
    for name, value in values.items():
        cell_of(wb, name).value = value
    wb.save(out or path)
    return out or path


@pytest.fixture
def rolled_book(rolled_form: bytes, tmp_path: Path) -> Path:
    """The sample rolled into the form, as ``tmp_path/today.xlsx``."""
    book = tmp_path / "today.xlsx"
    book.write_bytes(rolled_form)
    return book


def expected_bytes(values: dict[str, int], date: dt.date = dt.date(2016, 12, 12)) -> bytes:
    """An independent rendering: the rolled-forward amounts plus the activity, derived."""
    prev = fxreport.load(DAY2)
    inputs = {name: 0 for name in INPUTS}
    for prior, today in CARRIED:
        inputs[prior] = prev[today]
    inputs["A_OPTION"] = prev["A_OPTION"]
    inputs.update(values)
    return fxreport.dumps(Report.from_amounts("ABCD", date, derive(inputs)))


def warning_report() -> Report:
    """A valid report whose inferred identities ARI011 (ABAL) and ARI012 (POS) do not hold."""
    base = fxreport.load(DAY2).amounts()
    base["ABAL"] += 1
    base["SPOT"] += 1  # SPOT = ABAL + AUNST still holds; POS is left as it was
    return Report.from_amounts("ABCD", dt.date(2016, 12, 9), base)


# --- the form ---------------------------------------------------------------------------

def test_every_field_has_a_workbook_scoped_name_where_the_layout_puts_it(rolled_book: Path, tmp_path: Path) -> None:
    wb = load_workbook(rolled_book)
    cells = form_cells()
    assert set(cells) == {f.name for f in FIELDS}
    for f in FIELDS:
        dn = wb.defined_names[defined_name(f.name)]
        assert dn.localSheetId is None  # workbook scope
        assert list(dn.destinations) == [(SHEET, "$%s$%s" % (cells[f.name][0], cells[f.name][1:]))]
    assert "Adj_1" in wb.defined_names and "Adj_2" in wb.defined_names
    assert wb.sheetnames == [SHEET, "說明"]


def test_the_twelve_left_sides_are_formulas_over_names(rolled_book: Path, tmp_path: Path) -> None:
    wb = load_workbook(rolled_book)
    got = {t: cell_of(wb, t).value for t in TARGETS}
    assert got == {t: formula(i) for t, i in TARGETS.items()}
    assert got["ACUST"] == "=AB-AS"
    assert got["ABAL"] == "=BAL+ACUST+ABT+Adj_1+Adj_2"
    assert got["POS"] == "=SPOT+FORWARD+A_OPTION+ABAL_SW1-ABAL_SW2"
    others = [f.name for f in FIELDS if f.name not in TARGETS]
    assert not any(str(cell_of(wb, n).value).startswith("=") for n in others)


def test_roll_carries_the_prior_day_and_zeroes_the_activity(rolled_book: Path, tmp_path: Path) -> None:
    wb = load_workbook(rolled_book)
    prev = fxreport.load(DAY2)
    assert cell_of(wb, "BANK").value == "ABCD"
    assert cell_of(wb, "DATE").value == "105/12/12"  # Friday 12/09 -> Monday 12/12
    for prior, today in CARRIED:
        assert cell_of(wb, prior).value == prev[today]
    assert cell_of(wb, "A_OPTION").value == prev["A_OPTION"]
    assert cell_of(wb, "AB").value == 0 and cell_of(wb, "A_SWS2").value == 0


def test_validation_protection_and_styles(rolled_book: Path, tmp_path: Path) -> None:
    wb = load_workbook(rolled_book)
    ws = wb[SHEET]
    assert ws.protection.sheet and not ws.protection.password
    carried = set(PRIOR_DAY_FIELDS)
    inputs = [f.name for f in FIELDS if f.name not in TARGETS and f.name not in ("BANK", "DATE")
              and f.name not in carried]
    whole = [dv for dv in ws.data_validations.dataValidation if dv.type == "whole"]
    assert len(whole) == 1
    dv = whole[0]
    assert (dv.operator, dv.formula1, dv.formula2) == ("between", str(-AMOUNT_MAX), str(AMOUNT_MAX))
    assert dv.showErrorMessage and dv.errorStyle == "stop" and dv.showInputMessage
    for text in (dv.prompt, dv.error):
        assert re.search("[\u4e00-\u9fff]", text) and re.search("[A-Za-z]{4}", text)
        assert len(text) <= 255
    assert len(dv.promptTitle) <= 32 and len(dv.errorTitle) <= 32
    for name in inputs:
        cell = cell_of(wb, name)
        assert cell.coordinate in dv.sqref, name
        assert cell.protection.locked is False, name
        assert cell.style == "Input", name
        assert cell.number_format == "General"  # decimals shown; "#,##0" by a conditional format
    for name in TARGETS:
        cell = cell_of(wb, name)
        assert cell.coordinate not in dv.sqref
        assert cell.protection.locked is not False and cell.style == "Calculation"
        assert cell.number_format == "General"  # decimals shown; "#,##0" by a conditional format
    for name in carried:  # a rolled form's prior-day figures come from yesterday's report
        cell = cell_of(wb, name)
        assert cell.coordinate not in dv.sqref and cell.protection.locked is not False, name
        assert isinstance(cell.value, int) and cell.style == "Note"
    for name in ("BANK", "DATE"):
        assert cell_of(wb, name).protection.locked is False
    assert ws["A1"].protection.locked is not False  # labels are locked
    # Tab steps through input cells only; the first one to type in is active on opening
    assert ws.protection.selectLockedCells and not ws.protection.selectUnlockedCells
    assert {s.activeCell for s in ws.sheet_view.selection} == {cell_of(wb, "AB").coordinate}
    assert wb.active.title == SHEET
    bank_dv = [d for d in ws.data_validations.dataValidation if d.type == "textLength"]
    assert bank_dv and cell_of(wb, "BANK").coordinate in bank_dv[0].sqref


def test_the_sheet_is_the_annex_form_on_one_a4_page(rolled_book: Path, tmp_path: Path) -> None:
    wb = load_workbook(rolled_book)
    ws = wb[SHEET]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    for group in ("即期已交割部位", "即期未交割部位", "SWAP、CCS遠期部位", "與顧客交易", "銀行間換匯交易",
                  "新臺幣匯率選擇權Delta部位", "外匯部位淨額", "千美元", "外匯證券商外匯部位日報表"):
        assert group in text, group
    for line in form_lines():  # both labels beside every field, from the layout table
        row = [str(c.value or "") for c in ws[line.row]]
        assert line.field.name in row
        assert any(line.item[0] == v or line.item[0] in v for v in row), line.field.name
        assert any(line.item[1] and line.item[1] in v for v in row), line.field.name
        assert line.item[0] in line.field.label_zh and line.item[1] in line.field.label_en
    first = min(int(form_cells()[n][1:]) for n in ("BANK", "DATE"))
    assert first < min(line.row for line in form_lines())  # firm code and date at the top
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)


# --- round trips with openpyxl ------------------------------------------------------------

def test_roll_fill_build_gives_the_independent_bytes_and_checks_against_yesterday(rolled_book: Path, run: Run, tmp_path: Path) -> None:
    book = fill(rolled_book, {**ACTIVITY, "AS": 950.0})  # what spreadsheets store
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(book), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert DERIVED_LINE in r.stderr and "ACUST" in r.stderr
    assert len([x for x in r.stderr.splitlines() if DERIVED_LINE in x]) == 1
    made = out / "ABP1212.txt"
    assert made.read_bytes() == expected_bytes(ACTIVITY)
    r = run("check", str(made), "--previous", str(DAY2), "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["files"][0]["findings"] == []
    r = run("build", str(book), "--derive", "-o", str(out / "again.txt"), "--force")
    assert r.exit_code == 0 and (out / "again.txt").read_bytes() == made.read_bytes()


@pytest.mark.parametrize("sample", [DAY1, DAY2], ids=lambda p: p.name)
def test_show_then_build_gives_the_same_bytes(run: Run, sample: Path, tmp_path: Path) -> None:
    book = tmp_path / "show.xlsx"
    r = run("show", str(sample), "--format", "xlsx", "-o", str(book))
    assert r.exit_code == 0, r.output
    r = run("build", str(book), "-o", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert (tmp_path / sample.name).read_bytes() == sample.read_bytes()


@settings(max_examples=15, deadline=None)
@given(any_reports())
def test_any_report_reads_back_equal_whether_its_identities_hold_or_not(report: Report) -> None:
    book = read_workbook(report_workbook(report))
    assert Report.model_validate(book.doc) == report
    kept = {i.target for i in IDENTITIES if i.rhs(report.amounts()) != report[i.target]}
    assert set(book.derived) == set(TARGETS) - kept


def test_a_failing_inferred_identity_keeps_the_filed_value_and_builds_back(run: Run, tmp_path: Path) -> None:
    report = warning_report()
    src = tmp_path / "in" / "ABP1209.txt"
    src.parent.mkdir()
    src.write_bytes(fxreport.dumps(report))
    book = tmp_path / "show.xlsx"
    assert run("show", str(src), "--format", "xlsx", "-o", str(book)).exit_code == 0
    wb = load_workbook(book)
    for name in ("ABAL", "POS"):
        cell = cell_of(wb, name)
        assert cell.value == report[name] and cell.protection.locked is False
        assert cell.comment is not None and TARGETS[name].code in cell.comment.text
        assert "=" + formula(TARGETS[name])[1:] in cell.comment.text
    assert cell_of(wb, "SPOT").value == "=ABAL+AUNST"  # computes from the filed ABAL
    r = run("build", str(book), "-o", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert "ARI011" in r.stderr and "ARI012" in r.stderr  # warnings, as for the file itself
    assert (tmp_path / "ABP1209.txt").read_bytes() == src.read_bytes()


def test_show_of_a_file_with_an_arithmetic_error_builds_nothing_like_json(run: Run, tmp_path: Path) -> None:
    broken = BROKEN / "arithmetic" / "ABP1209.txt"
    book = tmp_path / "show.xlsx"
    assert run("show", str(broken), "--format", "xlsx", "-o", str(book)).exit_code == 0
    assert cell_of(load_workbook(book), "ACUST").value == -751
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(book), "-o", str(out))
    assert r.exit_code == 1 and "ARI001" in r.stderr and "nothing was written" in r.stderr
    assert listing(out) == []


def test_read_workbook_gives_the_json_shape_and_cells() -> None:
    data = report_workbook(fxreport.load(DAY2))
    book = read_workbook(data)
    assert book.uncalculated and set(book.derived) == set(TARGETS)
    assert book.doc == fxreport.load(DAY2).to_json_dict() | {"date": "105/12/09"}
    assert book.where["row1.AB"] == Where(key="AB", cell=f"{SHEET}!{form_cells()['AB']}")
    assert book.where["bank"].cell == f"{SHEET}!E3" and book.where["date"].key == "DATE"
    assert book.where["row1.Adj-1"].key == "Adj-1"


@pytest.mark.parametrize("value,date", [
    (dt.datetime(2016, 12, 12), "105/12/12"),
    (dt.date(2016, 12, 13), "105/12/13"),
    ("105/12/13", "105/12/13"),
    ("105/1/4", "105/01/04"),
    (" 2016-12-13 ", "105/12/13"),
    ("１０５／１２／１３", "105/12/13"),
])
def test_date_as_roc_text_or_a_real_date(rolled_book: Path, run: Run, value: Any, date: str, tmp_path: Path) -> None:
    book = fill(rolled_book, {"DATE": value})
    assert read_workbook(book.read_bytes()).doc["date"] == date
    out = tmp_path / "out"
    out.mkdir()
    assert run("build", str(book), "-o", str(out)).exit_code == 0
    assert fxreport.load(next(out.iterdir())).date == parse_any_date(date)


def test_a_full_width_firm_code_is_read_as_ascii(rolled_book: Path, tmp_path: Path) -> None:
    book = fill(rolled_book, {"BANK": "ＡＢＣＤ"})
    assert read_workbook(book.read_bytes()).doc["bank"] == "ABCD"


def test_build_from_standard_input_and_by_content(rolled_book: Path, run: Run, tmp_path: Path) -> None:
    book = rolled_book
    r = run("build", "-", "-o", str(tmp_path), input=book.read_bytes())
    assert r.exit_code == 0, r.output
    odd = tmp_path / "renamed.dat"
    shutil.copy(book, odd)
    assert run("build", str(odd), "-o", str(tmp_path), "--force").exit_code == 0


def test_show_and_roll_write_workbooks_safely(rolled_book: Path, run: Run, tmp_path: Path) -> None:
    r = run("show", str(DAY2), "--format", "xlsx")
    assert r.exit_code == 2 and "-o" in r.output  # never binary on a terminal by surprise
    r = run("show", str(DAY2), "--format", "xlsx", "-o", "-")
    assert r.exit_code == 0 and r.stdout_bytes.startswith(b"PK\x03\x04")
    assert run("roll", str(DAY2), "--format", "xlsx").exit_code == 2
    book = rolled_book
    before = book.read_bytes()
    r = run("roll", str(DAY2), "--format", "xlsx", "-o", str(book))
    assert r.exit_code == 2 and "--force" in r.stderr and book.read_bytes() == before
    assert run("roll", str(DAY2), "--format", "xlsx", "-o", str(book), "--force").exit_code == 0
    assert run("show", str(DAY2), "-o", str(tmp_path / "x.txt")).exit_code == 2
    assert listing(tmp_path) == ["today.xlsx"]


def test_the_readme_workbook_commands_run_as_written(run: Run, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    readme = README
    block = re.search(r"### The report form as an Excel workbook.*?```sh\n(.*?)```", readme, re.S)
    assert block
    shutil.copytree(DAY2.parent, tmp_path / "samples")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    for line in block.group(1).splitlines():
        command = line.split("#")[0].split()
        if command:
            assert command[0] == "fxreport"
            r = run(*command[1:])
            assert r.exit_code == 0, (line, r.output)
    assert fxreport.load(tmp_path / "out" / "ABP1212.txt").date == dt.date(2016, 12, 12)


def test_check_and_json_build_do_not_import_openpyxl(tmp_path: Path) -> None:
    code = ("import sys; from click.testing import CliRunner; from fxreport.cli import cli; "
            f"r = CliRunner().invoke(cli, ['check', {str(DAY2)!r}]); assert r.exit_code == 0; "
            f"d = CliRunner().invoke(cli, ['show', {str(DAY2)!r}, '--format', 'json']).stdout; "
            f"r = CliRunner().invoke(cli, ['build', '-', '-o', {str(tmp_path)!r}], input=d); "
            "assert r.exit_code == 0, r.output; print('openpyxl' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "False"


# --- bad workbooks --------------------------------------------------------------------------

def _rename(path: Path, name: str, target: str | None) -> None:
    wb = load_workbook(path)
    del wb.defined_names[name]
    if target is not None:
        wb.defined_names[name] = DefinedName(name, attr_text=target)
    wb.save(path)


AB = f"AB ({SHEET}!{form_cells()['AB']})"


@pytest.mark.parametrize("values,where,en,zh", [
    ({"AB": 12.5}, AB, "12.5 is not a whole number", "12.5 不是整數"),
    ({"AB": "1800"}, AB, 'the text "1800", not a number', '文字 "1800"'),
    ({"AB": "abc"}, AB, "not a number", "不是數字"),
    ({"AB": 1_000_000_000}, AB, "1,000,000,000 is out of range", "超出範圍"),
    ({"AB": -1_000_000_000}, AB, "-1,000,000,000 is out of range", "超出範圍"),
    ({"AB": True}, AB, "logical value TRUE", "邏輯值 TRUE"),
    ({"AB": None}, AB, "empty; type a whole number", "未填"),
    ({"AB": dt.datetime(2016, 12, 12)}, AB, "a date or time (2016-12-12)", "（105/12/12）"),
    ({"AB": "=1+2"}, AB, "formula =1+2 but no calculated result", "儲存格為公式 =1+2"),
    ({"AB": 999_999_999, "AS": -999_999_999}, f"ACUST ({SHEET}!E10)",
     "ACUST = AB - AS gives 1,999,999,998, out of range", "算得 1,999,999,998"),
    ({"BANK": "abcd"}, f"BANK ({SHEET}!E3)", '"abcd" is not a firm code', '"abcd" 不是證券商英文字軌'),
    ({"BANK": None}, f"BANK ({SHEET}!E3)", "the firm code is empty", "證券商英文字軌未填"),
    ({"DATE": "tomorrow"}, f"DATE ({SHEET}!E4)", '"tomorrow" is not a date; type the ROC date as '
     "105/12/12", "不是日期；請以民國年/月/日填入"),
    ({"DATE": "105/02/30"}, f"DATE ({SHEET}!E4)", "is not a date", "不是日期"),
    ({"DATE": 20161212}, f"DATE ({SHEET}!E4)", "20161212 is not a date", "不是日期"),
    ({"DATE": dt.datetime(1900, 1, 1)}, f"DATE ({SHEET}!E4)", "outside ROC years", "西元 1900-01-01"),
    ({"DATE": None}, f"DATE ({SHEET}!E4)", "the report date is empty", "部位資料日期未填"),
])
def test_bad_cells_are_refused_at_the_cell_in_both_languages(rolled_book: Path, run: Run, values: dict[str, Any], where: str,
                                                             en: str, zh: str, tmp_path: Path) -> None:
    book = fill(rolled_book, values)
    out = tmp_path / "out"
    out.mkdir()
    for lang, words in (("en", en), ("zh-TW", zh)):
        r = run("build", str(book), "-o", str(out), "--lang", lang)
        assert r.exit_code == 1, r.output
        place = where if lang == "en" else where.replace(" (", "（").replace(")", "）")
        colon = ": " if lang == "en" else "："
        assert f"{book}{colon}{place}{colon}" in r.stderr and words in r.stderr, r.stderr
        assert ("nothing was written" if lang == "en" else "未寫入任何檔案") in r.stderr
        assert "Traceback" not in r.output
    assert listing(out) == []


def test_every_problem_is_reported_at_once(rolled_book: Path, tmp_path: Path) -> None:
    book = fill(rolled_book, {"AB": 12.5, "A_FC1": "x", "BANK": "ab"})
    with pytest.raises(InputError) as exc:
        read_workbook(book.read_bytes())
    assert [(p.where.key, p.key) for p in exc.value.problems] == [
        ("BANK", "xlsx_bank"), ("AB", "xlsx_fraction"), ("A_FC1", "xlsx_text")]
    assert all(p.message("zh-TW") and p.message("en") for p in exc.value.problems)


@pytest.mark.parametrize("name,target,words", [
    ("AB", None, "the workbook has no cell named AB"),
    ("Adj_1", None, "no cell named Adj_1"),
    ("AS", f"'{SHEET}'!$E$8:$E$9", "the name AS refers to"),
    ("AS", f"'{SHEET}'!$E$8", "AS and AB name the same cell"),
    ("AS", "'Other'!$E$9", "not to one cell of a sheet"),
    ("AS", "#REF!", "not to one cell of a sheet"),
])
def test_broken_names_are_refused(rolled_book: Path, run: Run, name: str, target: str | None, words: str, tmp_path: Path) -> None:
    book = rolled_book
    _rename(book, name, target)
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(book), "-o", str(out))
    assert r.exit_code == 1 and words in r.stderr, r.stderr
    assert listing(out) == []
    r = run("build", str(book), "-o", str(out), "--lang", "zh-TW")
    assert "名稱" in r.stderr or "儲存格" in r.stderr


def _zip_without(data: bytes, member: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename != member:
                dst.writestr(item, src.read(item))
    return out.getvalue()


def _damaged_xml(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            dst.writestr(item, body[: len(body) // 2] if item.filename.endswith("sheet1.xml") else body)
    return out.getvalue()


def _docx_like() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return out.getvalue()


@pytest.mark.parametrize("make,words,zh", [
    (lambda b: b"bank,date\nABCD,105/12/12\n", "not an Excel workbook", "不是 Excel 活頁簿"),
    (lambda b: bytes(range(256)) * 4, "not an Excel workbook", "不是 Excel 活頁簿"),
    (lambda b: b"", "not an Excel workbook", "不是 Excel 活頁簿"),
    (lambda b: b[: len(b) // 2], "damaged", "已損壞"),
    (lambda b: b[:4] + b"\0" * 200, "damaged", "已損壞"),
    (lambda b: _zip_without(b, "xl/workbook.xml"), "not an Excel workbook", "不是 Excel 活頁簿"),
    (lambda b: _zip_without(b, "xl/styles.xml"), "", ""),  # openpyxl copes, or says damaged
    (lambda b: _damaged_xml(b), "damaged", "已損壞"),
    (lambda b: _docx_like(), "not an Excel workbook", "不是 Excel 活頁簿"),
    (lambda b: (DATA / "encrypted.xlsx").read_bytes(), "encrypted with a password", "以密碼加密"),
    (lambda b: (DATA / "old-format.xls").read_bytes(), "old-format Excel file (.xls)", "舊版 Excel 檔"),
    (lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "old-format", "舊版"),
])
def test_files_that_are_not_readable_workbooks_are_refused(rolled_book: Path, run: Run, make: Any, words: str, zh: str,
                                                           tmp_path: Path) -> None:
    good = rolled_book.read_bytes()
    book = tmp_path / "bad.xlsx"
    book.write_bytes(make(good))
    out = tmp_path / "out"
    out.mkdir()
    for lang, text in (("en", words), ("zh-TW", zh)):
        r = run("build", str(book), "-o", str(out), "--lang", lang)
        if not words and r.exit_code == 0:  # a workbook openpyxl reads anyway is fine
            return
        assert r.exit_code == 1, r.output
        assert text in r.stderr, r.stderr
        assert r.exception is None or isinstance(r.exception, SystemExit)
    assert listing(out) == []


def test_a_formula_typed_over_is_refused_with_the_formula_to_restore(rolled_book: Path, run: Run, tmp_path: Path) -> None:
    wb = load_workbook(rolled_book)
    cell_of(wb, "ACUST").value = 999  # a number where the formula was (sheet unprotected)
    book = tmp_path / "typed.xlsx"
    wb.save(book)
    out = tmp_path / "out"
    out.mkdir()
    for flags in ((), ("--derive",)):
        r = run("build", str(book), "-o", str(out), *flags)
        assert r.exit_code == 1 and f"ACUST ({SHEET}!E10)" in r.stderr, r.stderr
        assert "typed over with 999" in r.stderr and "typing =AB-AS into the cell" in r.stderr
        assert "--derive" not in r.stderr and listing(out) == []
    r = run("build", str(book), "-o", str(out), "--lang", "zh-TW")
    assert "公式已被數字 999 覆蓋" in r.stderr and "輸入 =AB-AS 還原公式" in r.stderr


# --- a real spreadsheet program ---------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                   "CI installs Debian's libreoffice-calc-nogui")


@pytest.fixture(scope="session")
def office(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Convert with LibreOffice headless in a private profile (parallel runs do not collide)."""
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(src: Path, to: str = "xlsx") -> Path:
        outdir = src.parent / f"lo-{to}"
        outdir.mkdir(exist_ok=True)
        p = subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--norestore", "--convert-to", to, "--outdir", str(outdir), str(src)],
                           capture_output=True, text=True, timeout=300,
                           env={**os.environ, "HOME": str(profile)})
        made = outdir / (src.stem + "." + to)
        assert made.exists(), p.stdout + p.stderr
        return made

    return convert


def _identities_hold_on_cached_results(path: Path) -> dict[str, int]:
    wb = load_workbook(path, data_only=True)
    values = {f.name: cell_of(wb, f.name).value for f in FIELDS if f.name not in ("BANK", "DATE")}
    assert all(isinstance(v, int) for v in values.values()), values
    for ident in IDENTITIES:
        assert values[ident.target] == ident.rhs(values), ident.code
    return values


@needs_soffice
def test_libreoffice_recalculates_and_its_file_builds_the_expected_bytes(rolled_book: Path, run: Run, office: Any,
                                                                        tmp_path: Path) -> None:
    book = fill(rolled_book, {**ACTIVITY, "DATE": dt.datetime(2016, 12, 12)})
    calc = office(book)
    values = _identities_hold_on_cached_results(calc)
    assert values["ACUST"] == 850
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(calc), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert DERIVED_LINE not in r.stderr
    assert (out / "ABP1212.txt").read_bytes() == expected_bytes(ACTIVITY)
    assert run("check", str(out / "ABP1212.txt"), "--previous", str(DAY2)).exit_code == 0

    # A cached result edited to disagree with its formula is a finding, as in any input.
    data = calc.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body, n = re.subn(rb'(<c r="E10"[^>]*>(?:(?!</c>).)*?<v>)850(</v>)', rb"\g<1>851\2", body)
                assert n == 1
            dst.writestr(item, body)
    bad = tmp_path / "edited.xlsx"
    bad.write_bytes(patched.getvalue())
    r = run("build", str(bad), "-o", str(tmp_path / "out2"))
    assert r.exit_code == 1 and "ARI001" in r.stderr


@needs_soffice
@pytest.mark.parametrize("which", ["sample", "warnings"])
def test_libreoffice_saved_show_workbooks_build_back_byte_for_byte(run: Run, which: str, office: Any,
                                                                   tmp_path: Path) -> None:
    report = fxreport.load(DAY2) if which == "sample" else warning_report()
    src = tmp_path / "ABP1209.txt"
    src.write_bytes(fxreport.dumps(report))
    book = tmp_path / "show.xlsx"
    assert run("show", str(src), "--format", "xlsx", "-o", str(book)).exit_code == 0
    calc = office(book)
    wb = load_workbook(calc, data_only=True)
    assert {n: cell_of(wb, n).value for n in TARGETS} == {n: report[n] for n in TARGETS}
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(calc), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert DERIVED_LINE not in r.stderr
    assert (out / "ABP1209.txt").read_bytes() == src.read_bytes()


@needs_soffice
def test_the_form_prints_on_one_a4_page(rolled_book: Path, office: Any, tmp_path: Path) -> None:
    pdf = office(fill(rolled_book, ACTIVITY), "pdf").read_bytes()
    # the form on one page, the instructions sheet (說明) on the next
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 2
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)", pdf)
    assert box and (round(float(box.group(1))), round(float(box.group(2)))) == (595, 842)


# --- what clerks asked for ----------------------------------------------------------------

def _sign_off_cells(ws: Any) -> dict[str, Any]:
    """The sign-off block's input cells by the label left of (or above) them."""
    found = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.split("\n")[0].split(" ")[0] in (
                    "證券商名稱", "製表", "覆核", "主管", "聯絡電話", "姓名", "日期"):
                found[cell.value.split("\n")[0].split(" ")[0]] = cell
    return found


def test_the_sign_off_block_and_footer_are_in_the_print_area_and_build_ignores_them(rolled_book: Path, run: Run, 
        tmp_path: Path) -> None:
    book = rolled_book
    wb = load_workbook(book)
    ws = wb[SHEET]
    labels = _sign_off_cells(ws)
    assert {"證券商名稱", "製表", "覆核", "主管", "聯絡電話", "姓名", "日期"} <= set(labels)
    assert "prepared by" in labels["製表"].value and "approved by" in labels["主管"].value
    area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
    last_row = int(re.findall(r"\$?([0-9]+)$", area)[0])
    assert last_row >= labels["聯絡電話"].row
    inputs = [c for row in ws.iter_rows(min_row=labels["證券商名稱"].row, max_row=last_row)
              for c in row if c.protection.locked is False and type(c).__name__ == "Cell"]
    assert len(inputs) >= 8  # firm, three names, three dates, the telephone
    for cell in inputs:  # the clerk signs: build reads none of it
        cell.value = "王小明 02-2357-1174"
    assert "&D" in ws.oddFooter.left.text and "&P" in ws.oddFooter.right.text
    wb.save(book)
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(book), "-o", str(out))
    assert r.exit_code == 0, r.output


def test_the_instructions_sheet_carries_the_annex_notes_in_both_languages(rolled_book: Path, tmp_path: Path) -> None:
    ws = load_workbook(rolled_book)["說明"]
    zh = "\n".join(str(c.value) for c in ws["B"] if c.value)
    en = "\n".join(str(c.value) for c in ws["C"] if c.value)
    for words in ("千美元", "自身的買賣方向", "說明第 1 點", "說明第 4 點", "不可調整在前日或本日餘額欄中",
                  "ABP1209.txt", "說明第 6 點", "橘色輸入格", "Tab"):
        assert words in zh, words
    for words in ("thousands of US dollars", "own direction", "note 1", "note 4", "note 6",
                  "ABP1209.txt", "orange input cells"):
        assert words in en, words
    assert ws.protection.sheet


def test_build_previous_checks_continuity_before_writing(rolled_form: bytes, rolled_book: Path, run: Run, tmp_path: Path) -> None:
    book = fill(rolled_book, ACTIVITY)
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(book), "-o", str(out), "--previous", str(DAY2))
    assert r.exit_code == 0, r.output
    assert (out / "ABP1212.txt").read_bytes() == expected_bytes(ACTIVITY)
    # a prior-day figure that is not yesterday's (the lock removed): CNT001, nothing written
    wb = load_workbook(book)
    cell_of(wb, "BAL").value = fxreport.load(DAY2)["ABAL"] + 5
    wb.save(book)
    again = tmp_path / "again"
    again.mkdir()
    r = run("build", str(book), "-o", str(again), "--previous", str(DAY2))
    assert r.exit_code == 1 and "CNT001" in r.stderr and listing(again) == [], r.stderr
    # a gap by the calendar check takes: declared closed, no gap warning
    gap = tmp_path / "gap.xlsx"
    gap.write_bytes(rolled_form)
    gap = fill(gap, {**ACTIVITY, "DATE": "105/12/13"})
    r = run("build", str(gap), "-o", str(again), "--previous", str(DAY2))
    assert r.exit_code == 0 and "CNT003" in r.stderr, r.stderr
    closed = tmp_path / "closed.txt"
    closed.write_text("105/12/12\n", encoding="utf-8")
    (again / "ABP1213.txt").unlink()
    r = run("build", str(gap), "-o", str(again), "--previous", str(DAY2), "--closed-days", str(closed))
    assert r.exit_code == 0 and "CNT003" not in r.stderr, r.stderr


def test_roll_accepts_yesterdays_workbook_as_prev(rolled_book: Path, run: Run, tmp_path: Path) -> None:
    today = fill(rolled_book, ACTIVITY)
    out = tmp_path / "out"
    out.mkdir()
    assert run("build", str(today), "-o", str(out)).exit_code == 0
    from_book = tmp_path / "next-from-book.xlsx"
    from_file = tmp_path / "next-from-file.xlsx"
    assert run("roll", str(today), "--format", "xlsx", "-o", str(from_book)).exit_code == 0
    assert run("roll", str(out / "ABP1212.txt"), "--format", "xlsx", "-o", str(from_file)).exit_code == 0
    a, b = load_workbook(from_book), load_workbook(from_file)
    assert {f.name: cell_of(a, f.name).value for f in FIELDS} == \
        {f.name: cell_of(b, f.name).value for f in FIELDS}
    assert cell_of(a, "DATE").value == "105/12/13"
    r = run("roll", str(today))  # JSON from a workbook PREV too
    assert r.exit_code == 0 and json.loads(r.stdout)["row1"]["BAL"] == fxreport.load(out / "ABP1212.txt")["ABAL"]
