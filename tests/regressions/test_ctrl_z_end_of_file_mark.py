"""A trailing Ctrl-Z (0x1A, DOS end of file) made a legitimate file invalid (FORMAT.md 6.5)."""

from __future__ import annotations

import pytest

from fxreport.checking.checker import check_bytes
from reports import BYTES2 as DAY2


@pytest.mark.parametrize("data", [DAY2 + b"\x1a", DAY2[:-2] + b"\x1a", DAY2.replace(b"\r\n", b"\n") + b"\x1a"])
def test_one_ctrl_z_at_the_end_is_one_warning_and_the_file_is_valid(data: bytes) -> None:
    result = check_bytes(data, "ABP1209.txt")
    assert [(f.code, f.severity, f.category, f.row) for f in result.findings] == [
        ("STR007", "warning", "structure", None)]
    assert result.valid


def test_a_ctrl_z_anywhere_else_is_still_a_finding() -> None:
    result = check_bytes(DAY2 + b"\x1a\r\n", "ABP1209.txt")
    assert not result.valid
