"""Issue 17 item 22: `build --force` replaced a symlink while `fmt` wrote through it.  One
policy for every command (FORMAT.md 7.9, README "Writing files"): a target that is a
symlink is written through (the file it points to is replaced, the link stays), and an
atomic replace leaves another hard link to the old file with the old content."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reports import BYTES2, Run

LF = BYTES2.replace(b"\r\n", b"\n")  # valid, and not canonical: fmt rewrites it


def _linked(tmp_path: Path, name: str, old: bytes) -> tuple[Path, Path, Path]:
    """``name`` a symlink to real/name, and hard.lnk a hard link to the same real file."""
    real = tmp_path / "real" / name
    real.parent.mkdir(exist_ok=True)
    real.write_bytes(old)
    link = tmp_path / name
    try:
        os.symlink(real, link)
    except (OSError, NotImplementedError) as exc:  # Windows without the privilege
        pytest.skip(f"cannot make a symlink here: {exc}")
    hard = tmp_path / f"{name}.hard"
    os.link(real, hard)
    return link, real, hard


def _written_through(link: Path, real: Path, hard: Path, old: bytes) -> bytes:
    assert link.is_symlink() and os.path.realpath(link) == os.path.realpath(real)
    assert hard.read_bytes() == old  # the other hard link keeps the old content
    new = real.read_bytes()
    assert new != old
    return new


@pytest.mark.parametrize("command", ["fmt", "build", "show", "check"])
def test_every_command_writes_through_a_symlink(run: Run, tmp_path: Path, command: str) -> None:
    source = tmp_path / "source" / "ABP1209.txt"
    source.parent.mkdir()
    source.write_bytes(BYTES2)
    if command == "fmt":
        link, real, hard = _linked(tmp_path, "ABP1209.txt", LF)
        args = ["fmt", str(link)]
    elif command == "build":
        shown = run("show", str(source), "--format", "json")
        (tmp_path / "in.json").write_text(shown.output, encoding="utf-8")
        link, real, hard = _linked(tmp_path, "ABP1209.txt", LF)
        args = ["build", str(tmp_path / "in.json"), "-o", str(link), "--force"]
    elif command == "show":
        link, real, hard = _linked(tmp_path, "form.xlsx", b"old")
        args = ["show", str(source), "--format", "xlsx", "-o", str(link), "--force"]
    else:
        link, real, hard = _linked(tmp_path, "result.txt", b"old")
        args = ["check", str(source), "-o", str(link), "--force"]
    old = real.read_bytes()
    r = run(*args)
    assert r.exit_code == 0, r.output
    new = _written_through(link, real, hard, old)
    if command in ("fmt", "build"):
        assert new == BYTES2
    assert [p.name for p in link.parent.iterdir() if p.name.endswith(".tmp")] == []
