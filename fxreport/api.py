"""The Python API: load, loads, dump, dumps."""

from __future__ import annotations

import os
from pathlib import Path

from .checking.decoder import decode
from .core.fields import SPACES
from .core.findings import Finding
from .core.model import Report, trusted


class ReportDecodeError(ValueError):
    """The bytes are not a readable report; ``findings`` lists every problem."""

    def __init__(self, findings: list[Finding], source: str = "<bytes>") -> None:
        self.findings = findings
        self.source = source
        lines = [f"{source} is not a readable report ({len(findings)} problem(s)):"]
        for f in findings:
            where = (f"row {f.row} columns {f.start}-{f.end} {f.field.display}" if f.field
                     else f"row {f.row}" if f.row else "file")
            lines.append(f"  {where}: [{f.code}] {f.message()}")
        super().__init__("\n".join(lines))


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
    assert d.bank is not None and d.date is not None
    return trusted(d.bank, d.date, d.values)


def load(path: str | os.PathLike[str]) -> Report:
    """Read a report file (at most 64 KiB is read; a larger file is refused)."""
    from .checking.reading import read_path

    return loads(read_path(path), source=str(path))


def dumps(report: Report, *, newline: str = "crlf", sign_style: str = SPACES) -> bytes:
    """The submission file's bytes (CRLF after every record by default)."""
    from .core.codec import encode

    return encode(report, newline=newline, sign_style=sign_style)


def dump(report: Report, path: str | os.PathLike[str], *, newline: str = "crlf",
         sign_style: str = SPACES, overwrite: bool = False) -> Path:
    """Write atomically; ``path`` may be a directory (the file gets its rule name)."""
    from .policy.atomic import write_atomic

    target = Path(path)
    if target.is_dir():
        target = target / report.filename
    write_atomic(target, dumps(report, newline=newline, sign_style=sign_style),
                 overwrite=overwrite)
    return target
