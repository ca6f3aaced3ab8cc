"""Issue 16 item 4: `fxreport fmt --lang zh-TW /nonexistent/x.txt` said
`無法讀取：no such file or directory`: the reason of an unreadable path came in English
(fmt re-translated the English reason and missed).  Every command that reads a path says
why it cannot, in the catalogue's words of the reader's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_zh_tw_reads_as_written_not_translated import problems
from reports import Run

COMMANDS = (["fmt"], ["show"], ["show", "--ruler"], ["roll"], ["build"], ["check"],
            ["check", "--format", "json"])


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_missing_path_is_worded_in_chinese(run: Run, command: list[str],
                                             tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere" / "x.txt")
    r = run(*command, missing, "--lang", "zh-TW")
    assert r.exit_code == 2, r.output
    out = r.stdout
    if "json" in command:  # the keys are the format's; the reason is a reader's
        out = "\n".join(f"PATH: {u['reason']}" for u in json.loads(out)["unreadable"])
    text = (r.stderr + out).replace(missing, "PATH")
    assert "PATH" in text and "no such file" not in text.lower(), text
    for line in text.splitlines():
        assert not problems(line.split("PATH")[-1], touching=False), (line, problems(line))


def test_english_names_the_reason_too(run: Run, tmp_path: Path) -> None:
    missing = str(tmp_path / "x.txt")
    r = run("fmt", missing, "--lang", "en")
    assert r.exit_code == 2
    assert f"{missing}: cannot read: no such file or directory" in r.stderr
