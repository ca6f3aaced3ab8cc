"""Writing the files fxreport makes: the write policy.

A report is checked, then named, then written atomically (a temporary file, then a
rename); an existing file is never replaced without ``force``; a name that breaks the
naming rule needs ``force``; every refusal says why in the reader's language (words in
``fxreport.core.words.WRITE``).  ``fxreport.dump``, ``fxreport build``, ``roll --write``
and the commands that write other files (workbooks, CSV) all come here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from ..core.fields import SPACES
from ..core.findings import Finding
from ..core.model import Report
from ..core.words import os_reason, shown_path, write_message
from .atomic import write_atomic
from .making import Previous, checked_bytes

__all__ = ["ReportExistsError", "WriteOutcome", "WriteRefused", "target_for", "write_file",
           "write_report"]


def target_for(report: Report, output: str | os.PathLike[str] | None) -> Path:
    """``-o DIR`` (or nothing: the current directory) gets the rule name; ``-o FILE`` is kept."""
    text = os.fspath(output) if output is not None else ""
    path = Path(text) if text else Path(".")
    return path / report.filename if text.endswith(("/", "\\")) or path.is_dir() else path


class WriteRefused(OSError):
    """A report that was not written: the target exists, its name breaks the
    naming rule, or the system refused (``reason``).  ``message(lang)`` says
    which in English or Traditional Chinese (words in ``fxreport.core.words.WRITE``)."""

    def __init__(self, key: str, path: str | os.PathLike[str], **params: Any) -> None:
        self.key = key
        self.path = os.fspath(path)
        self.params = params
        super().__init__(self.message())

    def message(self, lang: str = "en") -> str:
        params = {"path": shown_path(self.path), "name": shown_path(Path(self.path).name),
                  **self.params}
        cause = params.get("reason")
        if isinstance(cause, BaseException):
            params["reason"] = os_reason(cause, lang)
        return write_message(self.key, lang, params)

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self) -> Any:
        return (_refused, (type(self), self.key, self.path, self.params))


class ReportExistsError(WriteRefused, FileExistsError):
    """The target exists and ``force`` (``overwrite``) was not given."""


def _refused(cls: type[WriteRefused], key: str, path: str, params: dict[str, Any]) -> WriteRefused:
    return cls(key, path, **params)


class WriteOutcome(NamedTuple):
    path: Path  # the file written
    warnings: list[Finding]  # the check's warnings (errors refuse the write)
    expected_name: str  # the name the naming rule gives
    name_breaks_rule: bool  # written under another name (``force``)


def write_report(report: Report, output: str | os.PathLike[str] | None = None, *,
                 force: bool = False, newline: str = "crlf", sign_style: str = SPACES,
                 check: bool = True, previous: Previous | None = None) -> WriteOutcome:
    """Check, then name, then write atomically; never replace a file without ``force``.

    ``output`` is a directory (the file gets the rule name, ``ABP1209.txt``;
    default: the current directory) or a file name (FORMAT.md 7.9: a folder when it
    ends with a path separator, created when missing, or is an existing folder).  Every write of a report,
    ``fxreport.dump``, ``fxreport build`` and ``roll --write``, comes here.

    - ``check``: an error found by ``fxreport check`` raises
      ``fxreport.ReportInvalidError`` and nothing is written; warnings are
      returned.  ``check=False`` writes what the report holds, and under any name.
    - ``previous``: continuity with the report before (CNT001, CNT002, CNT003) is
      checked too, before anything is written.
    - a file name that breaks the naming rule raises ``WriteRefused`` unless
      ``force``; an existing file raises ``ReportExistsError`` (a
      ``FileExistsError``) unless ``force``; any system error raises
      ``WriteRefused`` (an ``OSError``) whose ``message(lang)`` says why.
    """

    data, warnings = checked_bytes(report, newline=newline, sign_style=sign_style, check=check,
                                   previous=previous)
    try:
        target = target_for(report, output)
    except OSError as exc:  # a name too long for the file system, ...
        raise WriteRefused("cannot_write", os.fspath(output or "."), reason=exc) from exc
    breaks = target.name != report.filename
    if breaks and check and not force:
        raise WriteRefused("name_breaks_rule", target, expected=report.filename)
    if os.fspath(output or "").endswith(("/", "\\")):  # a folder given as one (FORMAT.md 7.9)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteRefused("cannot_write", target, reason=exc) from exc
    write_file(target, data, force=force)
    return WriteOutcome(target, warnings, report.filename, breaks)


def write_file(target: str | os.PathLike[str], data: bytes, *, force: bool = False,
               sweep: bool = True) -> None:
    """Atomic write of any file fxreport makes; an existing file needs ``force``;
    ``sweep=False`` leaves the folder's stale temporary files (``check`` deletes nothing).
    Raises ``ReportExistsError`` or ``WriteRefused``, whose words are the catalogue's."""
    try:
        write_atomic(target, data, overwrite=force, sweep=sweep)
    except FileExistsError as exc:
        raise ReportExistsError("exists", target) from exc
    except OSError as exc:
        raise WriteRefused("cannot_write", target, reason=exc) from exc
