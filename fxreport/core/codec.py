"""Report -> bytes: construct structures generated from a layout value.

Each record's ``Struct`` is built from the layout's records, each field's subcon
coming from its type (``FieldType.construct``), so the writer knows no column
and no format of its own.  ``fxreport.checking.decoder`` is the reading side, because
reading must collect every problem instead of stopping at the first.
"""

from __future__ import annotations

from typing import Any

from .fields import AMOUNT, NEWLINES, SIGN_STYLES, SPACES, FieldValueError
from .layout import FX_POSITION, Layout

_STRUCTS: dict[int, tuple[Layout, dict[int, Any]]] = {}  # by id() of the layout


def record_structs(layout: Layout = FX_POSITION) -> dict[int, Any]:
    """One construct ``Struct`` per row of ``layout``, made once per layout (construct is
    imported on first use: checking never needs it)."""
    found = _STRUCTS.get(id(layout))
    if found is None or found[0] is not layout:
        from construct import Struct  # lazy, heavy: construct

        found = _STRUCTS[id(layout)] = (layout, {
            row: Struct(*[f.attr / f.type.construct(f.width) for f in fs])
            for row, fs in enumerate(layout.records, 1)})
    return found[1]


def encode(report: Any, *, newline: str = "crlf", sign_style: str = SPACES,
           layout: Layout | None = None) -> bytes:
    """The submission file's bytes: the layout's records (today's annex: three of 213
    bytes), each followed by ``newline``.  ``layout`` is the report model's own
    (``type(report).layout``) unless given."""
    if newline not in NEWLINES:
        raise FieldValueError(f"newline must be one of {', '.join(NEWLINES)}, not {newline!r}")
    if sign_style not in SIGN_STYLES:
        raise FieldValueError(
            f"sign style must be one of {', '.join(SIGN_STYLES)}, not {sign_style!r}")
    if layout is None:
        layout = getattr(type(report), "layout", FX_POSITION)
    end = NEWLINES[newline]
    structs = record_structs(layout)
    heads = {f.attr: getattr(report, f.attr) for f in layout.heads}
    out = []
    for row, fields in enumerate(layout.records, 1):
        values = getattr(report, f"row{row}")
        obj = dict(heads)
        obj.update({f.attr: getattr(values, f.attr) for f in fields if f.type is AMOUNT})
        out.append(structs[row].build(obj, sign_style=sign_style))
        out.append(end)
    return b"".join(out)
