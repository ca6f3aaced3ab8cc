"""Reading report files safely: regular files only, never more than the size limit.

A FIFO or device would block or never end, so anything but a regular file is
refused; a multi-GB file costs one bounded read (SIZE_LIMIT + 1 bytes).
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from .decoder import SIZE_LIMIT


def read_limited(fh: BinaryIO, limit: int = SIZE_LIMIT) -> bytes:
    """At most ``limit + 1`` bytes: enough to know that a stream is too large."""
    chunks = []
    left = limit + 1
    while left > 0:
        chunk = fh.read(left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_path(path: str | os.PathLike[str], limit: int = SIZE_LIMIT) -> bytes:
    """The first ``limit + 1`` bytes of a regular file; OSError for anything else."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        left = limit + 1
        # as much as the size says, and one byte more to see that the end is there: one read
        # of the usual file, into a buffer of its own size
        first = os.read(fd, min(left, st.st_size + 1, 1 << 20))
        if len(first) == st.st_size or not first:
            return first
        chunks = [first]  # a file that changed size while being read: read on to its end
        left -= len(first)
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
