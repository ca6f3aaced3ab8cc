"""Report -> bytes: construct structures generated from the layout table.

Each record's ``Struct`` is built from the layout rows, each field's subcon
coming from its type (``FieldType.construct``), so the writer knows no column
and no format of its own.  ``fxreport.checking.decoder`` is the reading side, because
reading must collect every problem instead of stopping at the first.
"""

from __future__ import annotations

import functools
from typing import Any

from .fields import AMOUNT, SIGN_STYLES, SPACES, FieldValueError
from .layout import ROWS

NEWLINES = {"crlf": b"\r\n", "lf": b"\n"}


@functools.lru_cache(maxsize=None)
def record_structs() -> dict[int, Any]:
    """One construct ``Struct`` per row, generated from the layout (construct is
    imported on first use: checking never needs it)."""
    from construct import Struct

    return {row: Struct(*[f.attr / f.type.construct(f.width) for f in fs])
            for row, fs in ROWS.items()}


def encode(report: Any, *, newline: str = "crlf", sign_style: str = SPACES) -> bytes:
    """The submission file's bytes: three 213-byte records, each followed by ``newline``."""
    if newline not in NEWLINES:
        raise FieldValueError(f"newline must be one of {', '.join(NEWLINES)}, not {newline!r}")
    if sign_style not in SIGN_STYLES:
        raise FieldValueError(
            f"sign style must be one of {', '.join(SIGN_STYLES)}, not {sign_style!r}")
    end = NEWLINES[newline]
    structs = record_structs()
    out = []
    for row, fields in ROWS.items():
        values = getattr(report, f"row{row}")
        obj = {"bank": report.bank, "date": report.date}
        obj.update({f.attr: getattr(values, f.attr) for f in fields if f.type is AMOUNT})
        out.append(structs[row].build(obj, sign_style=sign_style))
        out.append(end)
    return b"".join(out)
