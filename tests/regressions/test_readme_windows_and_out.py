"""Defect 20: the README's day in the life left out/ in the checkout, and the README
had no commands for Windows."""

from __future__ import annotations

import re
from reports import README, ROOT



def test_out_is_ignored_and_powershell_commands_follow_the_posix_ones() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "/out/" in ignored or "out/" in ignored
    readme = README
    assert "mkdir -p out" in readme
    for marker in ("<!-- run-command -->", "<!-- test-command -->"):
        after = readme.split(marker, 1)[1]
        blocks = re.findall(r"```(\w+)\n(.*?)```", after, re.S)
        assert blocks[0][0] == "sh" and ".venv/bin/" in blocks[0][1]
        assert blocks[1][0] == "powershell"
        assert "py -m venv .venv" in blocks[1][1] and ".venv\\Scripts\\" in blocks[1][1]
