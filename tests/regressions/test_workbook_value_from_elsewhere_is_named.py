"""Issue 18.2: a value from another file (an external link's cached result) or from a formula
over another sheet was filed silently."""

from __future__ import annotations

from pathlib import Path

from workbooks import patched, set_cell, sheet_xml, with_sheet
from reports import README, Run


def _build(run: Run, tmp_path: Path, data: bytes, *args: str) -> tuple[object, list[str]]:
    book = tmp_path / "book.xlsx"
    book.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    r = run("build", str(book), "-o", str(out), "--force", *args)
    return r, sorted(p.name for p in out.iterdir())


def test_a_value_from_another_file_is_refused_naming_the_file(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    data = set_cell(rolled_form, "E8", "<f>[1]Trades!$B$2</f><v>5000</v>")
    data = patched(data, {
        "xl/externalLinks/externalLink1.xml": b'<externalLink xmlns="http://schemas.openxml'
                                              b'formats.org/spreadsheetml/2006/main"/>',
        "xl/externalLinks/_rels/externalLink1.xml.rels":
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/externalLinkPath" Target="file:///C:/desk/trades.xlsx" '
            b'TargetMode="External"/></Relationships>'})
    r, written = _build(run, tmp_path, data)
    assert r.exit_code == 1 and written == [], r.output
    assert "AB (日報表!E8): the value comes from another file (\"file:///C:/desk/trades.xlsx\")" \
        in r.stderr, r.stderr
    assert "Paste Special > Values" in r.stderr
    r, _ = _build(run, tmp_path, data, "--lang", "zh-TW")
    assert "取自其他檔案" in r.stderr and "選擇性貼上 > 值" in r.stderr


def test_a_value_from_another_sheet_is_a_warning_naming_the_sheet(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    data = with_sheet(set_cell(rolled_form, "E8", "<f>明細!B2</f><v>1800</v>"), "明細",
                      sheet_xml('<row r="2"><c r="B2"><v>1800</v></c></row>'))
    r, written = _build(run, tmp_path, data)
    assert r.exit_code == 0, r.output
    assert written == ["ABP1212.txt"]
    assert ("warning: AB (日報表!E8): the value comes from the sheet(s) \"明細\" through the "
            "formula =明細!B2") in r.stderr, r.stderr
    r, _ = _build(run, tmp_path, data, "--lang", "zh-TW")
    assert "警告：AB（日報表!E8）：數值經由公式 =明細!B2 取自工作表 \"明細\"" in r.stderr, r.stderr


def test_the_readme_says_macros_never_run() -> None:
    readme = README
    assert "`.xlsm` is read as data: its macros never run" in readme
