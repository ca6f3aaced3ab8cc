"""A folder's output was ordered by file name (ABP0103 before ABP1209 of the year
before); each firm's reports are listed by date, firms by code, unreadable last
(issue 17 item 11)."""

from __future__ import annotations

import json
from pathlib import Path

from reports import BYTES2, Run


def test_by_firm_then_date(run: Run, tmp_path: Path) -> None:
    files = {"ABP1209.txt": BYTES2,  # 2016-12-09
             "ABP0103.txt": BYTES2.replace(b"105/12/09", b"106/01/03"),  # 2017-01-03
             "AAP1209.txt": BYTES2.replace(b"ABCD", b"AAZZ"),
             "ZZP0101.txt": b"not a report\r\n"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    r = run("check", "--format", "json", str(tmp_path), str(tmp_path / "missing"))
    out = json.loads(r.stdout)
    names = [Path(f["path"]).name for f in out["files"]]
    assert names == ["AAP1209.txt", "ABP1209.txt", "ABP0103.txt", "ZZP0101.txt"]
    assert [Path(u["path"]).name for u in out["unreadable"]] == ["missing"]
    text = run("check", str(tmp_path)).stdout
    assert text.index("ABP1209.txt") < text.index("ABP0103.txt") < text.index("ZZP0101.txt")


def test_the_servers_report_keeps_each_uploads_facts_beside_it() -> None:
    """Uploads in another order, one of them twice: each row's SHA-256 is its own file's."""
    import hashlib
    import re
    import warnings

    from reports import BYTES1

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from fxreport.server.app import create_app

    files = [("files", ("ABP1209.txt", BYTES2)), ("files", ("ABP1208.txt", BYTES1)),
             ("files", ("ABP1209.txt", BYTES2))]
    html = TestClient(create_app()).post("/api/report", files=files).text
    table = html[html.index('class="files"'):html.index("</table>", html.index('class="files"'))]
    rows = [re.sub(r"<[^>]+>", " ", row) for row in table.split("<tr")[2:]]
    assert len(rows) == 2
    for row, name, data in zip(rows, ("ABP1208.txt", "ABP1209.txt"), (BYTES1, BYTES2)):
        assert name in row and hashlib.sha256(data).hexdigest() in row, row
