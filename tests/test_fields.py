"""Field codecs, table-driven: one round-trip helper over every accepted and refused form."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import pytest
from construct import ConstError, ConstructError

from fxreport.core import fields as fc
from fxreport.core.layout import AMOUNTS, ROWS


def roundtrip(field: Any, raw: bytes, value: Any, canonical: bytes | None = None,
              **build: Any) -> None:
    """parse gives ``value``; build gives ``canonical`` (default ``raw``); width is exact.

    Checked both through the plain codecs and through the construct structure
    built from the same layout field.
    """
    parse: Callable[[bytes], Any] = field.type.parse
    expected = raw if canonical is None else canonical
    assert parse(raw) == value
    sc = field.type.construct(field.width)
    assert sc.parse(raw) == value
    built = sc.build(value, **build)
    assert built == expected
    assert len(built) == field.width == sc.sizeof()


AB = AMOUNTS["AB"]

ACCEPTED_AMOUNTS = [
    (b"       123", 123, None),
    (b"      -123", -123, None),
    (b"-000000123", -123, b"      -123"),
    (b"+000000123", 123, b"       123"),
    (b"0000000123", 123, b"       123"),
    (b"      +123", 123, b"       123"),
    (b"         0", 0, None),
    (b"        -0", 0, b"         0"),
    (b"0000000000", 0, b"         0"),
    (b" 999999999", 999_999_999, None),
    (b"-999999999", -999_999_999, None),
    (b"0999999999", 999_999_999, b" 999999999"),
]


@pytest.mark.parametrize("raw,value,canonical", ACCEPTED_AMOUNTS)
def test_amount_accepted(raw: bytes, value: int, canonical: bytes | None) -> None:
    roundtrip(AB, raw, value, canonical)


@pytest.mark.parametrize("value,raw", [(-123, b"-000000123"), (123, b"0000000123"),
                                       (0, b"0000000000"), (-999_999_999, b"-999999999")])
def test_amount_zero_fill_style(value: int, raw: bytes) -> None:
    roundtrip(AB, raw, value, sign_style=fc.ZERO_FILL)
    assert fc.AMOUNT.format(value, 10, fc.ZERO_FILL) == raw


REFUSED_AMOUNTS = [
    (b"123       ", "left_aligned"),
    (b"      12 3", "inner_space"),
    (b"      123-", "trailing_sign"),
    (b"     - 123", "inner_space"),
    (b"          ", "blank"),
    (b"     1,234", "separator"),
    (b"      12.5", "separator"),
    (b"1234567890", "range"),
    (b"    +-1234", "not_a_number"),
    (b"      0x1F", "not_a_number"),
    (b"     1_000", "not_a_number"),
    (b"       \t12", "not_a_number"),
    (b"     ABCDE", "not_a_number"),
    (b"        +-", "not_a_number"),
    ("     １２３".encode("cp950")[:10], "not_a_number"),
]


@pytest.mark.parametrize("raw,reason", REFUSED_AMOUNTS)
def test_amount_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(fc.FieldFormatError) as exc:
        fc.AMOUNT.parse(raw)
    assert exc.value.reason == reason
    if reason != "range":
        assert fc.amount_problem(raw) == reason
    with pytest.raises((ConstructError, ValueError)):
        AB.type.construct(AB.width).parse(raw)


@pytest.mark.parametrize("value", [1_000_000_000, -1_000_000_000, 10**12, 1.5, "12", True, None])
def test_amount_writer_refuses_what_does_not_fit(value: Any) -> None:
    with pytest.raises(fc.FieldValueError):
        fc.AMOUNT.format(value)


DATE = ROWS[1][1]


@pytest.mark.parametrize("raw,value", [
    (b"105/12/09", dt.date(2016, 12, 9)),
    (b"001/01/01", dt.date(1912, 1, 1)),
    (b"999/12/31", dt.date(2910, 12, 31)),
    (b"105/02/29", dt.date(2016, 2, 29)),
])
def test_roc_date_accepted(raw: bytes, value: dt.date) -> None:
    roundtrip(DATE, raw, value)


@pytest.mark.parametrize("raw,reason", [
    (b"000/12/09", "date_year0"),
    (b"105/13/09", "date_calendar"),
    (b"105/02/30", "date_calendar"),
    (b"106/02/29", "date_calendar"),
    (b"105/00/09", "date_calendar"),
    (b"105-12-09", "date_form"),
    (b"1051209  ", "date_form"),
    (b" 05/12/09", "date_form"),
    (b"20161209 ", "date_form"),
    (b"         ", "date_form"),
    (b"105/12/9 ", "date_form"),
])
def test_roc_date_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(fc.FieldFormatError) as exc:
        fc.ROC_DATE.parse(raw)
    assert exc.value.reason == reason


@pytest.mark.parametrize("value", [dt.date(1911, 12, 31), dt.date(2911, 1, 1), dt.date(1, 1, 1)])
def test_roc_date_writer_refuses_years_outside_001_999(value: dt.date) -> None:
    with pytest.raises(fc.FieldValueError):
        fc.ROC_DATE.format(value)


def test_any_date_reads_roc_and_iso() -> None:
    assert fc.parse_any_date("105/12/12") == fc.parse_any_date("2016-12-12") == dt.date(2016, 12, 12)
    with pytest.raises(fc.FieldFormatError):
        fc.parse_any_date("12/12/2016")


BANK = ROWS[1][0]


@pytest.mark.parametrize("raw", [b"ABCD", b"A1B2", b"0000", b"ZZ99"])
def test_code_accepted(raw: bytes) -> None:
    roundtrip(BANK, raw, raw.decode())


@pytest.mark.parametrize("raw,reason", [(b"abcd", "code_case"), (b"AB D", "code_form"),
                                        (b"AB-D", "code_form"), (b"    ", "code_form")])
def test_code_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(fc.FieldFormatError) as exc:
        fc.CODE.parse(raw)
    assert exc.value.reason == reason


@pytest.mark.parametrize("value", ["ABC", "ABCDE", "abcd", "台灣", ""])
def test_code_writer_refuses(value: str) -> None:
    with pytest.raises(fc.FieldValueError):
        fc.CODE.format(value)


AFS = ROWS[1][7]


def test_reserved_is_spaces_only() -> None:
    assert AFS.name == "AFS"
    sc = AFS.type.construct(AFS.width)
    assert sc.build(None) == b" " * 10
    fc.RESERVED.parse(b" " * 10)
    for raw, reason in [(b"0" * 10, "zeros"), (b"\x00" * 10, "not_blank"), (b"  x       ", "not_blank")]:
        with pytest.raises(fc.FieldFormatError) as exc:
            fc.RESERVED.parse(raw)
        assert exc.value.reason == reason
        with pytest.raises(ConstError):
            sc.parse(raw)


BIG5_FIELD = AB._replace(type=fc.BIG5_TEXT, name="TEXT", attr="text")


@pytest.mark.parametrize("raw,value", [
    ("台灣證券  ".encode("cp950"), "台灣證券"),
    (b"ABC       ", "ABC"),
    ("碁銹裏墻恒粧嫺".encode("cp950")[:10], "碁銹裏墻恒"),
])
def test_big5_text(raw: bytes, value: str) -> None:
    roundtrip(BIG5_FIELD, raw, value)


def test_big5_text_refuses_split_and_undecodable_and_too_long() -> None:
    with pytest.raises(fc.FieldFormatError):
        fc.BIG5_TEXT.parse(b"ABCDEFGHI\xa5")  # a lead byte cut by the field's edge
    with pytest.raises(fc.FieldFormatError):
        fc.BIG5_TEXT.parse(b"\x81\x40        ")  # user-defined area: cp950 cannot decode
    with pytest.raises(fc.FieldValueError):
        fc.BIG5_TEXT.format("台灣證券商公司", 10)
    with pytest.raises(fc.FieldValueError):
        fc.BIG5_TEXT.format("😀", 10)


# --- Big5 text through the same registry and decoder as every other type ---------------
from fxreport.checking.decoder import decode_record  # noqa: E402
from fxreport.core.fields import RESERVED  # noqa: E402
from fxreport.core.layout import Field  # noqa: E402

TEXT_ROW = (ROWS[1][0], ROWS[1][1], Field(1, 14, 23, "NAME", "name", fc.BIG5_TEXT, "名稱", "name"),
            Field(1, 24, 213, "", "reserved_24", RESERVED, "保留欄位", "reserved"))


def _record(text: bytes) -> bytes:
    return b"ABCD105/12/09" + text.ljust(10) + b" " * 190


def test_big5_text_field_decodes_in_a_layout_row() -> None:
    out: list = []  # type: ignore[type-arg]
    head = decode_record(_record("台灣證券".encode("cp950")), TEXT_ROW, 1, out, {})
    assert out == [] and head == ("ABCD", fc.ROC_DATE.parse(b"105/12/09"))


def test_big5_text_field_split_by_its_edge_is_a_finding_at_its_column() -> None:
    rec = _record(b"ABCDEFGHI")[:22] + "台".encode("cp950")[:1] + b" " * 190  # lead byte at column 23
    assert len(rec) == 213
    out: list = []  # type: ignore[type-arg]
    decode_record(rec, TEXT_ROW, 1, out, {}, codec=("cp950", {}))
    assert [(f.code, f.field.name, f.params["column"]) for f in out] == [("ENC005", "NAME", 23)]
    assert "0xA5" in out[0].message() and "0xA5" in out[0].message("zh-TW")
