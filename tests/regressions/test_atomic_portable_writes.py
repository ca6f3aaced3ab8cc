"""Defect 18: writes used os.fchmod (Windows only from Python 3.13) and relied on os.link.

Without os.fchmod the mode is set by path; where os.link fails or is missing an
exclusive placeholder keeps "never overwrite without force" race-safe.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fxreport.policy import atomic


def _no_link(*args: object) -> None:
    raise OSError(1, "Operation not permitted")  # what FAT or some shares answer


def _no_link_support(*args: object) -> None:
    raise AttributeError("link")


@pytest.mark.parametrize("link", ["raises", "attribute-error", "missing", "present"])
def test_writes_work_without_fchmod_and_without_hard_links(link: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fchmod", raising=False)
    if link == "raises":
        monkeypatch.setattr(os, "link", _no_link)
    elif link == "attribute-error":
        monkeypatch.setattr(os, "link", _no_link_support)
    elif link == "missing":
        monkeypatch.delattr(os, "link")
    target = tmp_path / "ABP1209.txt"
    atomic.write_atomic(target, b"one")
    assert target.read_bytes() == b"one"
    if os.name == "posix":
        mask = os.umask(0)
        os.umask(mask)
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    with pytest.raises(FileExistsError):
        atomic.write_atomic(target, b"two")
    assert target.read_bytes() == b"one"
    # a file that appears between the check and the rename is not replaced either
    late = tmp_path / "late.txt"
    real_exists = Path.exists
    monkeypatch.setattr(Path, "exists", lambda self: False if self == late else real_exists(self))
    real_mkstemp = atomic.tempfile.mkstemp

    def mkstemp_then_someone_writes(*a, **k):  # type: ignore[no-untyped-def]
        out = real_mkstemp(*a, **k)
        late.write_bytes(b"theirs")
        return out

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp_then_someone_writes)
    with pytest.raises(FileExistsError):
        atomic.write_atomic(late, b"mine")
    assert late.read_bytes() == b"theirs"
    atomic.write_atomic(target, b"three", overwrite=True)
    assert target.read_bytes() == b"three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ABP1209.txt", "late.txt"]
