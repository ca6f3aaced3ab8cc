"""CNT001's excerpt of the record was missing when continuity was the file's only
finding (issue 17 item 13): the records were not kept for a file without findings of
its own, so the series reads them again for the findings it adds."""

from __future__ import annotations

from pathlib import Path

from fxreport.checking.pipeline import check_contents
from reports import BYTES1, BYTES2, Run

BROKEN = BYTES2.replace(b"     12508", b"     12509", 1)  # BAL off by one: CNT001 only


def test_text_output_shows_the_record(run: Run, tmp_path: Path) -> None:
    (tmp_path / "ABP1208.txt").write_bytes(BYTES1)
    (tmp_path / "ABP1209.txt").write_bytes(BROKEN)
    for args in ([str(tmp_path)], [str(tmp_path / "ABP1209.txt"), "--previous", str(tmp_path / "ABP1208.txt")]):
        r = run("check", *args)
        assert r.exit_code == 1
        lines = r.stdout.splitlines()
        at = next(i for i, line in enumerate(lines) if "CNT001" in line)
        assert lines[at + 1].lstrip().startswith("2 | BCD105/12/09     12509"), lines[at:at + 3]
        assert "^" * 10 + " 14-23" in lines[at + 2]


def test_uploads_too() -> None:
    out = check_contents([("ABP1208.txt", BYTES1), ("ABP1209.txt", BROKEN)])
    assert out.reports[1].records and not out.reports[0].records
