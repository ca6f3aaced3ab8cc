"""Checking many paths at once: expanding directories, reading safely, series.

A path that cannot be read is reported as ``Unreadable`` and the others are
still checked.  Large batches are spread over the CPU cores; only the few
values continuity needs are kept per file, so memory stays small.
"""

# No `from __future__ import annotations` here: the NamedTuples below are typed with real
# types, which typing checks cheaply; as strings each would be compiled at start-up.

import errno
import functools
import os
import stat
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from .calendar import BusinessCalendar
from .checker import Entry, check_entry
from ..core.words import display_path
from .reading import read_limited, read_path
from ..core.words import reason_text, word

if TYPE_CHECKING:
    from .sidecar import Limits

STDIN = "-"
# Below these many files, starting workers costs more than it saves: a started (spawned)
# worker imports the checker; a forked one costs a fork, so each takes a share of at least
# half of FORK_THRESHOLD files.
PARALLEL_THRESHOLD = 1500
FORK_THRESHOLD = 250


class Unreadable(NamedTuple):
    """A path that could not be checked, and why (a key of ``words.WORDS``)."""

    path: str
    key: str
    detail: str = ""

    def why(self, lang: str = "en") -> str:
        return word(self.key, lang).format(detail=reason_text(self.detail, lang))

    @property
    def reason(self) -> str:
        return self.why("en")


def expand(paths: Iterable[str]) -> tuple[list[str], list[Unreadable]]:
    """Files to check (a directory gives its ``*.txt`` files, sorted) and problems."""
    files, problems = expand_files(paths)
    return [files[i] for i in range(len(files))], problems


class Files:
    """The files of one check, each as its folder's string (one for all of a folder's
    files, ending with a separator; "" for a path given as it is) and its name."""

    __slots__ = ("folders", "names", "_last", "_shared")

    def __init__(self, folders: list[str], names: list[str]) -> None:
        self.folders = folders
        self.names = names
        self._last: Entry | None = None  # the entry placed last
        self._shared: dict[Any, Any] = {}  # one object per firm code and per date

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, i: int) -> str:
        return self.folders[i] + self.names[i]

    def place(self, item: Entry | Unreadable, i: int) -> Entry | Unreadable:
        """``item`` (the result of file ``i``) with that file's path, as shown.  As each
        file's entry arrives, what it has in common with the others is held once: one
        object per firm code and per date across the check, and the carried amounts of
        the entry placed before it where they are carried over (``Entry.share_carried``:
        a folder's files come in date order)."""
        if type(item) is Entry:
            folder, name = self.folders[i], self.names[i]
            if folder:
                item._place(folder, name)
            elif name != STDIN:  # (standard input's is "<stdin>", from check_one)
                item.path = display_path(name)
            shared = self._shared
            item.bank = shared.setdefault(item.bank, item.bank)
            item.date = shared.setdefault(item.date, item.date)
            if self._last is not None:
                item.share_carried(self._last)
            self._last = item
        return item


def expand_files(paths: Iterable[str]) -> tuple[Files, list[Unreadable]]:
    folders: list[str] = []
    names: list[str] = []
    problems: list[Unreadable] = []
    paths = list(paths)
    # FORMAT.md 7.2: a file named twice (the same path, or a folder and a file in it) is
    # one file; looked for only when there is more than one path to name it twice
    seen: set[str] | None = set() if len(paths) > 1 else None
    for path in paths:
        if path == STDIN:
            if _new(seen, STDIN):
                folders.append("")
                names.append(path)
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            problems.append(_unreadable(display_path(path), exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            _add_folder(path, folders, names, problems, seen)
        elif seen is None or _new(seen, _same_file_key(path)):
            folders.append("")
            names.append(path)
    return Files(folders, names), problems


def _new(seen: set[str] | None, key: str) -> bool:
    """Whether ``key`` is named for the first time (always, when ``seen`` is None); it is
    then seen."""
    if seen is None:
        return True
    if key in seen:
        return False
    seen.add(key)
    return True


def _add_folder(path: str, folders: list[str], names: list[str], problems: list[Unreadable],
                seen: set[str] | None) -> None:
    """A folder's files onto ``names`` (each with the folder, one string for all), or
    ``no_txt`` when it has none and none was left out as named already."""
    before = len(names) + len(problems)
    folder = os.path.join(path, "")  # folder + name == os.path.join(path, name)
    if _folder(path, names, problems, seen):
        before = -1  # the folder has files, named already
    folders += [folder] * (len(names) - len(folders))  # one string for all
    if len(names) + len(problems) == before:
        problems.append(Unreadable(display_path(path), "no_txt"))


def _same_file_key(path: str) -> str:
    """One string for every path that names this file through the same folder (its
    folder's real path, and its name as the system compares names)."""
    head, tail = os.path.split(path)
    return os.path.join(os.path.normcase(os.path.realpath(head or os.curdir)), os.path.normcase(tail))


def _folder(path: str, names: list[str], problems: list[Unreadable],
            seen: set[str] | None = None) -> bool:
    """A folder's ``*.txt`` files, sorted by name, onto ``names`` (what cannot be listed or
    followed onto ``problems``); with ``seen``, a file named already is left out (FORMAT.md
    7.2).  True when some file was left out so."""
    try:
        with os.scandir(path) as found:
            entries = sorted((e for e in found if e.name.lower().endswith(".txt")), key=_name)
    except OSError as exc:
        problems.append(_unreadable(display_path(path), exc))
        return False
    inside = _same_file_key(os.path.join(path, "")) if seen is not None else ""
    named_already = False
    for entry in entries:
        try:
            # the directory listing says what an entry is: a stat only for a symbolic link
            # (what it points to) or where the file system does not say
            if entry.is_dir(follow_symlinks=False) or (
                    entry.is_symlink() and stat.S_ISDIR(os.stat(entry.path).st_mode)):
                continue
        except OSError as exc:  # a broken symlink or a loop
            problems.append(_unreadable(display_path(entry.path), exc))
            continue
        if seen is not None:
            key = os.path.join(inside, os.path.normcase(entry.name))
            if key in seen:
                named_already = True
                continue
            seen.add(key)
        names.append(entry.name)
    return named_already


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _unreadable(path: str, exc: OSError) -> Unreadable:
    key = {errno.ENOENT: "not_found", errno.EACCES: "permission", errno.EPERM: "permission",
           errno.EISDIR: "is_dir", errno.ELOOP: "loop", errno.EINVAL: "not_regular"}.get(
        exc.errno or 0, "os_error")
    return Unreadable(path, key, exc.strerror or str(exc))


def check_one(path: str, calendar: BusinessCalendar | None = None,
              limits: "Limits | None" = None) -> Entry | Unreadable:
    shown = "<stdin>" if path == STDIN else display_path(path)
    try:
        if path == STDIN:
            if sys.stdin is None:
                return Unreadable(shown, "no_stdin")
            result = check_entry(read_limited(sys.stdin.buffer), None, calendar, limits)
            result.path = shown
            return result
        data = read_path(path)
    except OSError as exc:
        return _unreadable(shown, exc)
    return check_content(path, data, calendar, limits)


def check_content(name: str, data: bytes, calendar: BusinessCalendar | None = None,
                  limits: "Limits | None" = None) -> Entry:
    """One file's content, shown as ``name``, whose base name is naming-checked; with
    ``limits``, its firm's position limits (FORMAT.md 7.5)."""
    result = check_entry(data, name, calendar, limits)
    result.path = display_path(name)
    return result


START_METHOD: str | None = None  # None: fork where the system can, else multiprocessing's default


def check_files(files: Files, jobs: int | None, calendar: BusinessCalendar | None,
                limits: "Limits | None" = None) -> list[Entry | Unreadable]:
    """``check_one`` over ``files`` in order, in worker processes when there are many."""
    check: Any = check_one
    if limits:  # (a partial of a module's function: a worker process can be given it)
        check = functools.partial(check_one, limits=limits)
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    fork = START_METHOD is None and hasattr(os, "fork")
    if fork:
        jobs = min(jobs, len(files) // max(1, FORK_THRESHOLD // 2))
    if (jobs <= 1 or len(files) < (FORK_THRESHOLD if fork else PARALLEL_THRESHOLD)
            or STDIN in files.names):
        return [files.place(check(files[i], calendar), i) for i in range(len(files))]
    from . import workers  # lazy, start-up: worker processes only for many files

    if fork:
        return workers.check_forked(check, files, jobs, calendar)
    return workers.check_pooled(check, files, jobs, calendar, START_METHOD)

