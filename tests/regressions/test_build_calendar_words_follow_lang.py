"""Issue 16 item 4: `fxreport build --lang zh-TW --previous PREV --closed-days bad.txt`
printed an English usage error: build made the calendar itself, without the language.
It now makes it as every other command does (``commands._calendar``), so the words follow
``--lang``."""

from __future__ import annotations

import json
from pathlib import Path

import fxreport
from test_zh_tw_reads_as_written_not_translated import problems
from reports import DAY1, DAY2, Run


def test_a_bad_day_file_is_said_in_chinese(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("2016-12-12\n".encode("utf-16"))
    doc = tmp_path / "in.json"
    doc.write_text(json.dumps(fxreport.load(DAY2).to_json_dict()), encoding="utf-8")
    r = run("build", str(doc), "-o", str(tmp_path / "out") + "/", "--previous", str(DAY1),
            "--closed-days", str(bad), "--lang", "zh-TW")
    assert r.exit_code == 2, r.output
    text = r.stderr.replace(str(bad), "bad.txt")
    assert "--closed-days：" in text, text
    for line in text.splitlines():
        assert not problems(line, ("bad.txt",), touching=False), (line, problems(line, ("bad.txt",)))
    english = run("build", str(doc), "-o", str(tmp_path / "out") + "/", "--previous", str(DAY1),
                  "--closed-days", str(bad), "--lang", "en")
    assert english.exit_code == 2 and "--closed-days: " in english.stderr
    assert "UTF-16" in english.stderr
