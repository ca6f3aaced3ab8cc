"""`build` and `roll` never refuse because of a quality finding (FORMAT.md 7.4); `build`
prints QUA001, and with --previous QUA002, as warnings after writing."""

from __future__ import annotations

from pathlib import Path

from reports import CORPUS, ROOT, Run


def _json_of(run: Run, tmp_path: Path, report: Path) -> Path:
    r = run("show", "--format", "json", str(report))
    assert r.exit_code == 0
    (tmp_path / "in.json").write_text(r.stdout, encoding="utf-8")
    return tmp_path / "in.json"


def test_build_writes_and_warns_of_a_negative_balance(run: Run, tmp_path: Path) -> None:
    source = _json_of(run, tmp_path, CORPUS / "qua001-negative-balance" / "ABP1209.txt")
    r = run("build", str(source), "-o", str(tmp_path / "out") + "/")
    if r.exit_code != 0:  # a build without folder creation: write into an existing folder
        (tmp_path / "out").mkdir()
        r = run("build", str(source), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "out" / "ABP1209.txt").exists()
    assert "QUA001" in r.stderr and "ABAL_UNB" in r.stderr
    assert r.stderr.index("QUA001") < r.stderr.index("wrote")


def test_build_with_previous_warns_of_copied_activity(run: Run, tmp_path: Path) -> None:
    source = _json_of(run, tmp_path, CORPUS / "qua002-copied-activity" / "ABP1209.txt")
    args = ["build", str(source), "-o", str(tmp_path), "--previous", str(ROOT / "samples" / "ABP1208.txt")]
    r = run(*args)
    assert r.exit_code == 0 and (tmp_path / "ABP1209.txt").exists()
    assert "QUA002" in r.stderr and "ABP1208.txt" in r.stderr
    zh = run(*args, "--force", "--lang", "zh-TW")
    assert zh.exit_code == 0 and "QUA002 15 個交易金額欄位" in zh.stderr
    # without --previous, nothing to compare with: no QUA002
    r = run("build", str(source), "-o", str(tmp_path), "--force")
    assert r.exit_code == 0 and "QUA002" not in r.stderr
    # a previous report that cannot be read: a usage error, nothing written
    (tmp_path / "ABP1209.txt").unlink()
    r = run("build", str(source), "-o", str(tmp_path), "--previous", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and not (tmp_path / "ABP1209.txt").exists()


def test_roll_from_a_report_with_a_negative_balance_writes(run: Run, tmp_path: Path) -> None:
    prev = CORPUS / "qua001-negative-balance" / "ABP1209.txt"
    r = run("roll", str(prev), "--write", str(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "ABP1212.txt").exists()
