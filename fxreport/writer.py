"""Report -> bytes, through the construct structures of ``fxreport.structs``."""

from __future__ import annotations

from .fields import SIGN_STYLES, SPACES, FieldValueError
from .layout import AMOUNT, ROWS
from .model import Report

NEWLINES = {"crlf": b"\r\n", "lf": b"\n"}


def encode(report: Report, *, newline: str = "crlf", sign_style: str = SPACES) -> bytes:
    """The submission file's bytes: three 213-byte records, each followed by ``newline``."""
    from construct import ConstructError

    from .structs import RECORDS

    if newline not in NEWLINES:
        raise FieldValueError(f"newline must be one of {', '.join(NEWLINES)}, not {newline!r}")
    if sign_style not in SIGN_STYLES:
        raise FieldValueError(
            f"sign style must be one of {', '.join(SIGN_STYLES)}, not {sign_style!r}")
    end = NEWLINES[newline]
    out = []
    for row in (1, 2, 3):
        values = getattr(report, f"row{row}")
        obj = {"bank": report.bank, "date": report.date}
        obj.update({f.attr: getattr(values, f.attr) for f in ROWS[row] if f.type == AMOUNT})
        try:
            out.append(RECORDS[row].build(obj, sign_style=sign_style))
        except ConstructError as exc:  # a field the model let through but bytes cannot hold
            raise FieldValueError(f"row {row}: {exc}") from None
        out.append(end)
    return b"".join(out)
