"""Checking many paths at once: expanding directories, reading safely, series.

A path that cannot be read is reported as ``Unreadable`` and the others are
still checked.  Large batches are spread over the CPU cores; only the few
values continuity needs are kept per file, so memory stays small.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .calendar import BusinessCalendar
from .checker import FileReport, check_bytes, compare, display_path, finish, link_series
from .reading import read_limited, read_path
from ..core.words import word

STDIN = "-"
PARALLEL_THRESHOLD = 1500  # below this, starting workers costs more than it saves


class Unreadable(NamedTuple):
    """A path that could not be checked, and why (a key of ``words.WORDS``)."""

    path: str
    key: str
    detail: str = ""

    def why(self, lang: str = "en") -> str:
        return word(self.key, lang).format(detail=self.detail)

    @property
    def reason(self) -> str:
        return self.why("en")


def expand(paths: Iterable[str]) -> tuple[list[str], list[Unreadable]]:
    """Files to check (a directory gives its ``*.txt`` files, sorted) and problems."""
    files: list[str] = []
    problems: list[Unreadable] = []
    for path in paths:
        if path == STDIN:
            files.append(path)
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            problems.append(_unreadable(display_path(path), exc))
            continue
        if not stat.S_ISDIR(st.st_mode):
            files.append(path)
            continue
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            problems.append(_unreadable(display_path(path), exc))
            continue
        before = len(files) + len(problems)
        for name in names:
            if not name.lower().endswith(".txt"):
                continue
            full = os.path.join(path, name)
            try:
                if stat.S_ISDIR(os.stat(full).st_mode):
                    continue
            except OSError as exc:  # a broken symlink or a loop
                problems.append(_unreadable(display_path(full), exc))
                continue
            files.append(full)
        if len(files) + len(problems) == before:
            problems.append(Unreadable(display_path(path), "no_txt"))
    return files, problems


def _unreadable(path: str, exc: OSError) -> Unreadable:
    import errno

    key = {errno.ENOENT: "not_found", errno.EACCES: "permission", errno.EPERM: "permission",
           errno.EISDIR: "is_dir", errno.ELOOP: "loop", errno.EINVAL: "not_regular"}.get(
        exc.errno or 0, "os_error")
    return Unreadable(path, key, exc.strerror or str(exc))


def check_one(path: str, calendar: BusinessCalendar | None = None) -> FileReport | Unreadable:
    shown = "<stdin>" if path == STDIN else display_path(path)
    try:
        if path == STDIN:
            if sys.stdin is None:
                return Unreadable(shown, "no_stdin")
            result = check_bytes(read_limited(sys.stdin.buffer), None, calendar)
            result.path = shown
            return result
        data = read_path(path)
    except OSError as exc:
        return _unreadable(shown, exc)
    return check_content(path, data, calendar)


def check_content(name: str, data: bytes, calendar: BusinessCalendar | None = None) -> FileReport:
    """One file's content, shown as ``name``, whose base name is naming-checked."""
    result = check_bytes(data, name, calendar)
    result.path = display_path(name)
    return result


def _check_chunk(paths: Sequence[str], calendar: BusinessCalendar | None = None,
                 ) -> list[FileReport | Unreadable]:
    return [check_one(p, calendar) for p in paths]


def check_many(paths: Sequence[str], jobs: int | None = None,
               calendar: BusinessCalendar | None = None) -> list[FileReport | Unreadable]:
    """``check_one`` over ``paths`` in order, in worker processes when there are many."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD or STDIN in paths:
        return [check_one(p, calendar) for p in paths]
    import functools
    import multiprocessing

    size = max(64, len(paths) // (jobs * 8))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ctx.Pool(jobs) as pool:
        out: list[FileReport | Unreadable] = []
        for part in pool.imap(functools.partial(_check_chunk, calendar=calendar), chunks):
            out.extend(part)
    return out


class Outcome(NamedTuple):
    reports: list[FileReport]
    unreadable: list[Unreadable]


def check_paths(paths: Sequence[str], previous: str | None = None,
                calendar: BusinessCalendar | None = None,
                jobs: int | None = None) -> Outcome:
    """Check files and directories as one series (or one file against ``previous``)."""
    calendar = calendar or BusinessCalendar()
    files, unreadable = expand(paths)
    reports: list[FileReport] = []
    shared: dict[object, object] = {}  # one object per firm code and date across the series
    for item in check_many(files, jobs, calendar):
        if isinstance(item, Unreadable):
            unreadable.append(item)
        else:
            item.bank = shared.setdefault(item.bank, item.bank)  # type: ignore[assignment]
            item.date = shared.setdefault(item.date, item.date)  # type: ignore[assignment]
            reports.append(item)
    prev = check_one(previous, calendar) if previous is not None else None
    return _series(reports, unreadable, prev, calendar)


def check_contents(items: Sequence[tuple[str, bytes]],
                   previous: tuple[str, bytes] | None = None,
                   calendar: BusinessCalendar | None = None) -> Outcome:
    """Check in-memory contents ``(name, bytes)`` as one series, exactly as
    ``check_paths`` checks files: each name is the path shown, and its base
    name is naming-checked (the server passes uploaded file names)."""
    calendar = calendar or BusinessCalendar()
    reports = [check_content(name, data, calendar) for name, data in items]
    prev = check_content(*previous, calendar) if previous is not None else None
    return _series(reports, [], prev, calendar)


def _series(reports: list[FileReport], unreadable: list[Unreadable],
            previous: FileReport | Unreadable | None,
            calendar: BusinessCalendar | None) -> Outcome:
    """Continuity against ``previous``, or across the series; findings in order."""
    calendar = calendar or BusinessCalendar()
    if isinstance(previous, Unreadable):
        unreadable.append(previous)
    elif previous is not None:
        for r in reports:
            compare(r, previous, calendar)
    elif len(reports) > 1:
        link_series(reports, calendar)
    finish(reports)
    return Outcome(reports, unreadable)
