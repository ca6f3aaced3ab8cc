"""Issue 18.4: a formula typed over with a number got "`fxreport build --derive` computes it"
(which refuses too): say to restore the formula, and which, in both languages."""

from __future__ import annotations

from pathlib import Path

from workbooks import set_cell
from reports import Run


def test_the_formula_to_type_back_is_named(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(set_cell(rolled_form, "E19", "<v>77</v>"))  # ABAL_UNB, no formula
    for lang, words in (
            ("en", "ABAL_UNB (日報表!E19): this cell's formula was typed over with 77; "
                   "ABAL_UNB = BAL_UNB + A_UNC1 - A_UNS1 gives"),
            ("zh-TW", "ABAL_UNB（日報表!E19）：本儲存格的公式已被數字 77 覆蓋")):
        for flags in ((), ("--derive",)):
            r = run("build", str(book), "-o", str(tmp_path), "--lang", lang, *flags)
            assert r.exit_code == 1 and words in r.stderr, r.stderr
            assert "=BAL_UNB+A_UNC1-A_UNS1" in r.stderr and "--derive" not in r.stderr
