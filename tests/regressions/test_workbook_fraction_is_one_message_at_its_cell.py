"""Issue 18.3: a fraction typed into AB gave five messages, four at formula cells telling the
clerk to round a formula; and the number format showed 12.5 as "13"."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from workbooks import SOFFICE, office_convert
from reports import Run

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@needs_soffice
def test_a_typed_fraction_is_one_problem_at_the_input_cell_and_shows_its_decimals(run: Run, rolled_form: bytes, 
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    form = tmp_path / "form.xlsx"
    form.write_bytes(rolled_form)
    wb = load_workbook(form)
    wb["日報表"]["E8"] = 12.5  # AB, as pasted (the data validation stops it when typed)
    wb.save(form)
    profile = tmp_path_factory.mktemp("lo-profile")
    saved = office_convert(form, "xlsx", profile)  # LibreOffice recalculates: ACUST = 12.5 ...
    assert load_workbook(saved, data_only=True)["日報表"]["E10"].value == 12.5
    out = tmp_path / "out"
    out.mkdir()
    for lang, words in (("en", "AB (日報表!E8): 12.5 is not a whole number"),
                        ("zh-TW", "AB（日報表!E8）：12.5 不是整數")):
        r = run("build", str(saved), "-o", str(out), "--lang", lang)
        assert r.exit_code == 1, r.output
        problems = [line for line in r.stderr.splitlines() if str(saved) in line]
        assert len(problems) == 1 and words in problems[0], r.stderr
    # what LibreOffice shows (its text export writes cells as shown): 12.5, not 13
    shown = office_convert(saved, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                           profile).read_text(encoding="utf-8")
    ab = next(line for line in shown.splitlines() if ",AB," in line)
    assert ",12.5,AB," in ab, ab
