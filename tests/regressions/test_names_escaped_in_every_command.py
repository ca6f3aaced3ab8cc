"""Defect 8 (every command): a file name with escapes or a newline reached the terminal raw in
build, fmt and show, and could forge an output line (FORMAT.md 6.7)."""

from __future__ import annotations

from pathlib import Path

from reports import BYTES2, Run, put

NAME = "evil\x1b[2J\nX.txt: valid"


def _clean(text: str) -> None:
    assert "\x1b" not in text
    assert not any(line.startswith("X.txt: valid") for line in text.splitlines()), text


def test_build_fmt_and_show_escape_the_name(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / (NAME + ".json")
    bad.write_text("not json", encoding="utf-8")
    r = run("build", str(bad), "-o", str(tmp_path))
    assert r.exit_code == 1
    _clean(r.output)
    report = tmp_path / (NAME + ".txt")
    report.write_bytes(put(BYTES2, 1, 44, b"      -749"))
    for args in (["fmt", str(tmp_path)], ["show", str(report)], ["roll", str(report)]):
        r = run(*args)
        _clean(r.output)
        assert "\\x1B" in r.output or r.exit_code == 0, (args, r.output)
