"""Issue 17 item 21: after SIGKILL during `fmt`, a stale `.NAME.txt.XXXX.tmp` stayed for
ever.  Temporary files are now `.fxreport-*.tmp` (FORMAT.md 7.9); a later write into the
folder removes those older than an hour; `check` never deletes anything.

A real kill: a child process writes 2 MiB files in a loop (each fsynced, so a temporary
file lives long enough to be seen), the test waits for the state "a temporary file
exists", kills the child (SIGKILL on POSIX, TerminateProcess on Windows) and looks at
what is left.  Three kills, each bounded by a deadline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from fxreport.policy import atomic
from reports import BYTES2, Run

BIG = 2 * 1024 * 1024
CHILD = f"""
import sys
from fxreport.policy.atomic import write_atomic
folder = sys.argv[1]
n = 0
while True:  # killed from outside
    for i in range(4):
        write_atomic(f"{{folder}}/out{{i}}.bin", bytes([n % 251]) * {BIG}, overwrite=True)
    n += 1
"""
HOUR = 3600


def _temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


def _kill_while_writing(folder: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)])
    try:
        deadline = time.monotonic() + 60
        while not _temporaries(folder):  # the state: a write is under way
            assert proc.poll() is None, "the writer stopped by itself"
            assert time.monotonic() < deadline, "no write seen within 60 s"
            time.sleep(0.001)
    finally:
        proc.kill()
        proc.wait(30)


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_killed_write_leaves_a_named_temporary_that_a_later_write_removes(tmp_path: Path,
                                                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    folder.mkdir()
    left: list[Path] = []
    for _ in range(3):
        _kill_while_writing(folder)
        for f in folder.glob("out*.bin"):  # every target is one whole write, old or new
            data = f.read_bytes()
            assert len(data) == BIG and data == data[:1] * BIG
        left = _temporaries(folder)
        assert all(p.name.startswith(".fxreport-") for p in left), left
    assert left, "no temporary file survived three kills (the child was never mid-write)"

    monkeypatch.setattr(atomic, "_swept", set())  # a new process, as a later command is
    fresh = left[-1]
    for p in left[:-1]:
        _age(p, HOUR + 60)
    atomic.write_atomic(folder / "next.bin", b"x")
    assert _temporaries(folder) == [fresh]  # the old ones went; one under an hour stays


def test_check_never_deletes_and_fmt_build_do(run: Run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ABP1209.txt").write_bytes(BYTES2.replace(b"\r\n", b"\n"))  # fmt rewrites it
    stale = tmp_path / ".fxreport-killed.tmp"
    stale.write_bytes(b"half")
    _age(stale, HOUR + 60)
    other = tmp_path / ".ABP1209.txt.x1y2.tmp"  # not ours: never touched
    other.write_bytes(b"")
    _age(other, 10 * HOUR)

    monkeypatch.setattr(atomic, "_swept", set())
    r = run("check", str(tmp_path / "ABP1209.txt"), "-o", str(tmp_path / "out.txt"))
    assert r.exit_code == 0 and (tmp_path / "out.txt").exists(), r.output  # LF ends are valid
    assert stale.exists()  # check wrote into the folder and deleted nothing

    monkeypatch.setattr(atomic, "_swept", set())
    r = run("fmt", str(tmp_path / "ABP1209.txt"))
    assert r.exit_code == 0, r.output
    assert not stale.exists() and other.exists()

    stale.write_bytes(b"half")
    _age(stale, HOUR + 60)
    monkeypatch.setattr(atomic, "_swept", set())
    r = run("show", str(tmp_path / "ABP1209.txt"), "--format", "xlsx",
            "-o", str(tmp_path / "form.xlsx"))
    assert r.exit_code == 0, r.output
    assert not stale.exists()
