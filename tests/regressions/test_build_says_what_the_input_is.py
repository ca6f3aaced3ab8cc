"""Issue 17.14 (build's side): a submission file given to `build` got "the CSV header must be
...", and tab-separated text the same; say what the input is and what build expects."""

from __future__ import annotations

from pathlib import Path

from reports import DAY2, Run


def test_a_submission_file_given_to_build(run: Run, tmp_path: Path) -> None:
    for lang, words in (("en", "this is a submission file (the central bank's 213-byte records), "
                               "not build input"),
                        ("zh-TW", "此為申報檔（中央銀行規定的每列 213 位元組），不是申報輸入")):
        r = run("build", str(DAY2), "-o", str(tmp_path), "--lang", lang)
        assert r.exit_code == 1 and words in r.stderr, r.stderr
        assert "CSV header" not in r.stderr and "fxreport check" in r.stderr


def test_tab_separated_text_given_to_build(run: Run, sample_csv: bytes, tmp_path: Path) -> None:
    csv_text = sample_csv.decode("utf-8-sig")
    tsv = tmp_path / "today.csv"
    tsv.write_text(csv_text.replace(",", "\t"), encoding="utf-8")
    r = run("build", str(tsv), "-o", str(tmp_path))
    assert r.exit_code == 1, r.output
    assert "the cells are separated by tabs (tab-separated text); build reads comma-separated " \
           "CSV" in r.stderr, r.stderr
