"""2,000 copies of one report printed 70 MB: every finding listed every path (6.4)."""

from __future__ import annotations

from pathlib import Path

from reports import BYTES2 as DAY2, Run


def _size(run: Run, folder: Path, n: int) -> int:
    folder.mkdir()
    for i in range(n):
        (folder / f"copy{i:05d}.txt").write_bytes(DAY2)
    r = run("check", "--format", "json", "--jobs", "1", str(folder))
    return len(r.stdout_bytes)


def test_output_per_file_does_not_grow_with_the_number_of_duplicates(run: Run, tmp_path: Path) -> None:
    small, large = _size(run, tmp_path / "a", 50), _size(run, tmp_path / "b", 500)
    per_small, per_large = small / 50, large / 500
    assert per_large < per_small * 1.2, (per_small, per_large)


def test_a_duplicate_names_at_most_three_others_and_counts_the_rest(tmp_path: Path) -> None:
    from fxreport.checking.pipeline import Content, check_contents

    results = check_contents([Content(f"x{i}.txt", DAY2) for i in range(10)]).reports
    f = next(x for x in results[0].findings if x.code == "CNT004")
    msg = f.message()
    assert msg.count(".txt") == 3 and "6 more" in msg, msg
    assert "及其他 6 個" in f.message("zh-TW")
