"""Issue 17.15 and 17.28: the README's line format showed `START-END CODE` while the
output has `START-END: CODE`; `show --format txt`, `--color`, `--quiet`, `NO_COLOR` and
shell completion were undocumented."""

from __future__ import annotations

import os
import re
import subprocess

from reports import README, Run, SAMPLES, SCRIPT



def test_the_example_line_is_the_output(run: Run) -> None:
    assert "`PATH:ROW:START-END: CODE FIELD(label) message`" in README
    example = next(line for line in README.splitlines()
                   if line.startswith("samples/broken/left-aligned/ABP1209.txt:1:24-33: "))
    path = SAMPLES / "broken" / "left-aligned" / "ABP1209.txt"
    out = run("check", str(path)).stdout
    assert example.replace("samples/", str(SAMPLES) + "/", 1) in out.splitlines()


def test_documented_options_exist(run: Run) -> None:
    for words in ("--format table\\|json\\|csv\\|txt", "--color never", "--color always",
                  "NO_COLOR", "--quiet", "_FXREPORT_COMPLETE=bash_source"):
        assert words in README, words
    assert "txt" in run("show", "--help").stdout
    help_text = run("check", "--help").stdout
    assert "--color [auto|always|never]" in help_text and "--quiet" in help_text


def test_completion_as_documented() -> None:
    command = re.search(r'eval "\$\((_FXREPORT_COMPLETE=bash_source) fxreport\)"', README)
    assert command
    env = {**os.environ, "_FXREPORT_COMPLETE": "bash_source"}
    assert SCRIPT, "the console script is installed beside the interpreter"
    p = subprocess.run([SCRIPT], env=env, capture_output=True, text=True)
    assert p.returncode == 0 and "complete" in p.stdout and "_FXREPORT_COMPLETE" in p.stdout
