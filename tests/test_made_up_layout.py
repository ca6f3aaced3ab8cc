"""The layout is a value (issue 16 item 7): a made-up one, two records of 100 bytes with
one arithmetic identity, one carry and a naming rule of its own, goes through the decoder,
the checker (one file and a two-day series), the model and the writer, and the specs
generator, exactly as today's annex does; nothing of the annex leaks into it."""

from __future__ import annotations

import datetime as dt

import pytest

from fxreport import specs
from fxreport.checking.calendar import BusinessCalendar
from fxreport.checking import pipeline
from fxreport.checking.checker import (FILE_CHECKS, arithmetic, check_bytes, check_entry,
                                        compare, identity_codes, link_series)
from fxreport.checking.decoder import amount_names, decode
from fxreport.core.codec import encode, record_structs
from fxreport.core.fields import AMOUNT, CODE, RESERVED, ROC_DATE
from fxreport.core.identities import Carry, Identity
from fxreport.core.layout import FX_POSITION, Field, Layout
from fxreport.core.model import Report, report_model
from fxreport.outputs.views import ruler_text, table_text
from reports import SAMPLES


def _head(row: int) -> tuple[Field, ...]:
    return (Field(row, 1, 4, "FIRM", "bank", CODE, "代號", "firm"),
            Field(row, 5, 13, "DAY", "date", ROC_DATE, "日期", "day"))


def _amount(row: int, start: int, name: str) -> Field:
    return Field(row, start, start + 9, name, name.lower(), AMOUNT, name, name.lower())


ROW1 = _head(1) + (_amount(1, 14, "OPEN"), _amount(1, 24, "IN"), _amount(1, 34, "OUT"),
                   _amount(1, 44, "CLOSE"),
                   Field(1, 54, 100, "", "reserved_1", RESERVED, "保留欄位", "reserved"))
ROW2 = _head(2) + (_amount(2, 14, "HELD"),
                   Field(2, 24, 100, "", "reserved_2", RESERVED, "保留欄位", "reserved"))


def firm_and_day(bank: str, date: dt.date) -> str:
    """The made-up naming rule: the whole firm code, MMDD, .txt."""
    return f"{bank}{date:%m%d}.txt"


MADE_UP = Layout(
    "made_up", (ROW1, ROW2), 100, ROW1[:2],
    identities=(Identity("ARI001", "CLOSE", ((1, "OPEN"), (1, "IN"), (-1, "OUT")), False),),
    carries=(Carry("OPEN", "CLOSE", True, "today's close is tomorrow's open"),),
    naming=firm_and_day, titles=(("甲列", "first"), ("乙列", "second")))


def _record(head: bytes, *amounts: int) -> bytes:
    return (head + b"".join(b"%10d" % a for a in amounts)).ljust(100)


def _file(*records: bytes, end: bytes = b"\r\n") -> bytes:
    return b"".join(r + end for r in records)


def _day(date: bytes, opening: int, inflow: int, outflow: int, held: int = 40,
         close: int | None = None) -> bytes:
    head = b"WXYZ" + date
    shut = opening + inflow - outflow if close is None else close
    return _file(_record(head, opening, inflow, outflow, shut), _record(head, held))


GOOD = _day(b"105/12/09", 5, 3, 1)
SAMPLE = SAMPLES / "ABP1209.txt"


# --- decode ----------------------------------------------------------------------------------

def test_a_well_formed_file_of_the_made_up_layout_is_converted() -> None:
    d = decode(GOOD, MADE_UP)
    assert d.findings == [] and d.ints == [5, 3, 1, 7, 40]
    assert d.values == {"OPEN": 5, "IN": 3, "OUT": 1, "CLOSE": 7, "HELD": 40}
    assert (d.bank, d.date) == ("WXYZ", dt.date(2016, 12, 9))
    assert amount_names(MADE_UP) == ("OPEN", "IN", "OUT", "CLOSE", "HELD")
    # a layout whose heads have no date decodes too: it just has none
    firm_only = MADE_UP._replace(heads=ROW1[:1])
    assert (decode(GOOD, firm_only).bank, decode(GOOD, firm_only).date) == ("WXYZ", None)


def _found(data: bytes) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(f.code, f.row, f.start, f.end) for f in decode(data, MADE_UP).findings]


def test_every_problem_is_found_at_the_made_up_columns() -> None:
    one, two = GOOD.split(b"\r\n")[:2]
    assert _found(_file(one[:29] + b" 1 3" + one[33:], two)) == [("FLD003", 1, 24, 33)]
    assert _found(_file(one, b"ABCD" + two[4:])) == [("CON001", 2, 1, 4)]
    assert _found(_file(one, two[:99] + b"x")) == [("RSV001", 2, 24, 100)]
    assert _found(GOOD + GOOD) == [("STR002", None, None, None)]
    # today's annex reads the made-up file as one of the wrong shape, not as its own
    assert [f.code for f in decode(GOOD).findings] == ["STR002"]


def test_the_record_width_in_the_words_is_the_layouts() -> None:
    """STR003 and STR002 say the made-up layout's width and record count (issue 16 item 5)."""
    one, two = GOOD.split(b"\r\n")[:2]
    (short,) = decode(_file(one, two[:99]), MADE_UP).findings
    assert (short.code, short.row) == ("STR003", 2)
    assert "every record is exactly 100 bytes" in short.message("en")
    assert "每列須剛好 100 位元組" in short.message("zh-TW")
    assert "to 100 bytes" in short.hint("en") and "213" not in short.hint("en")
    (many,) = decode(b"not a report\r\n" * 3, MADE_UP).findings
    assert "(2 records of 100 bytes)" in many.message("en")
    assert "（2 列、每列 100 位元組）" in many.message("zh-TW")
    day = SAMPLE.read_bytes().split(b"\r\n")  # today's annex: its own width
    (annex,) = decode(b"\r\n".join([day[0], day[1][:200], *day[2:]])).findings
    assert "every record is exactly 213 bytes" in annex.message("en")


# --- check: the per-file checks and a two-day series with the carry --------------------------

def _checked(data: bytes, name: str = "WXYZ1209.txt") -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.row, f.start) for f in check_bytes(data, name, layout=MADE_UP).findings]


def test_the_per_file_checks_read_the_made_up_layout() -> None:
    assert _checked(GOOD) == []
    result = check_bytes(_day(b"105/12/09", 5, 3, 1, close=8), "WXYZ1209.txt", layout=MADE_UP)
    (ari,) = result.findings
    assert (ari.code, ari.row, ari.start, ari.end) == ("ARI001", 1, 44, 53)
    assert ari.params["expected"] == 7 and ari.params["actual"] == 8
    assert "CLOSE = OPEN + IN - OUT" in ari.message("en")  # its own formula, not ACUST's
    assert "依 CLOSE = OPEN + IN - OUT 應為 7" in ari.message("zh-TW")
    # the naming rule is the layout's: the annex's name for this file is wrong here
    assert _checked(GOOD, "WXP1209.txt") == [("NAM001", None, None)]
    assert _checked(GOOD, "wxyz1209.txt") == [("NAM002", None, None)]
    (nam,) = check_bytes(GOOD, "WXP1209.txt", layout=MADE_UP).findings
    assert nam.params["expected"] == "WXYZ1209.txt"
    # the annex's quality edits need the annex's fields: none here, so none is made
    assert _checked(_day(b"105/12/09", -5, 3, 1)) == []
    # a day that is not a business day, at the layout's date field
    sunday = check_bytes(_day(b"105/12/11", 5, 3, 1), "WXYZ1211.txt",
                         calendar=BusinessCalendar(), layout=MADE_UP)
    assert [(f.code, f.row, f.start, f.end) for f in sunday.findings] == [("FLD005", 1, 5, 13)]


def test_a_two_day_series_carries_the_close_to_the_next_open() -> None:
    calendar = BusinessCalendar()
    friday = check_entry(_day(b"105/12/09", 5, 3, 1), "WXYZ1209.txt", layout=MADE_UP)
    assert friday.carried == (5, 7)  # the prior-day field, then the today field it carries to
    assert (friday.result().prior, friday.result().today) == ((5,), (7,))
    monday = check_entry(_day(b"105/12/12", 7, 2, 2), "WXYZ1212.txt", layout=MADE_UP)
    compare(monday, friday, calendar)
    assert monday.result().findings == ()
    wrong = check_entry(_day(b"105/12/12", 6, 2, 2), "WXYZ1212.txt", layout=MADE_UP)
    compare(wrong, friday, calendar)
    (cnt,) = wrong.result().findings
    assert (cnt.code, cnt.row, cnt.start, cnt.end) == ("CNT001", 1, 14, 23)
    assert (cnt.params["actual"], cnt.params["expected"], cnt.params["today"]) == (6, 7, "CLOSE")
    assert cnt.found == b"         6"
    # the whole series: grouped by firm, ordered by date, duplicates named by the layout's rule
    again = check_entry(_day(b"105/12/12", 6, 2, 2), "WXYZ1212.txt", layout=MADE_UP)
    copy = check_entry(_day(b"105/12/12", 7, 2, 2), "copy/other.txt", layout=MADE_UP)
    first = check_entry(_day(b"105/12/09", 5, 3, 1), "WXYZ1209.txt", layout=MADE_UP)
    link_series([copy, again, first], calendar)
    assert [f.code for f in again.result().findings] == ["CNT001"]
    assert [(f.code, f.params.get("expected"), f.params.get("expected_name"))
            for f in copy.result().findings] == [("CNT004", None, "WXYZ1212.txt"),
                                                 ("NAM001", "WXYZ1212.txt", None)]
    with pytest.raises(TypeError, match="made_up"):  # worker processes check the annex only
        friday.__reduce__()


def test_a_series_finding_keeps_the_records_of_the_made_up_layout() -> None:
    """A file checked alone keeps no records; a series finding pointing into it has them
    read again, as the file's own layout reads them (not today's annex's three records)."""
    friday = check_entry(_day(b"105/12/09", 5, 3, 1), "WXYZ1209.txt", layout=MADE_UP)
    data = _day(b"105/12/12", 6, 2, 2)
    wrong = check_entry(data, "WXYZ1212.txt", layout=MADE_UP)
    assert wrong.records is None
    compare(wrong, friday, BusinessCalendar())
    pipeline._keep_records([wrong], lambda e: data)
    assert wrong.records == data.split(b"\r\n")[:2]


def test_the_arithmetic_check_makes_its_layouts_identity_codes() -> None:
    """Registered under what gives its codes for a layout, not under today's annex's."""
    assert FILE_CHECKS[identity_codes] is arithmetic
    assert identity_codes(MADE_UP) == ("ARI001",)
    assert identity_codes(FX_POSITION) == tuple(f"ARI{n:03d}" for n in range(1, 13))
    assert not any(isinstance(codes, tuple) and "ARI002" in codes for codes in FILE_CHECKS)


# --- encode: the model factory and the construct writer built from the layout ----------------

def test_the_model_and_the_writer_are_made_from_the_layout() -> None:
    model = report_model(MADE_UP)
    assert model is report_model(MADE_UP) and model.layout is MADE_UP
    assert report_model(FX_POSITION) is Report
    report = model.from_amounts("WXYZ", "105/12/09",
                                {"OPEN": 5, "IN": 3, "OUT": 1, "CLOSE": 7, "HELD": 40})
    assert report.filename == "WXYZ1209.txt"
    assert report.amounts() == {"OPEN": 5, "IN": 3, "OUT": 1, "CLOSE": 7, "HELD": 40}
    assert set(model.model_fields) == {"bank", "date", "row1", "row2"}
    assert report.model_dump(by_alias=True)["row2"] == {"HELD": 40}
    assert [s.sizeof() for s in record_structs(MADE_UP).values()] == [100, 100]
    assert encode(report) == GOOD  # the layout is the model's own
    assert encode(report, newline="lf", layout=MADE_UP) == GOOD.replace(b"\r\n", b"\n")
    assert check_bytes(encode(report), report.filename, layout=MADE_UP).findings == ()
    assert check_bytes(GOOD, layout=MADE_UP).layout is MADE_UP  # a result knows its layout
    # the views read the layout too: its titles, its width, its fields under the ruler
    assert "first" in table_text(report) and "HELD" in table_text(report)
    ruler = ruler_text(GOOD, layout=MADE_UP)
    assert "row 2, 100 bytes\n" in ruler and "shifted" not in ruler and "|HELD" in ruler
    # the model's validators are the annex's: a firm code is still a firm code
    with pytest.raises(ValueError, match="firm|code|bank"):
        model.from_amounts("wxyz", "105/12/09", {"OPEN": 5})
    with pytest.raises(ValueError):
        model.from_amounts("WXYZ", "105/12/09", {"OPEN": 5, "ACUST": 1})


# --- the specs generator --------------------------------------------------------------------

def test_the_specs_generator_writes_the_made_up_layout() -> None:
    text = specs.format_md(MADE_UP)
    assert "Each record is 100 bytes" in text
    assert "## Row 1: first (甲列)" in text and "## Row 2: second (乙列)" in text
    assert "| 44-53 | 10 | CLOSE | `close` |" in text
    assert "| 24-100 | 77 | (unnamed) | `reserved_2` |" in text
    assert "| ARI001 | `CLOSE = OPEN + IN - OUT` | error |" in text
    assert "| OPEN | CLOSE |" in text
    assert "ACUST" not in text and "213" not in text
    rules = specs.rules_md(MADE_UP)
    assert "every record is exactly 100 bytes" in rules
    assert "is <actual> but CLOSE = OPEN + IN - OUT gives <expected>" in rules
    stub = specs.rows_stub(MADE_UP)
    assert "class Row2(BaseModel):" in stub and "    held: int" in stub
    assert "    row2: Row2" in stub and "row3" not in stub
