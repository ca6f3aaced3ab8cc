"""The decoder reads whatever layout it is given: a made-up one of two 100-byte records
with one identity field (a firm code) decodes and is explained like today's annex."""

from __future__ import annotations

from fxreport.checking.decoder import amount_names, decode
from fxreport.core.fields import AMOUNT, CODE, RESERVED
from fxreport.core.layout import Field, Layout


def _row(row: int, name: str) -> tuple[Field, ...]:
    return (Field(row, 1, 4, "FIRM", "firm", CODE, "代號", "firm"),
            Field(row, 5, 14, name, name.lower(), AMOUNT, name, name),
            Field(row, 15, 100, "", f"reserved_{row}", RESERVED, "保留欄位", "reserved"))


MADE_UP = Layout("made_up", (_row(1, "X"), _row(2, "Y")), 100, (_row(1, "X")[0],))


def _file(*records: bytes, end: bytes = b"\r\n") -> bytes:
    return b"".join(r + end for r in records)


def _record(firm: bytes, amount: bytes) -> bytes:
    return firm + amount + b" " * 86


GOOD = _file(_record(b"WXYZ", b"         5"), _record(b"WXYZ", b"        -7"))


def test_a_well_formed_file_of_the_made_up_layout_is_converted() -> None:
    d = decode(GOOD, MADE_UP)
    assert d.findings == [] and d.ints == [5, -7] and d.values == {"X": 5, "Y": -7}
    assert (d.bank, d.date) == ("WXYZ", None) and amount_names(MADE_UP) == ("X", "Y")


def _found(data: bytes) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(f.code, f.row, f.start, f.end) for f in decode(data, MADE_UP).findings]


def test_every_problem_is_found_at_the_made_up_columns() -> None:
    assert _found(_file(_record(b"WXYZ", b"      12 3"), _record(b"WXYZ", b"        -7"))) == [
        ("FLD003", 1, 5, 14)]
    assert _found(_file(_record(b"WXYZ", b"         5"), _record(b"ABCD", b"        -7"))) == [
        ("CON001", 2, 1, 4)]
    assert _found(_file(_record(b"WXYZ", b"         5"),
                        _record(b"WXYZ", b"        -7")[:99] + b"x")) == [("RSV001", 2, 15, 100)]
    assert _found(_file(_record(b"WXYZ", b"         5"), _record(b"WXYZ", b"        -7")[:99])) == [
        ("STR003", 2, None, None)]
    assert _found(GOOD + GOOD) == [("STR002", None, None, None)]
    # today's annex reads the made-up file as one of the wrong shape, not as its own
    assert [f.code for f in decode(GOOD).findings] == ["STR002"]
