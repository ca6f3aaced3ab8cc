"""Atomic writes: a temporary file beside the target, fsync, then rename.

On any failure the previous file is untouched and the temporary file removed.
A process killed in the middle (power cut, SIGKILL) can leave its temporary
file: they are all named ``.fxreport-*.tmp`` (FORMAT.md 7.9), and a later
write into the same folder removes those older than an hour (``STALE_AFTER``),
once per folder and process; ``fxreport check`` writes with ``sweep=False``,
as it never deletes anything.

Symbolic links (one policy for every command): a target that is a symlink is
written through, as ``open()`` would: the file it points to is replaced, in its
own folder, and the link stays.  The replace is a rename, so the target is a
new file: another hard link to the old file keeps the old content.
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
import stat
import tempfile
import time
from pathlib import Path

TEMP_PREFIX, TEMP_SUFFIX = ".fxreport-", ".tmp"
STALE_AFTER = 3600.0  # seconds: an older temporary file is a killed write's, never a live one
_swept: set[str] = set()  # folders swept by this process


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False,
                 sweep: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; without ``overwrite`` an existing file is
    never replaced (``FileExistsError``).  ``sweep``: remove stale temporary files of
    the folder first (see the module's notes)."""
    target = Path(path)
    if target.is_symlink():  # written through: the file it names is the one replaced
        target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    if sweep:
        sweep_stale(directory)
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} exists and was not replaced")
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=directory)
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


def sweep_stale(directory: str | os.PathLike[str], *, older_than: float = STALE_AFTER) -> list[str]:
    """Remove the folder's ``.fxreport-*.tmp`` regular files older than ``older_than``
    seconds (once per folder and process); the names removed.  Never fails: a file that
    cannot be removed is left for another time."""
    key = os.path.abspath(directory)
    if key in _swept:
        return []
    _swept.add(key)
    removed: list[str] = []
    limit = time.time() - older_than
    try:
        entries = os.scandir(directory)
    except OSError:
        return removed
    with entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                    os.unlink(entry.path)
                    removed.append(name)
            except OSError:
                continue
    return removed


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
