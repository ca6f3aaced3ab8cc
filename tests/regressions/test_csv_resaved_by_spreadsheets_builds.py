"""Issue 18.8: CSV re-saved by LibreOffice or Excel (text cells quoted, Big5 from a zh-TW
Windows Excel, UTF-8 with a byte order mark, bare CR from Excel for Mac) was refused as
"JSON input must be an object": the reader is chosen by content and name together."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports import DAY2, Run
from workbooks import SOFFICE, office_convert

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _shown(run: Run, lang: str) -> str:
    return run("show", str(DAY2), "--format", "csv", "--lang", lang).stdout_bytes.decode("utf-8-sig")


def _quoted(text: str) -> str:
    """Every text cell quoted, as LibreOffice's "Quote all text cells" saves it."""
    lines = []
    for line in text.splitlines():
        cells = line.split(",", 5)
        lines.append(",".join(c if c.lstrip("-").isdigit() else f'"{c}"' for c in cells))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", ["today.csv", "today.txt", "today", "today.json"])
@pytest.mark.parametrize("form", ["quoted", "big5", "bom", "bare-cr"])
def test_spreadsheet_saves_build_the_same_bytes(run: Run, form: str, name: str, tmp_path: Path) -> None:
    text = _shown(run, "zh-TW")
    data = {"quoted": lambda: _quoted(text).encode("utf-8"),
            "big5": lambda: text.encode("cp950"),
            "bom": lambda: b"\xef\xbb\xbf" + text.encode("utf-8"),
            "bare-cr": lambda: text.replace("\r\n", "\r").encode("utf-8")}[form]()
    if name.endswith(".json") and form != "quoted":
        name = "today.csv"  # a .json name with CSV content: content decides when it is clear
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(src), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert (out / "ABP1209.txt").read_bytes() == DAY2.read_bytes()


@needs_soffice
@pytest.mark.parametrize("lang", ["en", "zh-TW"])
@pytest.mark.parametrize("export", ["csv", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true"])
def test_show_csv_resaved_by_libreoffice_builds_the_same_bytes(run: Run, 
        lang: str, export: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A real LibreOffice round trip: open `show --format csv`, save it as CSV again
    (as it is, or with every text cell quoted), build."""
    src = tmp_path / "ABP1209.csv"
    src.write_bytes(run("show", str(DAY2), "--format", "csv", "--lang", lang).stdout_bytes)
    saved = office_convert(src, export, tmp_path_factory.mktemp("lo-profile"), "CSV:44,34,76,1")
    assert saved.read_bytes() != src.read_bytes()  # LibreOffice wrote it anew
    out = tmp_path / "out"
    out.mkdir()
    r = run("build", str(saved), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert (out / "ABP1209.txt").read_bytes() == DAY2.read_bytes()
