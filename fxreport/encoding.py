"""Naming a file's encoding: BOMs, NUL patterns, binary signatures, Big5 vs UTF-8.

The order is the issue's: BOM sniff, NUL pattern, ASCII, strict cp950, strict
UTF-8, and only then chardet's guess (imported lazily: it is slow to import).
"""

from __future__ import annotations

import re

from .fields import BIG5

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32-LE (with BOM)"),
    (b"\x00\x00\xfe\xff", "UTF-32-BE (with BOM)"),
    (b"\xff\xfe", "UTF-16-LE (with BOM)"),
    (b"\xfe\xff", "UTF-16-BE (with BOM)"),
)

_SIGNATURES = (
    (b"PK\x03\x04", "a zip archive, e.g. an .xlsx workbook"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file, e.g. an .xls workbook"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
)

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]")


def utf16_or_32(data: bytes) -> str | None:
    """The UTF-16/32 flavour of ``data`` when its BOM or NUL pattern says so."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if data.find(b"\x00", 0, 4096) < 0:
        return None
    sample = data[:4096]
    n = len(sample)
    if n < 4:
        return None
    if n % 4 == 0 and sample[2::4].count(0) == n // 4 and sample[3::4].count(0) == n // 4:
        return "UTF-32-LE (no BOM)"
    if n % 4 == 0 and sample[0::4].count(0) == n // 4 and sample[1::4].count(0) == n // 4:
        return "UTF-32-BE (no BOM)"
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd >= 0.9 * (n // 2) and even < 0.1 * (n // 2):
        return "UTF-16-LE (no BOM)"
    if even >= 0.9 * (n // 2) and odd < 0.1 * (n // 2):
        return "UTF-16-BE (no BOM)"
    return None


def binary_kind(data: bytes) -> str | None:
    """What binary thing ``data`` is, when it is plainly not a text report."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            if magic == b"MZ" and len(data) > 0x40 and b"This program" not in data[:512]:
                continue
            return name
    sample = data[:4096]
    if not sample:
        return None
    if not _CONTROL.search(sample):
        return None
    controls = len(_CONTROL.findall(sample))
    # a report whose reserved ranges are NUL-padded is still a report (one record is a third)
    if controls > max(64, (len(sample) * 2) // 5):
        return f"{controls} control bytes in the first {len(sample)}"
    return None


def describe_non_ascii(data: bytes) -> tuple[str, str]:
    """How the non-ASCII bytes of a whole file decode: (codec for pieces, note for people).

    The codec is ``cp950`` or ``utf-8`` when the whole file decodes strictly
    with it, else ``""`` with chardet's guess in the note.
    """
    try:
        data.decode(BIG5)
        return BIG5, "Big5"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("utf-8")
        return "utf-8", "this file is UTF-8; re-save it as Big5/ANSI"
    except UnicodeDecodeError:
        pass
    import chardet  # lazy: costly to import and only needed here

    guess = chardet.detect(data[:65536]) or {}
    enc = guess.get("encoding")
    if enc:
        conf = guess.get("confidence") or 0.0
        return "", f"neither Big5 nor UTF-8 (chardet guesses {enc}, confidence {conf:.0%})"
    return "", "neither Big5 nor UTF-8"
