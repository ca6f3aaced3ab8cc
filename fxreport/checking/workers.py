"""Checking a long list of files on several cores.

Where the system can fork (Linux, macOS, the BSDs), ``check_forked`` forks
``jobs - 1`` children: the parent checks the first share of the files itself
while each child checks one of the other shares, and then reads the children's
results in order through a pipe.  That costs a fork per child and nothing
else: no ``multiprocessing`` import (about 20 ms and 3 MiB), no process pool,
no threads.  A child sends each clean file's result as a tuple (firm code, date
as an ordinal, the carried amounts, the packed activity) in ``marshal`` frames; a
result with findings, or a file that could not be read, is pickled.

Elsewhere (Windows), or when ``batch.START_METHOD`` names a method,
``check_pooled`` uses a ``multiprocessing`` pool: with "spawn" a worker imports
the checker, never the command line's modules, and gets the calendar once.
"""

from __future__ import annotations

import datetime as _dt
import marshal
import os
import pickle
import struct
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .calendar import BusinessCalendar
from .checker import Entry, _restore

if TYPE_CHECKING:  # batch imports this module when it has many files
    from .batch import Files  # files[i] is the i-th path; files.place(item, i) gives it its path

_LENGTH = struct.Struct("<I")  # each frame of a child's stream starts with its length
_END = 0  # the stream is complete
_FAILED = 0xFFFFFFFF  # the child failed: the rest of the stream says why
_FRAME = 512  # results per frame


# --- fork ----------------------------------------------------------------------------

def check_forked(check: Callable[[str, BusinessCalendar | None], Any], files: Files,
                 jobs: int, calendar: BusinessCalendar | None) -> list[Any]:
    """``[check(files[i], calendar) for i ...]``, shared with ``jobs - 1`` forked children."""
    n = len(files)
    cuts = [n * k // jobs for k in range(jobs + 1)]
    children: list[tuple[int, int]] = []  # (process id, read end of its pipe)
    try:
        for k in range(1, jobs):
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                _child(check, [files[i] for i in range(cuts[k], cuts[k + 1])], calendar, w,
                       [r, *(other for _, other in children)])
            os.close(w)
            children.append((pid, r))
        out = [files.place(check(files[i], calendar), i) for i in range(cuts[0], cuts[1])]
        for k in range(1, jobs):
            pid, r = children[0]
            children[0] = (pid, -1)  # the stream below closes the descriptor
            _receive_share(r, files, cuts[k], cuts[k + 1], out)
            children.pop(0)
            _reap(pid)
        return out
    finally:
        for pid, r in children:  # only after a failure: end and reap the others
            if r >= 0:
                os.close(r)
            try:
                os.kill(pid, 9)  # SIGKILL
            except OSError:
                pass
            _reap(pid, quiet=True)


def _reap(pid: int, quiet: bool = False) -> None:
    _, status = os.waitpid(pid, 0)
    if status and not quiet:
        raise RuntimeError(f"a worker process ended with status {status}")


def _child(check: Callable[[str, BusinessCalendar | None], Any], paths: Sequence[str],
           calendar: BusinessCalendar | None, fd: int, others: list[int]) -> None:
    """Check ``paths``, write the results to ``fd``, and exit without returning
    (``others``: the parent's descriptors this child closes)."""
    code = 0
    try:
        for other in others:
            os.close(other)
        frames, block = [], []
        for p in paths:
            block.append(_wire(check(p, calendar)))
            if len(block) == _FRAME:
                frames.append(marshal.dumps(block))
                block = []
        frames.append(marshal.dumps(block))
        # written only now: a full pipe would otherwise stop this child until the parent,
        # busy with its own share, reads it
        for frame in frames:
            _write_all(fd, _LENGTH.pack(len(frame)))
            _write_all(fd, frame)
        _write_all(fd, _LENGTH.pack(_END))
    except BaseException as exc:  # noqa: BLE001 (said to the parent, which raises)
        code = 1
        try:
            _write_all(fd, _LENGTH.pack(_FAILED) + f"{type(exc).__name__}: {exc}".encode(
                "utf-8", "backslashreplace"))
        except BaseException:  # noqa: BLE001
            pass
    finally:
        os._exit(code)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _wire(item: Any) -> Any:
    """A result as a plain value for ``marshal``: a clean file as (firm code, date's
    ordinal, carried amounts, packed activity); anything else pickled, in a tuple of one."""
    if type(item) is Entry and item._more is None and item.bank is not None and item.date is not None:
        return (item.bank, item.date.toordinal(), item.carried, item._activity)

    if type(item) is Entry:
        item.path = None  # the parent has it
    return (pickle.dumps(item, pickle.HIGHEST_PROTOCOL),)


def _receive_share(fd: int, files: Files, start: int, end: int, out: list[Any]) -> None:
    """Read one child's stream (the results of files ``start`` to ``end``) into ``out``."""
    dates: dict[int, _dt.date] = {}  # each date made once (``place`` shares firm codes too)
    i = start
    with open(fd, "rb", closefd=True) as stream:
        while True:
            head = stream.read(_LENGTH.size)
            if len(head) != _LENGTH.size:
                raise RuntimeError("a worker process ended without its results")
            (size,) = _LENGTH.unpack(head)
            if size == _END:
                break
            if size == _FAILED:
                why = stream.read().decode("utf-8", "replace")
                raise RuntimeError(f"a worker process failed: {why}")
            frame = stream.read(size)
            if len(frame) != size:
                raise RuntimeError("a worker process ended without its results")
            for entry in marshal.loads(frame):
                if len(entry) == 4:
                    bank, ordinal, carried, activity = entry
                    date = dates.get(ordinal)
                    if date is None:
                        date = dates[ordinal] = _dt.date.fromordinal(ordinal)
                    item = _restore(None, None, bank, date, carried, activity, None)
                else:
                    item = pickle.loads(entry[0])  # noqa: S301 (our own child's bytes)
                out.append(files.place(item, i))
                i += 1
    if i != end:
        raise RuntimeError("a worker process ended without its results")


# --- multiprocessing -------------------------------------------------------------------

_worker_calendar: BusinessCalendar | None = None
_worker_check: Callable[[str, BusinessCalendar | None], Any] | None = None


def _start_worker(check: Callable[[str, BusinessCalendar | None], Any],
                  calendar: BusinessCalendar | None) -> None:
    global _worker_calendar, _worker_check
    _worker_calendar, _worker_check = calendar, check


def _check_chunk(paths: Sequence[str]) -> list[Any]:
    out = []
    for p in paths:
        item = _worker_check(p, _worker_calendar)  # type: ignore[misc]  # set by _start_worker before any chunk
        if type(item) is Entry:
            item.path = None  # the parent has it
        out.append(item)
    return out


def check_pooled(check: Callable[[str, BusinessCalendar | None], Any], files: Files,
                 jobs: int, calendar: BusinessCalendar | None, method: str | None) -> list[Any]:
    """``[check(files[i], calendar) for i ...]`` in a ``multiprocessing`` pool."""
    import multiprocessing  # lazy, start-up: the pool only; the forked path never loads it

    n = len(files)
    size = max(64, n // (jobs * 8))
    starts = range(0, n, size)
    chunks = ([files[i] for i in range(a, min(a + size, n))] for a in starts)
    ctx = multiprocessing.get_context(method)
    out: list[Any] = []
    with ctx.Pool(jobs, initializer=_start_worker, initargs=(check, calendar)) as pool:
        for a, part in zip(starts, pool.imap(_check_chunk, chunks)):
            for i, item in enumerate(part, a):
                out.append(files.place(item, i))
    return out
