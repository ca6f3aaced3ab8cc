"""The month table read POS, SPOT and FORWARD by slicing the records itself, a second
decoder beside the check's: a file ending in the end-of-file mark right after its last
record (STR007, a warning) showed no POS although the check read it.  The table now
takes the one decoder's values."""

from __future__ import annotations

from fxreport.checking.decoder import decode
from fxreport.outputs.series import SERIES_FIELDS, amounts_of
from reports import BYTES2, put


def test_a_ctrl_z_after_the_last_record_keeps_pos() -> None:
    marked = BYTES2.rstrip(b"\r\n") + b"\x1a"
    assert amounts_of(marked) == amounts_of(BYTES2) == {
        "POS": 10401, "SPOT": 12381, "FORWARD": -925}


def test_the_values_are_the_decoders() -> None:
    bad_spot = put(BYTES2, 1, 174, b"   12 381")  # a space inside: FLD003, SPOT malformed
    for data in (BYTES2, bad_spot, BYTES2[:-20], b"", None):
        values = decode(data).values if data else {}
        assert amounts_of(data) == {n: values.get(n) for n in SERIES_FIELDS}
    assert amounts_of(bad_spot)["SPOT"] is None and amounts_of(bad_spot)["POS"] == 10401
