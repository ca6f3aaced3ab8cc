"""construct structures of the three records, built from the layout table.

construct's own string types pad with NUL and refuse Big5, so each field type
gets an Adapter over ``Bytes(width)`` that calls the codecs of
``fxreport.fields``.  The writer builds records with these; the test suite
parses every sample with them and compares with the fast decoder.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from construct import Adapter, Bytes, Const, Construct, Struct

from . import fields as fc
from .layout import AMOUNT, BIG5_TEXT, CODE, RESERVED, ROC_DATE, ROWS, Field


class AmountAdapter(Adapter):  # type: ignore[misc]
    """S9(9); the sign style comes from ``build(..., sign_style=...)``."""

    def _decode(self, obj: bytes, context: Any, path: str) -> int:
        return fc.parse_amount(obj)

    def _encode(self, obj: int, context: Any, path: str) -> bytes:
        style = getattr(context._params, "sign_style", fc.SPACES)
        return fc.format_amount(obj, style, self.subcon.length)


class RocDateAdapter(Adapter):  # type: ignore[misc]
    def _decode(self, obj: bytes, context: Any, path: str) -> _dt.date:
        return fc.parse_roc_date(obj)

    def _encode(self, obj: _dt.date, context: Any, path: str) -> bytes:
        return fc.format_roc_date(obj)


class CodeAdapter(Adapter):  # type: ignore[misc]
    def _decode(self, obj: bytes, context: Any, path: str) -> str:
        return fc.parse_code(obj)

    def _encode(self, obj: str, context: Any, path: str) -> bytes:
        return fc.format_code(obj)


class Big5TextAdapter(Adapter):  # type: ignore[misc]
    def _decode(self, obj: bytes, context: Any, path: str) -> str:
        return fc.parse_big5_text(obj)

    def _encode(self, obj: str, context: Any, path: str) -> bytes:
        return fc.format_big5_text(obj, self.subcon.length)


def field_struct(field: Field) -> Construct:
    raw = Bytes(field.width)
    if field.type == RESERVED:
        return Const(b" " * field.width)
    adapter = {AMOUNT: AmountAdapter, ROC_DATE: RocDateAdapter, CODE: CodeAdapter,
               BIG5_TEXT: Big5TextAdapter}[field.type]
    return adapter(raw)


RECORDS: dict[int, Struct] = {
    row: Struct(*[f.attr / field_struct(f) for f in fs]) for row, fs in ROWS.items()
}
