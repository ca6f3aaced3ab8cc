"""Naming a file's encoding: BOMs, NUL patterns, binary signatures, Big5 vs UTF-8.

The order is the issue's: BOM sniff, NUL pattern, ASCII, strict cp950, strict
UTF-8, and only then chardet's guess (imported lazily: it is slow to import).
"""

from __future__ import annotations

import re
from typing import Any

from ..core.fields import BIG5, BOMS

_WIDE_BOMS = tuple((bom, name) for name, bom in BOMS.items() if name != "UTF-8")  # longest first

# (signature, the catalogue's reason key naming the kind of file)
_SIGNATURES = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip_empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"%PDF", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
)

_CONTROL = rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]"  # compiled on first use (re's cache)


def utf16_or_32(data: bytes) -> dict[str, Any] | None:
    """The UTF-16/32 flavour of ``data`` (``encoding`` and the catalogue's ``reason``:
    with or without a BOM) when its BOM or NUL pattern says so."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return {"encoding": name, "reason": "with_bom"}
    wide = _wide_by_nuls(data)
    return {"encoding": wide, "reason": "no_bom"} if wide else None


def _wide_by_nuls(data: bytes) -> str | None:
    """UTF-32 or UTF-16 by where the NULs of the first 4 KiB fall (no BOM needed)."""
    if data.find(b"\x00", 0, 4096) < 0:
        return None
    sample = data[:4096]
    n = len(sample)
    if n < 4:
        return None
    return _utf32_by_nuls(sample) or _utf16_by_nuls(sample)


def _utf32_by_nuls(sample: bytes) -> str | None:
    n = len(sample)
    if n % 4:
        return None
    if sample[2::4].count(0) == n // 4 and sample[3::4].count(0) == n // 4:
        return "UTF-32-LE"
    if sample[0::4].count(0) == n // 4 and sample[1::4].count(0) == n // 4:
        return "UTF-32-BE"
    return None


def _utf16_by_nuls(sample: bytes) -> str | None:
    half = len(sample) // 2
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd >= 0.9 * half and even < 0.1 * half:
        return "UTF-16-LE"
    if even >= 0.9 * half and odd < 0.1 * half:
        return "UTF-16-BE"
    return None


def binary_kind(data: bytes) -> dict[str, Any] | None:
    """What binary thing ``data`` is (the catalogue's ``reason`` and its values), when it
    is plainly not a text report."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            if magic == b"MZ" and len(data) > 0x40 and b"This program" not in data[:512]:
                continue
            return {"reason": name}
    sample = data[:4096]
    if not sample:
        return None
    if not re.search(_CONTROL, sample):
        return None
    controls = len(re.findall(_CONTROL, sample))
    # a report whose reserved ranges are NUL-padded is still a report (one record is a third)
    if controls > max(64, (len(sample) * 2) // 5):
        return {"reason": "controls", "count": controls, "size": len(sample)}
    return None


def describe_non_ascii(data: bytes) -> tuple[str, dict[str, Any]]:
    """How the non-ASCII bytes of a whole file decode: (codec for pieces, chardet's guess).

    The codec is ``cp950`` or ``utf-8`` when the whole file decodes strictly
    with it, else ``""`` with chardet's guess (``guess``, ``confidence``) when it has one.
    """
    for codec in (BIG5, "utf-8"):
        try:
            data.decode(codec)
            return codec, {}
        except UnicodeDecodeError:
            pass
    import chardet  # lazy: costly to import and only needed here

    guess = chardet.detect(data[:65536]) or {}
    enc = guess.get("encoding")
    if enc:
        return "", {"guess": enc, "confidence": f"{guess.get('confidence') or 0.0:.0%}"}
    return "", {}
