"""Reading and writing whole reports: round trips, styles, collected problems, the API."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

import fxreport
from fxreport.checking.checker import check_bytes
from fxreport.core.fields import AMOUNT, FieldValueError
from fxreport.core.layout import ROWS
from fxreport.core.model import Report
from fxreport.core.codec import record_structs
from reports import DAY1, DAY2, any_reports, put, valid_reports

SAMPLES = [DAY1, DAY2]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_canonical_samples_round_trip_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    report = fxreport.loads(data)
    assert fxreport.dumps(report) == data
    assert fxreport.load(path) == report


def _variants(data: bytes) -> dict[str, bytes]:
    """The same report in every accepted number style and line ending."""
    report = fxreport.loads(data)
    zero = fxreport.dumps(report, sign_style="zero-fill")
    plus = data
    for f in (f for r in ROWS.values() for f in r if f.type == AMOUNT):
        v = report[f.name]
        if v >= 0:
            plus = put(plus, f.row, f.start, b"+%09d" % v)
    return {
        "crlf": data,
        "lf": data.replace(b"\r\n", b"\n"),
        "no-final-crlf": data[:-2],
        "no-final-lf": data.replace(b"\r\n", b"\n")[:-1],
        "zero-fill": zero,
        "zero-fill-lf": zero.replace(b"\r\n", b"\n"),
        "plus-signs": plus,
        "signs-next-to-digits": data.replace(b"      -", b"     -0") if b"      -" in data else data,
    }


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_accepted_style_loads_to_the_same_report(path: Path) -> None:
    data = path.read_bytes()
    report = fxreport.loads(data)
    for name, variant in _variants(data).items():
        got = fxreport.loads(variant)
        assert got == report, name
        assert fxreport.loads(fxreport.dumps(got)) == got, name
        assert check_bytes(variant, path.name).valid, name


def test_zero_fill_canonical_round_trips() -> None:
    data = fxreport.dumps(fxreport.load(DAY2), sign_style="zero-fill", newline="lf")
    assert b"\r" not in data and b"-000000925" in data
    assert fxreport.dumps(fxreport.loads(data), sign_style="zero-fill", newline="lf") == data


def test_writer_emits_crlf_after_every_record_and_213_bytes() -> None:
    data = fxreport.dumps(fxreport.load(DAY1))
    assert data.count(b"\r\n") == 3 and data.endswith(b"\r\n")
    assert [len(r) for r in data.split(b"\r\n")[:3]] == [213, 213, 213]
    assert len(data) == 645


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_construct_structures_agree_with_the_fast_decoder(path: Path) -> None:
    report = fxreport.load(path)
    for row, rec in enumerate(path.read_bytes().split(b"\r\n")[:3], 1):
        parsed = record_structs()[row].parse(rec)
        assert parsed.bank == report.bank and parsed.date == report.date
        for f in ROWS[row]:
            if f.type == AMOUNT:
                assert parsed[f.attr] == report[f.name]


def test_loads_collects_every_problem_with_its_place() -> None:
    data = DAY2.read_bytes()
    data = put(data, 1, 24, b"12 3      ")  # AB malformed
    data = put(data, 1, 64, b"0000000000")  # AFS reserved
    data = put(data, 2, 5, b"105/13/09")  # DATE impossible
    data = put(data, 3, 204, b"1234567890")  # ABAL_SW2 out of range
    with pytest.raises(fxreport.ReportDecodeError) as exc:
        fxreport.loads(data)
    got = {(f.code, f.row, f.start, f.end, f.field_name) for f in exc.value.findings}
    assert got == {("FLD003", 1, 24, 33, "AB"), ("RSV001", 1, 64, 73, "AFS"),
                   ("FLD002", 2, 5, 13, "DATE"), ("FLD004", 3, 204, 213, "ABAL_SW2")}
    text = str(exc.value)
    assert "row 1 columns 24-33: [FLD003] AB(spot settled" in text and "'12 3      '" in text
    found = {f.field_name: f.found for f in exc.value.findings}
    assert found["AB"] == b"12 3      "


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02" * 300, "台灣".encode("utf-16"),
                                  b"ABCD" * 1000, b"\xef\xbb\xbf" + DAY1.read_bytes()])
def test_loads_refuses_junk_without_a_traceback_of_its_own(data: bytes) -> None:
    with pytest.raises(fxreport.ReportDecodeError) as exc:
        fxreport.loads(data)
    assert exc.value.findings


def test_loads_wants_bytes() -> None:
    with pytest.raises(TypeError, match="bytes"):
        fxreport.loads(DAY1.read_text())  # type: ignore[arg-type]


def test_loads_keeps_reports_whose_arithmetic_is_wrong() -> None:
    data = put(DAY2.read_bytes(), 1, 44, b"      -751")
    assert fxreport.loads(data)["ACUST"] == -751
    assert not check_bytes(data).valid


def test_model_range_and_type_errors_name_the_field() -> None:
    base = fxreport.load(DAY1).to_json_dict()
    for key, bad in [("ACUST", 1_000_000_000), ("ACUST", "450"), ("ACUST", 4.5), ("ACUST", None)]:
        doc = {**base, "row1": {**base["row1"], key: bad}}
        with pytest.raises(ValidationError) as exc:
            Report.model_validate(doc)
        assert exc.value.errors()[0]["loc"] == ("row1", key)
    with pytest.raises(ValidationError, match="bank"):
        Report.model_validate({**base, "bank": "abcd"})
    with pytest.raises(ValidationError, match="date"):
        Report.model_validate({**base, "date": "105/02/30"})
    with pytest.raises(ValidationError, match="row2"):
        Report.model_validate({**base, "row2": {**base["row2"], "BAL_FB2": 0}})


def test_model_reads_roc_and_iso_dates_and_attribute_names() -> None:
    r = fxreport.load(DAY1)
    assert r.row1.adj_1 == r["Adj-1"] == 25  # type: ignore[attr-defined]
    assert r.row1.as_ == r["AS"]  # type: ignore[attr-defined]
    doc = r.to_json_dict()
    assert doc["date"] == "2016-12-08"
    assert Report.model_validate({**doc, "date": "105/12/08"}) == r
    assert r.filename == "ABP1208.txt"


def test_writer_refuses_values_that_do_not_fit() -> None:
    r = fxreport.load(DAY1)
    bad = r.model_copy(update={"row1": r.row1.model_copy(update={"acust": 10**10})})
    with pytest.raises(FieldValueError):
        fxreport.dumps(bad)
    with pytest.raises(FieldValueError):
        fxreport.dumps(r, newline="cr")
    with pytest.raises(FieldValueError):
        fxreport.dumps(r, sign_style="plus")


def test_dump_is_atomic_and_never_overwrites_silently(tmp_path: Path) -> None:
    r = fxreport.load(DAY1)
    target = fxreport.dump(r, tmp_path)
    assert target == tmp_path / "ABP1208.txt"
    assert target.read_bytes() == DAY1.read_bytes()
    with pytest.raises(FileExistsError):
        fxreport.dump(r, tmp_path)
    fxreport.dump(r, target, newline="lf", overwrite=True)
    assert b"\r" not in target.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ABP1208.txt"]


@settings(max_examples=150, deadline=None)
@given(valid_reports())
def test_generated_valid_reports_write_files_that_check_clean(report: Report) -> None:
    data = fxreport.dumps(report)
    assert fxreport.loads(data) == report
    result = check_bytes(data, report.filename)
    assert result.valid, result.findings
    # a generated report may hold a negative gross balance: a quality warning (FORMAT.md 7.4)
    assert [f for f in result.findings if f.code != "QUA001"] == []
    assert all(f.field_name and report.amounts()[f.field_name] < 0 for f in result.findings)


@settings(max_examples=150, deadline=None)
@given(any_reports())
def test_any_in_range_report_round_trips_in_both_styles(report: Report) -> None:
    for style in ("spaces", "zero-fill"):
        for newline in ("crlf", "lf"):
            data = fxreport.dumps(report, sign_style=style, newline=newline, check=False)
            assert fxreport.loads(data) == report
            assert fxreport.dumps(fxreport.loads(data), sign_style=style, newline=newline,
                                  check=False) == data


@settings(max_examples=100, deadline=None)
@given(any_reports())
def test_loads_builds_what_validation_builds(report: Report) -> None:
    """The fast path's reports are pydantic's own: equal to a validated copy in values,
    their order, fields set, hash, repr and JSON."""
    for newline in ("crlf", "lf"):
        data = fxreport.dumps(report, newline=newline, check=False)
        built = fxreport.loads(data)
        validated = Report.model_validate(report.model_dump())
        assert built == validated and list(built.__dict__) == list(validated.__dict__)
        for row in ("row1", "row2", "row3"):
            a, b = getattr(built, row), getattr(validated, row)
            assert list(a.__dict__.items()) == list(b.__dict__.items())
            assert a.model_fields_set == b.model_fields_set
        assert built.model_fields_set == validated.model_fields_set
        assert hash(built) == hash(validated) and repr(built) == repr(validated)
        assert built.model_dump_json() == validated.model_dump_json()
