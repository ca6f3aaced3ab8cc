"""Issue 18.1: a defined name pointing off the form (another column, another row, a hidden or
very hidden sheet, another sheet) made `build` file a number the form did not show."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbooks import patched, renamed_name, set_cell, sheet_xml, with_sheet
from reports import Run, XLSX_DATA

FORM = "日報表"


def _build(run: Run, tmp_path: Path, data: bytes, *args: str) -> object:
    book = tmp_path / "book.xlsx"
    book.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    r = run("build", str(book), "-o", str(out), *args)
    return r, sorted(p.name for p in out.iterdir())


def test_a_name_moved_to_another_column_of_its_row_is_refused(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    data = renamed_name(set_cell(rolled_form, "H8", "<v>5000</v>"), "AB",
                        f"'{FORM}'!$H$8")
    r, written = _build(run, tmp_path, data)
    assert r.exit_code == 1 and written == []
    assert f"the name AB points to {FORM}!H8, off the form ({FORM}!E" in r.stderr, r.stderr
    assert "Name Manager" in r.stderr and "roll" in r.stderr
    r, _ = _build(run, tmp_path, data, "--lang", "zh-TW")
    assert f"名稱 AB 指向 {FORM}!H8，不在報表上" in r.stderr and "名稱管理員" in r.stderr


def test_a_name_moved_to_another_fields_row_is_refused(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    # AB's name on AS's cell (E9), AS's name on AB's (E8): each row shows the other field
    data = renamed_name(renamed_name(rolled_form, "AB", f"'{FORM}'!$E$9"), "AS",
                        f"'{FORM}'!$E$8")
    r, written = _build(run, tmp_path, data)
    assert r.exit_code == 1 and written == []
    assert "the name AB points to 日報表!E9, but that row of the form is not AB's line" in r.stderr
    assert "the name AS points to 日報表!E8, but that row of the form is not AS's line" in r.stderr


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_names_on_a_hidden_sheet_are_refused(run: Run, rolled_form: bytes, state: str, tmp_path: Path) -> None:
    # the form hidden behind a visible cover sheet (a workbook shows at least one sheet)
    data = with_sheet(rolled_form, "Cover", sheet_xml('<row r="8"><c r="E8">'
                                                                '<v>0</v></c></row>'))
    data = patched(data, {"xl/workbook.xml": lambda b: b.replace(
        f'name="{FORM}" sheetId="1" state="visible"'.encode(),
        f'name="{FORM}" sheetId="1" state="{state}"'.encode())})
    r, written = _build(run, tmp_path, data)
    assert r.exit_code == 1 and written == []
    assert f"the form's sheet \"{FORM}\", where the names point, is hidden" in r.stderr, r.stderr


def test_a_name_on_another_sheet_is_refused(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    hidden = sheet_xml('<row r="8"><c r="E8"><v>5000</v></c><c r="F8" t="inlineStr">'
                       '<is><t>AB</t></is></c></row>')
    for state in (None, "hidden"):
        data = renamed_name(with_sheet(rolled_form, "Shadow", hidden, state), "AB",
                            "Shadow!$E$8")
        r, written = _build(run, tmp_path, data)
        assert r.exit_code == 1 and written == []
        assert "the name AB points to Shadow!E8, off the form (日報表!E" in r.stderr, r.stderr


def test_a_renamed_form_sheet_still_builds(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    """Renaming the sheet in Excel updates the names: the form is where they point."""
    data = rolled_form.replace(FORM.encode(), b"Daily")
    r, written = _build(run, tmp_path, data)
    assert r.exit_code == 0, r.output
    assert written == ["ABP1212.txt"]


def test_forms_of_earlier_versions_still_build(run: Run, tmp_path: Path) -> None:
    """The form of the first release (one sheet, the same cells and names)."""
    old = XLSX_DATA / "earlier-version.xlsx"
    r, written = _build(run, tmp_path, old.read_bytes())
    assert r.exit_code == 0, r.output
    assert written == ["ABP1212.txt"]


def test_a_named_cell_in_a_hidden_row_or_column_is_refused(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    for change in (lambda b: b.replace(b'<row r="8" ', b'<row r="8" hidden="1" ', 1),
                   lambda b: b.replace(b'min="5" max="5" ', b'min="5" max="5" hidden="1" ', 1)):
        data = patched(rolled_form, {"xl/worksheets/sheet1.xml": change})
        assert data != rolled_form
        r, written = _build(run, tmp_path, data)
        assert r.exit_code == 1 and written == []
        assert "in a hidden row or column of the form" in r.stderr, r.stderr
