"""The Python API: load, loads, dump, dumps."""

from __future__ import annotations

import os
from pathlib import Path

from .checking.decoder import decode
from .checking.reading import read_path
from .core.fields import Newline as Newline  # re-exported: the line terminator's names
from .core.fields import SignStyle as SignStyle  # re-exported: '      -123' or '-000000123'
from .core.findings import Finding
from .core.model import Report, trusted, trusted_amounts
from .core.words import word
from .policy import making as _making  # its functions looked up when called: one writer
from .policy import writing as _writing  # (the same: `write_report`, the one writer)
from .policy.refused import ReportInvalidError as ReportInvalidError  # re-exported
from .policy.refused import finding_lines as _finding_lines


class ReportDecodeError(ValueError):
    """The bytes are not a readable report; ``findings`` lists every problem."""

    def __init__(self, findings: list[Finding], source: str = "<bytes>") -> None:
        self.findings = findings
        self.source = source
        super().__init__(self.text())

    def text(self, lang: str = "en") -> str:
        """Every problem, one a line, in English or Traditional Chinese."""
        return "\n".join([word("report_unreadable", lang, source=self.source,
                                count=len(self.findings)), *_finding_lines(self.findings, lang)])


# What ``loads`` must refuse: the bytes cannot be represented by a Report
# without losing data.  Arithmetic, continuity and naming are ``check``'s.
_BLOCKING = frozenset({"encoding", "structure", "field", "reserved", "consistency"})


def loads(data: bytes, *, source: str = "<bytes>") -> Report:
    """Read a report from bytes; raise ReportDecodeError with every problem."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"loads() takes bytes, not {type(data).__name__}; "
                        "open the file in binary mode or use fxreport.load(path)")
    d = decode(bytes(data))
    errors = [f for f in d.findings if f.severity == "error" and f.category in _BLOCKING]
    if errors:
        raise ReportDecodeError(errors, source)
    bank, date = d.bank, d.date
    assert bank is not None and date is not None
    if d.ints is not None:  # every field parsed: every amount, in the layout's order
        return trusted_amounts(bank, date, d.ints)
    return trusted(bank, date, d.values)


def load(path: str | os.PathLike[str]) -> Report:
    """Read a report file (at most 64 KiB is read; a larger file is refused)."""
    return loads(read_path(path), source=str(path))


def dumps(report: Report, *, newline: Newline = "crlf", sign_style: SignStyle = "spaces",
          check: bool = True) -> bytes:
    """The submission file's bytes (CRLF after every record by default).

    The bytes are checked first: an error that ``fxreport check`` would find
    (an identity that does not hold, a date the file cannot hold, ...) raises
    ``ReportInvalidError`` listing every one.  ``check=False`` encodes without
    checking.
    """
    return _making.checked_bytes(report, newline=newline, sign_style=sign_style, check=check)[0]


def dump(report: Report, path: str | os.PathLike[str], *, newline: Newline = "crlf",
         sign_style: SignStyle = "spaces", overwrite: bool = False, check: bool = True) -> Path:
    """Check, then write atomically; return the path written.

    ``path`` may be a directory (the file gets its rule name, ``ABP1209.txt``).
    An error found by the check raises ``ReportInvalidError`` and nothing is
    written (``check=False`` skips the check and the naming rule).  An existing
    file raises ``FileExistsError``, and a file name that breaks the naming rule
    ``fxreport.policy.writing.WriteRefused`` (an ``OSError``), unless ``overwrite=True``.
    """
    return _writing.write_report(report, path, force=overwrite, newline=newline,
                        sign_style=sign_style, check=check).path
