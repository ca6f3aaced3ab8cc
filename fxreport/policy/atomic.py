"""Atomic writes: a temporary file beside the target, fsync, then rename.

On any failure the previous file is untouched and the temporary file removed.
Without ``overwrite`` an existing target is never replaced (``os.link`` fails
atomically when the name exists, so there is no check-then-write race).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> None:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} exists; pass --force (overwrite=True) to replace it")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # FileExistsError if someone created it meanwhile
            os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(directory)


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plain ``open`` would give a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
