"""Text build input: ``core.text``'s one decoding, refused as an input problem."""

from __future__ import annotations

from ..core.problems import InputError, InputProblem, Where
from ..core.text import NotText, decode_text as _decode


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark), else Big5 (cp950); else an input problem.

    UTF-16 (Excel's "Unicode Text") is named, since its remedy differs."""
    try:
        return _decode(data)
    except NotText as exc:
        raise InputError([InputProblem(Where(), "text_utf16" if exc.utf16 else "not_text")]) from None
