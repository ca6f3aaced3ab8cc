"""Text files as bytes: the one byte-order-mark strip and the one decoding.

Spreadsheets save CSV as UTF-8 with a byte order mark (Excel's "CSV UTF-8"), as UTF-8
without one (LibreOffice) or as Big5 (a zh-TW Windows Excel's plain "CSV"); editors
save UTF-8.  Every text input decodes here: build's JSON and CSV, the limits and
verified files, the closed- and open-day files.  Each caller words the refusal its own
way (an input problem, a limits-file error, a calendar error).
"""

from __future__ import annotations

from .fields import BOMS

UTF8_BOM = BOMS["UTF-8"]
UTF16_BOMS = (BOMS["UTF-16-LE"], BOMS["UTF-16-BE"])


class NotText(ValueError):
    """Bytes that are neither UTF-8 nor Big5 text; ``utf16`` when they look like UTF-16,
    whose remedy differs."""

    def __init__(self, utf16: bool) -> None:
        super().__init__("UTF-16 text" if utf16 else "neither UTF-8 nor Big5 (cp950) text")
        self.utf16 = utf16


def strip_bom(data: bytes) -> bytes:
    """The bytes without a leading UTF-8 byte order mark."""
    return data.removeprefix(UTF8_BOM)


def decode_text(data: bytes, *, nul_is_utf16: bool = False) -> str:
    """UTF-8 (with or without a byte order mark), else Big5 (cp950); else ``NotText``.

    ``nul_is_utf16``: a NUL byte anywhere is taken for UTF-16 without its byte order mark
    (a list of dates or limits holds none; build's CSV reader instead names the cell
    that holds one)."""
    if data.startswith(UTF16_BOMS) or (nul_is_utf16 and b"\x00" in data):
        raise NotText(utf16=True)
    data = strip_bom(data)
    for codec in ("utf-8", "cp950"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise NotText(utf16=False)
