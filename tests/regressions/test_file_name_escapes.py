"""A file name with escape sequences reached the terminal raw, and one with a newline
forged output lines such as `X.txt: valid` (FORMAT.md 6.7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports import BYTES2 as DAY2, Run

NAMES = ["evil\x1b[2J\x1b[32m.txt", "X.txt: valid\nY.txt", "bidi\u202etxt.exe.txt", "bell\x07.txt"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_check_escapes_control_characters_in_names(run: Run, tmp_path: Path, name: str, lang: str) -> None:
    (tmp_path / name).write_bytes(DAY2)
    r = run("check", "--lang", lang, str(tmp_path / name))
    out = r.stdout + r.stderr
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert not any(line.startswith("Y.txt") for line in out.splitlines())
    assert len([line for line in r.stdout.splitlines() if not line.startswith(" ")]) >= 2


def test_unreadable_names_are_escaped_too(run: Run, tmp_path: Path) -> None:
    r = run("check", str(tmp_path / "gone\x1b[31m.txt"))
    assert r.exit_code == 2 and "\x1b" not in r.stdout + r.stderr
