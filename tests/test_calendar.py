"""Business calendars (FORMAT.md 6.1): bank, exchange, government, day files, tables."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import fxreport
from fxreport.checking import _calendar_data, calendar_tables
from fxreport.checking.calendar import CALENDARS, BusinessCalendar, read_days
from reports import DAY1, DAY2, ROOT, Run

D = dt.date
ONE = dt.timedelta(days=1)
SPAN = (D(_calendar_data.FIRST_YEAR, 1, 1), D(_calendar_data.LAST_YEAR, 12, 31))


def days(first: D, last: D) -> list[D]:
    return [first + n * ONE for n in range((last - first).days + 1)]



# --- the named days of the brief --------------------------------------------------

def test_the_default_is_bank_and_the_choices_are_three() -> None:
    assert CALENDARS == ("bank", "exchange", "government")
    assert BusinessCalendar().kind == "bank"
    with pytest.raises(ValueError, match="unknown calendar 'stock'; choose one of bank, exchange, government"):
        BusinessCalendar("stock")


def test_labor_day_2024_is_closed_for_banks_and_the_exchange_not_for_government() -> None:
    labor = D(2024, 5, 1)  # a Wednesday
    assert labor.weekday() == 2
    assert not BusinessCalendar("bank").is_business_day(labor)
    assert not BusinessCalendar("exchange").is_business_day(labor)
    assert BusinessCalendar("government").is_business_day(labor)
    assert BusinessCalendar("bank").next(D(2024, 4, 30)) == D(2024, 5, 2)
    assert BusinessCalendar("bank").previous(D(2024, 5, 2)) == D(2024, 4, 30)
    assert BusinessCalendar("government").next(D(2024, 4, 30)) == labor


@pytest.mark.parametrize("kind", CALENDARS)
@pytest.mark.parametrize("saturday", [D(2023, 1, 7), D(2023, 3, 25), D(2024, 2, 17), D(2025, 2, 8)])
def test_make_up_saturdays_are_open_in_all_three(kind: str, saturday: D) -> None:
    # holidays TW: 2024-02-08 (Thu) off, worked on Saturday 2024-02-17; XTAI agrees
    assert saturday.weekday() == 5
    cal = BusinessCalendar(kind)
    assert cal.is_business_day(saturday)
    assert not cal.is_business_day(saturday + ONE)  # the Sunday after
    assert cal.previous(saturday + 2 * ONE) == saturday


@pytest.mark.parametrize("day", [D(2024, 2, 6), D(2024, 2, 7), D(2025, 1, 23), D(2025, 1, 24)])
def test_settlement_only_days_before_lunar_new_year_are_bank_days(day: D) -> None:
    # XTAI: "無交易（僅辦理結算交割）" (no trading, clearing and settlement only)
    assert BusinessCalendar("bank").is_business_day(day)
    assert not BusinessCalendar("exchange").is_business_day(day)
    assert BusinessCalendar("government").is_business_day(day)


def test_missing_between() -> None:
    bank, exchange = BusinessCalendar("bank"), BusinessCalendar("exchange")
    assert bank.missing_between(D(2024, 4, 30), D(2024, 5, 3)) == [D(2024, 5, 2)]
    assert bank.missing_between(D(2024, 4, 30), D(2024, 5, 2)) == []  # Labor Day is no gap
    assert BusinessCalendar("government").missing_between(D(2024, 4, 30), D(2024, 5, 2)) == [D(2024, 5, 1)]
    # Lunar New Year 2024: Feb 8-14 closed; Feb 6-7 settlement only
    assert bank.missing_between(D(2024, 2, 5), D(2024, 2, 16)) == [D(2024, 2, 6), D(2024, 2, 7), D(2024, 2, 15)]
    assert exchange.missing_between(D(2024, 2, 5), D(2024, 2, 16)) == [D(2024, 2, 15)]
    assert bank.missing_between(D(2024, 5, 2), D(2024, 5, 3)) == []
    assert bank.missing_between(D(2024, 5, 3), D(2024, 4, 1)) == []
    assert bank.missing_between(D(2024, 5, 3), D(2024, 5, 3)) == []
    typhoon = BusinessCalendar("bank", closed=[D(2024, 7, 25)], open=[D(2024, 7, 27)])
    assert typhoon.missing_between(D(2024, 7, 23), D(2024, 7, 29)) == [D(2024, 7, 24), D(2024, 7, 26),
                                                                       D(2024, 7, 27)]


def test_closed_and_open_days_adjust_any_calendar() -> None:
    for kind in CALENDARS:
        cal = BusinessCalendar(kind, closed=[D(2024, 7, 25), D(2024, 7, 26)], open=[D(2024, 5, 1)])
        assert not cal.is_business_day(D(2024, 7, 25))
        assert cal.previous(D(2024, 7, 29)) == D(2024, 7, 24)
        assert cal.next(D(2024, 7, 24)) == D(2024, 7, 29)
        assert cal.is_business_day(D(2024, 5, 1))
    assert BusinessCalendar("exchange", open=[D(2024, 2, 6)]).next(D(2024, 2, 5)) == D(2024, 2, 6)


def test_a_datetime_counts_as_its_date() -> None:
    cal = BusinessCalendar("bank", closed=[dt.datetime(2024, 7, 25, 9, 30)])
    assert cal.is_business_day(dt.datetime(2024, 2, 17, 12))  # a make-up Saturday
    assert not cal.is_business_day(dt.datetime(2024, 5, 1, 12))
    assert not cal.is_business_day(D(2024, 7, 25))
    assert cal.next(dt.datetime(2024, 4, 30, 23, 59)) == D(2024, 5, 2)
    assert type(cal.previous(dt.datetime(2024, 5, 2, 8))) is D


def test_a_day_both_closed_and_open_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="2024-05-01 listed both as closed and as open"):
        BusinessCalendar("bank", closed=[D(2024, 5, 1), D(2024, 5, 2)], open=[D(2024, 5, 1)])


# --- FORMAT.md 6.1's claim ---------------------------------------------------------

def labor_day_claim(government: BusinessCalendar) -> Callable[[D], bool]:
    """FORMAT.md 6.1: government plus Labor Day (May 1) closed; on a Saturday, Apr 30."""
    def rule(day: D) -> bool:
        may1 = D(day.year, 5, 1)
        if day == may1 or (may1.weekday() == 5 and day == may1 - ONE):
            return False
        return government.is_business_day(day)
    return rule


def test_format_md_claim_bank_is_government_plus_labor_day_2012_2026() -> None:
    """The claim holds on every day of 2012-2026 but two: when Labor Day falls on a
    Sunday (2016, 2022), XTAI, hence bank, also closes the Monday after (observed
    Labor Day), which the claim leaves open.  The claim with Labor Day observed as
    XTAI does (Saturday -> Friday before, Sunday -> Monday after) holds exactly."""
    bank, government = BusinessCalendar("bank"), BusinessCalendar("government")
    claim = labor_day_claim(government)
    every_day = days(D(2012, 1, 1), D(2026, 12, 31))
    differ = [d for d in every_day if bank.is_business_day(d) != claim(d)]
    assert differ == [D(2016, 5, 2), D(2022, 5, 2)]
    assert all(D(d.year, 5, 1).weekday() == 6 and not bank.is_business_day(d) for d in differ)
    assert not bank.is_business_day(D(2021, 4, 30))  # the claim's Saturday case holds

    def observed(d: D) -> bool:
        may1 = D(d.year, 5, 1)
        shifted = {5: may1 - ONE, 6: may1 + ONE}.get(may1.weekday(), may1)
        return d not in (may1, shifted) and government.is_business_day(d)

    assert [d for d in every_day if bank.is_business_day(d) != observed(d)] == []


# --- the tables ------------------------------------------------------------------------

def holidays_truth(kind: str) -> Callable[[D], bool]:
    """Written here from the holidays API, independently of calendar_tables."""
    import holidays

    if kind == "government":
        return holidays.country_holidays("TW").is_working_day  # type: ignore[no-any-return]
    xtai = holidays.financial_holidays("XTAI", language="en_US")
    if kind == "exchange":
        return xtai.is_working_day  # type: ignore[no-any-return]
    return lambda d: xtai.is_working_day(d) or (
        d in xtai and set(xtai.get_list(d)) == {"No Trading (Market opens only for Clearing & Settlement)"})


@pytest.mark.parametrize("kind", CALENDARS)
def test_the_tables_agree_with_holidays_every_day_of_the_span(kind: str) -> None:
    truth = holidays_truth(kind)
    cal = BusinessCalendar(kind)
    wrong = [d for d in days(*SPAN) if cal.is_business_day(d) != bool(truth(d))]
    assert wrong == [], f"{kind}: regenerate with python -m fxreport.checking.calendar_tables"


def test_the_committed_tables_are_what_the_generator_writes() -> None:
    committed = Path(_calendar_data.__file__).read_text(encoding="utf-8")
    assert committed == calendar_tables.generate(), "run python -m fxreport.checking.calendar_tables"
    assert (_calendar_data.FIRST_YEAR, _calendar_data.LAST_YEAR) == (calendar_tables.FIRST_YEAR,
                                                                      calendar_tables.LAST_YEAR)
    assert calendar_tables.KINDS == CALENDARS


@pytest.mark.parametrize("kind", CALENDARS)
def test_outside_the_span_holidays_answers(kind: str) -> None:
    truth = holidays_truth(kind)
    cal = BusinessCalendar(kind)
    for d in days(D(2031, 1, 1), D(2032, 12, 31)) + days(D(2006, 1, 1), D(2007, 12, 31)):
        assert cal.is_business_day(d) == bool(truth(d)), d
    assert not cal.is_business_day(D(2031, 10, 10))  # National Day, a Friday
    # across the edges of the span
    assert cal.previous(D(2031, 1, 2)) == D(2030, 12, 31)  # 2031-01-01 is a holiday
    assert cal.next(D(2030, 12, 31)) == D(2031, 1, 2)
    assert cal.previous(D(2008, 1, 2)) == D(2007, 12, 31)
    assert cal.missing_between(D(2030, 12, 30), D(2031, 1, 3)) == [D(2030, 12, 31), D(2031, 1, 2)]


PROBE = textwrap.dedent("""
    import sys, time
    t = time.perf_counter()
    import datetime as dt
    from fxreport.checking.calendar import BusinessCalendar
    kinds = {kinds!r}
    for kind in kinds:
        cal = BusinessCalendar(kind)
        cal.previous(dt.date({year}, 5, 2)); cal.next(dt.date({year}, 4, 30))
        cal.missing_between(dt.date({year}, 1, 1), dt.date({year}, 12, 31))
    t = time.perf_counter() - t
    print("holidays" in sys.modules, round(t * 1000, 1))
""")


def probe(kinds: tuple[str, ...], year: int) -> tuple[bool, float]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(kinds=kinds, year=year)],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
    return out[0] == "True", float(out[1])


def test_inside_the_span_holidays_is_not_imported() -> None:
    for kind in CALENDARS:
        imported, ms = probe((kind,), 2024)
        assert not imported, kind
        print(f"\n{kind}: import + first use {ms} ms, without holidays")  # seen with pytest -s
    imported, ms = probe(CALENDARS, 2035)  # and the probe can see it when it is
    assert imported
    print(f"outside the span: import + first use {ms} ms, with holidays")


def test_a_check_with_previous_does_not_import_holidays(tmp_path: Path) -> None:
    a, b = write_pair(tmp_path, D(2024, 4, 30), D(2024, 5, 2))
    code = ("import sys\nfrom fxreport.checking.pipeline import CheckOptions, check_paths\n"
            f"o = check_paths([{str(b)!r}], CheckOptions(previous={str(a)!r}))\n"
            "assert o.reports[0].findings == (), o.reports[0].findings\n"
            "print('holidays' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    assert out.strip() == "False"


# --- day files -----------------------------------------------------------------------

def test_read_days_iso_roc_comments_blank_lines(tmp_path: Path) -> None:
    f = tmp_path / "closed.txt"
    f.write_text("# typhoon days\n\n2024-07-25\n113/07/26   # ROC\n  105/12/09\t\n#2024-01-01\n",
                 encoding="utf-8")
    assert read_days(f) == [D(2024, 7, 25), D(2024, 7, 26), D(2016, 12, 9)]
    assert read_days(str(f)) == read_days(f)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp950"])
def test_read_days_bom_and_big5_comments(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "closed.txt"
    f.write_bytes("113/07/25 # 凱米颱風停止上班\r\n2024-07-26\r\n".encode(encoding))
    assert read_days(f) == [D(2024, 7, 25), D(2024, 7, 26)]


@pytest.mark.parametrize("line", ["not a date", "2024-02-30", "113/13/01", "000/01/01", "2024/05/01",
                                  "20240501", "2024-5-1", "13/05/01", "２０２４-05-01", "2024-05-01 2024-05-02"])
def test_a_bad_line_names_the_file_the_line_and_the_forms(tmp_path: Path, line: str) -> None:
    f = tmp_path / "closed.txt"
    f.write_text(f"# ok\n2024-05-01\n\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError) as e:
        read_days(f)
    text = str(e.value)
    assert f"{f}, line 4: " in text and "is not a date" in text
    assert "ISO 2016-12-09" in text and "ROC 105/12/09" in text


def test_utf16_and_undecodable_files_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "closed.txt"
    f.write_bytes("2024-05-01\n".encode("utf-16"))
    with pytest.raises(ValueError, match="UTF-16"):
        read_days(f)
    f.write_bytes(b"2024-05-01 # \xff\xff\n")
    with pytest.raises(ValueError, match="neither UTF-8 nor Big5"):
        read_days(f)
    with pytest.raises(OSError):
        read_days(tmp_path / "missing.txt")


# --- the CLI -------------------------------------------------------------------------

def write_report(folder: Path, source: Path, day: D) -> Path:
    report = fxreport.load(source).model_copy(update={"date": day})
    path = folder / report.filename
    path.write_bytes(fxreport.dumps(report))
    return path


def write_pair(folder: Path, first: D, second: D) -> tuple[Path, Path]:
    """DAY1 and DAY2 (a continuous pair) moved to ``first`` and ``second``."""
    return write_report(folder, DAY1, first), write_report(folder, DAY2, second)


def check_codes(run: Run, *args: str) -> list[str]:
    r = run("check", "--format", "json", *args)
    out = json.loads(r.stdout)
    assert r.exit_code == (0 if all(f["valid"] for f in out["files"]) else 1), r.output
    return [f["code"] for f in out["files"][-1]["findings"]]


def test_check_previous_across_labor_day(run: Run, tmp_path: Path) -> None:
    before, after = write_pair(tmp_path, D(2024, 4, 30), D(2024, 5, 2))
    assert check_codes(run, str(after), "--previous", str(before)) == []
    assert check_codes(run, str(after), "--previous", str(before), "--calendar", "bank") == []
    assert check_codes(run, str(after), "--previous", str(before), "--calendar", "exchange") == []
    assert check_codes(run, str(after), "--previous", str(before), "--calendar", "government") == ["CNT003"]
    labor = tmp_path / "labor.txt"
    labor.write_text("113/05/01  # Labor Day\n", encoding="utf-8")
    assert check_codes(run, str(after), "--previous", str(before), "--calendar", "government",
                       "--closed-days", str(labor)) == []
    assert check_codes(run, str(after), "--previous", str(before), "--open-days", str(labor)) == ["CNT003"]


def test_check_series_across_lunar_new_year(run: Run, tmp_path: Path) -> None:
    write_pair(tmp_path, D(2024, 2, 5), D(2024, 2, 15))
    assert check_codes(run, str(tmp_path), "--calendar", "exchange") == []
    assert check_codes(run, str(tmp_path)) == ["CNT003"]  # bank: Feb 6 and 7 are business days


def test_roll_uses_the_calendar(run: Run, tmp_path: Path) -> None:
    prev = write_report(tmp_path, DAY2, D(2024, 4, 30))

    def rolled(*args: str) -> str:
        r = run("roll", str(prev), *args)
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)["date"]  # type: ignore[no-any-return]

    assert rolled() == "113/05/02"
    assert rolled("--calendar", "bank") == "113/05/02"
    assert rolled("--calendar", "government") == "113/05/01"
    days_file = tmp_path / "days.txt"
    days_file.write_text("2024-05-01\n", encoding="utf-8")
    assert rolled("--open-days", str(days_file)) == "113/05/01"
    days_file.write_text("2024-05-02\n2024-05-03\n", encoding="utf-8")
    assert rolled("--closed-days", str(days_file)) == "113/05/06"
    prev = write_report(tmp_path, DAY2, D(2024, 2, 5))
    assert rolled() == "113/02/06"
    assert rolled("--calendar", "exchange") == "113/02/15"


@pytest.mark.parametrize("command", ["check", "roll"])
def test_bad_day_files_exit_2_with_one_line(run: Run, tmp_path: Path, command: str) -> None:
    report = write_report(tmp_path, DAY2, D(2024, 4, 30))
    bad = tmp_path / "bad.txt"
    bad.write_text("2024-05-01\nMay 2nd\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("2024-05-01\n", encoding="utf-8")
    cases = [
        (["--closed-days", str(bad)], f"--closed-days: {bad}, line 2: 'May 2nd' is not a date"),
        (["--open-days", str(bad)], f"--open-days: {bad}, line 2: 'May 2nd' is not a date"),
        (["--open-days", str(tmp_path / "nope.txt")], "--open-days: cannot read"),
        (["--closed-days", str(tmp_path)], "--closed-days: cannot read"),
        (["--closed-days", str(good), "--open-days", str(good)], "listed both as closed and as open"),
    ]
    for options, message in cases:
        r = run(command, str(report), *options)
        assert r.exit_code == 2, (options, r.output)
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("fxreport: ") and message in lines[0], lines
        assert "Traceback" not in r.output
    r = run(command, str(report), "--calendar", "stock")
    assert r.exit_code == 2 and "'stock' is not one of 'bank', 'exchange', 'government'" in r.stderr
