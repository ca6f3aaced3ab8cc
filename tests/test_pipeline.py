"""The one check pipeline: options in, an outcome with its exit status out."""

from __future__ import annotations

import datetime as dt

import pytest

from fxreport.checking.pipeline import (
    CheckOptions,
    Content,
    OptionError,
    check_contents,
    check_paths,
)
from fxreport.checking.results import CheckResult
from reports import BYTES1, BYTES2, DAY1, DAY2, put

# ABP1209.txt with a wrong file name only: NAM002 (a warning, letter case)
WARNED = Content("abp1209.txt", BYTES2)
# ABP1209.txt with ACUST not AB - AS: an ARI error
BROKEN = Content("ABP1209.txt", put(BYTES2, 1, 44, b"         1"))


def test_results_are_plain_and_frozen() -> None:
    outcome = check_paths([str(DAY1), str(DAY2)])
    first = outcome.reports[0]
    assert type(first) is CheckResult and first.valid and first.findings == ()
    assert (first.bank, first.date) == ("ABCD", dt.date(2016, 12, 8))
    assert len(first.carried) == 14 and first.prior + first.today == first.carried
    with pytest.raises(AttributeError):
        first.bank = "WXYZ"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        outcome.options = CheckOptions()  # type: ignore[misc]


@pytest.mark.parametrize(("files", "strict", "status", "verdict"), [
    ([Content("ABP1209.txt", BYTES2)], False, 0, "pass"),
    ([WARNED], False, 0, "pass"),
    ([WARNED], True, 1, "fail_strict"),
    ([BROKEN], False, 1, "fail"),
    ([BROKEN], True, 1, "fail"),
    ([], False, 0, "nothing"),
])
def test_exit_status_and_verdict(files: list[Content], strict: bool, status: int,
                                 verdict: str) -> None:
    outcome = check_contents(files, CheckOptions(strict=strict))
    assert outcome.exit_status() == status
    assert outcome.verdict() == verdict


def test_an_unreadable_path_is_exit_status_2(tmp_path: object) -> None:
    outcome = check_paths([str(DAY2), "no-such-file.txt"])
    assert outcome.exit_status() == 2 and outcome.verdict() == "fail"
    assert [u.path for u in outcome.unreadable] == ["no-such-file.txt"]


def test_selection_drops_findings_before_validity() -> None:
    outcome = check_contents([BROKEN], CheckOptions(ignore=("ARI",)))
    assert outcome.reports[0].valid and outcome.exit_status() == 0
    kept = check_contents([BROKEN], CheckOptions(select=("ARI001",))).reports[0]
    assert {f.code for f in kept.findings} == {"ARI001"}
    assert outcome.summary() == {"files": 1, "valid": 1, "errors": 0, "warnings": 0}


@pytest.mark.parametrize(("options", "count", "option", "values"), [
    (CheckOptions(select=("ARI", "XYZ")), 1, "select", ("XYZ",)),
    (CheckOptions(ignore=("QQ",)), 1, "ignore", ("QQ",)),
    (CheckOptions(select=("ZZ",), ignore=("QQ",)), 1, "select", ("ZZ", "QQ")),
    (CheckOptions(previous="x.txt"), 2, "previous", ()),
    (CheckOptions(calendar="stock"), 1, "calendar", ()),
    (CheckOptions(closed_days=(dt.date(2024, 5, 1),), open_days=(dt.date(2024, 5, 1),)), 1,
     "calendar", ()),
])
def test_options_that_cannot_be_used(options: CheckOptions, count: int, option: str,
                                     values: tuple[str, ...]) -> None:
    with pytest.raises(OptionError) as caught:
        check_contents([Content(f"f{i}.txt", BYTES2) for i in range(count)], options)
    assert caught.value.option == option and caught.value.values == values


def test_previous_as_a_path_or_as_content_is_the_same_check() -> None:
    by_path = check_paths([str(DAY2)], CheckOptions(previous=str(DAY1)))
    by_content = check_contents([Content(str(DAY2), BYTES2)],
                                CheckOptions(previous=Content(str(DAY1), BYTES1)))
    assert by_path.reports == by_content.reports
    assert by_path.options.previous == str(DAY1)
