"""Atomic writes: a temporary file beside the target, fsync, then rename.

On any failure the previous file is untouched and the temporary file removed.
Without ``overwrite`` an existing target is never replaced: ``os.link`` fails
atomically when the name exists, so there is no check-then-write race.  Where
hard links are not available (some Windows and network file systems, FAT),
an empty placeholder is created with ``O_CREAT | O_EXCL`` (which also fails
atomically when the name exists) and the temporary file then replaces it.

Portable to Windows: permissions are set by path where ``os.fchmod`` does not
exist (it does on Windows only from Python 3.13), and skipped where the system
cannot set them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_TEMP_PREFIX = 32  # characters of the target's name in the temporary's, so a long name still fits


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> None:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} exists and was not replaced")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:_TEMP_PREFIX]}.", suffix=".tmp",
                               dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            _set_mode(fh.fileno(), tmp, _mode_for(target))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            _publish_new(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(directory)


def _set_mode(fd: int, tmp: str, mode: int) -> None:
    """The new file's permissions: through the descriptor where the system can,
    else by path; a system that cannot set them (mode bits mean little on
    Windows) keeps what ``mkstemp`` gave."""
    fchmod = getattr(os, "fchmod", None)
    try:
        if fchmod is not None:
            fchmod(fd, mode)
        else:
            os.chmod(tmp, mode)
    except (NotImplementedError, PermissionError):
        pass


def _publish_new(tmp: str, target: Path) -> None:
    """Give ``tmp`` the name ``target``, failing with FileExistsError if it exists."""
    link = getattr(os, "link", None)
    if link is not None:
        try:
            link(tmp, target)  # FileExistsError if someone created it meanwhile
        except FileExistsError:
            raise
        except (OSError, NotImplementedError, AttributeError):
            pass  # no hard links here: fall back to an exclusive placeholder
        else:
            os.unlink(tmp)
            return
    placeholder = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                          0o600)
    os.close(placeholder)
    try:
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(target)  # our own empty placeholder
        except OSError:
            pass
        raise


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
