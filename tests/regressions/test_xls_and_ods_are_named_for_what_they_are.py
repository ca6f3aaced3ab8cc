"""Issue 18.7: an old .xls (LibreOffice or Excel 97-2003) and an encrypted file named .xls got
"neither UTF-8 nor Big5"; an .ods was not recognised by its content."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbooks import SOFFICE, office_convert
from reports import XLSX_DATA as DATA, Run

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _words(run: Run, tmp_path: Path, data: bytes, name: str, lang: str = "en") -> str:
    src = tmp_path / name
    src.write_bytes(data)
    r = run("build", str(src), "-o", str(tmp_path / "out") + "/", "--lang", lang)
    assert r.exit_code == 1, r.output
    assert "neither UTF-8 nor Big5" not in r.stderr and "不是 UTF-8 或 Big5" not in r.stderr
    return str(r.stderr)


@pytest.mark.parametrize("name", ["book.xls", "book.csv", "book.json", "book"])
def test_ole_files_are_named_whatever_their_extension(run: Run, name: str, tmp_path: Path) -> None:
    assert "old-format Excel file (.xls)" in _words(run, tmp_path, (DATA / "old-format.xls").read_bytes(),
                                                    name)
    assert "encrypted with a password" in _words(run, tmp_path, (DATA / "encrypted.xlsx").read_bytes(),
                                                 name)


@needs_soffice
@pytest.mark.parametrize("to, words, zh", [
    ("xls", "old-format Excel file (.xls); open it in Excel and save it as", "舊版 Excel 檔"),
    ("ods", "OpenDocument spreadsheet (.ods); open it in LibreOffice and save it as", "開放文件試算表"),
])
def test_libreoffice_saves_are_told_to_be_saved_as_xlsx(run: Run, rolled_form: bytes, to: str, words: str, zh: str,
                                                        tmp_path: Path,
                                                        tmp_path_factory: pytest.TempPathFactory
                                                        ) -> None:
    form = tmp_path / "form.xlsx"
    form.write_bytes(rolled_form)
    saved = office_convert(form, to, tmp_path_factory.mktemp("lo-profile")).read_bytes()
    for name in (f"book.{to}", "book.xlsx", "book.csv"):  # by content, whatever the name
        assert words in _words(run, tmp_path, saved, name)
        assert zh in _words(run, tmp_path, saved, name, "zh-TW")
