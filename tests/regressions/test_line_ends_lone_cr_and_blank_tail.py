"""FORMAT.md 7.3: a lone CR after the last record is its terminator (no finding, no
mixed-terminator warning); a trailing line of spaces or tabs is a trailing empty line
(STR004), with no control-byte finding and not a fourth record."""

from __future__ import annotations

import pytest

from fxreport.checking.checker import check_bytes
from reports import BYTES2

LF = BYTES2.replace(b"\r\n", b"\n")


@pytest.mark.parametrize("data", [BYTES2[:-1], LF[:-1] + b"\r", BYTES2[:-1] + b"\x1a"])
def test_a_lone_cr_ends_the_last_record(data: bytes) -> None:
    codes = [f.code for f in check_bytes(data, "ABP1209.txt").findings]
    assert codes == (["STR007"] if data.endswith(b"\x1a") else []), codes


@pytest.mark.parametrize("tail", [b"\t<>", b"  \t", b"\t", b" <>\t\t<>", b" \t <>"])
@pytest.mark.parametrize("body", [BYTES2, LF])
def test_a_trailing_line_of_blanks_is_a_trailing_empty_line(body: bytes, tail: bytes) -> None:
    tail = tail.replace(b"<>", b"\r\n" if body is BYTES2 else b"\n")  # the body's own ends
    codes = [f.code for f in check_bytes(body + tail, "ABP1209.txt").findings]
    assert codes == ["STR004"], codes
