"""Text build input as bytes: the one byte-order-mark strip and the one decoding.

Spreadsheets save CSV as UTF-8 with a byte order mark (Excel's "CSV UTF-8"),
as UTF-8 without one (LibreOffice) or as Big5 (a zh-TW Windows Excel's plain
"CSV"); JSON editors save UTF-8.  Every text reader (JSON, CSV, and the limits
and verified files) decodes here.
"""

from __future__ import annotations

from ..core.problems import InputError, InputProblem, Where

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def strip_bom(data: bytes) -> bytes:
    """The bytes without a leading UTF-8 byte order mark."""
    return data.removeprefix(UTF8_BOM)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark), else Big5 (cp950); else an input problem.

    UTF-16 (Excel's "Unicode Text") is named, since its remedy differs."""
    if data.startswith(UTF16_BOMS):
        raise InputError([InputProblem(Where(), "text_utf16")])
    data = strip_bom(data)
    for codec in ("utf-8", "cp950"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise InputError([InputProblem(Where(), "not_text")])
