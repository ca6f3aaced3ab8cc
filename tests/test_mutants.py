"""Behaviour that mutation testing showed no test held (issue 16): each test here fails
under the mutant named in its docstring."""

from __future__ import annotations

import datetime as dt

import pytest

from fxreport.checking.checker import check_bytes
from fxreport.core.identities import derive_all
from reports import BYTES2, put

LINES = BYTES2.split(b"\r\n")[:3]


@pytest.mark.parametrize("column", [1, 14, 30, 213])
def test_a_control_byte_is_reported_at_its_own_column(column: int) -> None:
    """``column=i + 1`` -> ``i - 1`` in the decoder's byte findings."""
    row = 1 if column != 213 else 2  # (213 is reserved in row 1: RSV001's, not ENC004's)
    if column == 213:
        column = 183  # FORWARD's last byte
    data = put(BYTES2, row, column, b"\x07")
    (f,) = [f for f in check_bytes(data, "ABP1209.txt").findings if f.code == "ENC004"]
    assert f.params["column"] == column and f.row == row
    assert f"column {column}" in f.message() or str(column) in f.placeholders()["column"]


@pytest.mark.parametrize("count", [2, 4])
def test_a_file_of_the_wrong_record_count_still_has_its_firm_and_date(count: int) -> None:
    """The firm and date read from the first record of a 2- or 4-record file."""
    data = b"".join(line + b"\r\n" for line in (LINES * 2)[:count])
    result = check_bytes(data, "ABP1209.txt")
    assert [f.code for f in result.findings] == ["STR002"]
    assert (result.bank, result.date) == ("ABCD", dt.date(2016, 12, 9))


def test_a_wrong_record_count_with_an_unreadable_first_record_has_no_firm() -> None:
    data = b"".join(line + b"\r\n" for line in [b"x" * 213, *LINES[1:], LINES[0]])
    result = check_bytes(data, "ABP1209.txt")
    assert (result.bank, result.date) == (None, None)


def test_derive_all_reports_every_conflict_not_only_the_first() -> None:
    """``derive_all`` stopping at its first conflict."""
    from fxreport import loads

    amounts = loads(BYTES2).amounts()
    amounts["ACUST"] += 1
    amounts["FORWARD"] += 1
    amounts["ABAL_SW2"] -= 1
    _, problems = derive_all(amounts)
    assert {name for name, *_ in problems} >= {"ACUST", "FORWARD", "ABAL_SW2"}
    given = {name: (g, d) for name, g, d, _ in problems}
    assert given["FORWARD"][0] == given["FORWARD"][1] + 1
