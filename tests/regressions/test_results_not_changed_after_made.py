"""A check's results were changed after they were made: the verified notes were set on
the findings of the finished ``CheckResult``s, and a series set QUA003's ``found`` on
findings in place.  Now both are given while each result is made (a finding that gains a
note or its bytes is a new finding), so a ``CheckResult`` is final when it is made."""

from __future__ import annotations

from typing import Any

import pytest

from fxreport.checking import checker
from fxreport.checking.pipeline import CheckOptions, Content, check_contents, check_paths
from fxreport.checking.results import CheckResult
from fxreport.checking.sidecar import read_verified
from reports import CORPUS

VERIFIED = CORPUS / "verified-quality-strict-passes"
SERIES = CORPUS / "qua003-out-of-scale"


def _state(result: CheckResult) -> list[tuple[Any, ...]]:
    return [(id(f), f.code, f.found, f.verified, dict(f.params)) for f in result.findings]


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[CheckResult, list[tuple[Any, ...]]]]:
    """Each result as ``Entry.result`` returns it, with its findings' state at that moment."""
    seen: list[tuple[CheckResult, list[tuple[Any, ...]]]] = []
    result = checker.Entry.result

    def spy(self: checker.Entry, *args: Any, **kwargs: Any) -> CheckResult:
        r = result(self, *args, **kwargs)
        seen.append((r, _state(r)))
        return r
    monkeypatch.setattr(checker.Entry, "result", spy)
    return seen


def test_verified_notes_are_given_as_the_result_is_made(made: list[Any]) -> None:
    lines = tuple(read_verified((VERIFIED / "verified.csv").read_bytes(), "verified.csv"))
    outcome = check_paths([VERIFIED / "ABP1209.txt"], CheckOptions(verified=lines, strict=True))
    (report,) = outcome.reports
    assert [f.verified for f in report.findings] == [lines[0].note]  # the note is there
    assert [v.line for v in outcome.stale_verified] == [3]
    assert [(r, state) for r, state in made] == [(report, _state(report))]


def test_qua003_found_is_given_before_the_result_is_made(made: list[Any]) -> None:
    outcome = check_paths([SERIES])
    (flagged,) = [r for r in outcome.reports if r.findings]
    assert [(f.code, f.found) for f in flagged.findings] == [("QUA003", b"   2900000")]
    assert len(made) == len(outcome.reports)
    assert all(state == _state(r) for r, state in made)


def test_a_second_check_leaves_the_first_results_alone() -> None:
    lines = tuple(read_verified((VERIFIED / "verified.csv").read_bytes(), "verified.csv"))
    files = [Content("ABP1209.txt", (VERIFIED / "ABP1209.txt").read_bytes())]
    first = check_contents(files, CheckOptions(verified=lines))
    before = [[f.as_json() for f in r.findings] for r in first.reports]
    again = check_contents(files, CheckOptions())
    assert [[f.as_json() for f in r.findings] for r in first.reports] == before
    assert any(f.verified for r in first.reports for f in r.findings)
    assert not any(f.verified for r in again.reports for f in r.findings)
