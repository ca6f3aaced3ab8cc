"""FORMAT.md 7.7 across the merge of main (issue 20's verdict): a warning whose finding
is verified does not fail under --strict, in ``Outcome.fails``/``verdict()``, the exit
status and the HTML report; a file whose only warnings are verified is valid, not to
review.  A verified hint's "how" is in ``rules.HOW``, never in the hint."""

from __future__ import annotations

import re

from fxreport.checking.pipeline import CheckOptions, check_paths
from fxreport.checking.sidecar import read_verified
from fxreport.core.rules import HOW, RULES
from fxreport.outputs.html import render_html, verdict_state
from fxreport.outputs.series import day_verdict
from reports import CORPUS

CASE = CORPUS / "verified-quality-strict-passes"


def _outcome(verified: bool, strict: bool = True):  # type: ignore[no-untyped-def]
    lines = tuple(read_verified((CASE / "verified.csv").read_bytes(), "verified.csv")) if verified else ()
    return check_paths([str(CASE / "ABP1209.txt")], CheckOptions(strict=strict, verified=lines))


def test_verified_warning_passes_strict_and_reads_valid() -> None:
    outcome = _outcome(verified=True)
    (r,) = outcome.reports
    assert [f.code for f in r.findings] == ["QUA001"] and r.findings[0].verified
    assert not outcome.fails(r) and outcome.exit_status() == 0
    assert outcome.verdict() == "pass" and verdict_state(outcome) == "pass"
    assert day_verdict(r) == "valid"
    html = render_html(outcome)
    assert re.search(r'class="verdict-box pass"', html)


def test_the_same_warning_unverified_fails_strict_and_is_to_review() -> None:
    outcome = _outcome(verified=False)
    (r,) = outcome.reports
    assert outcome.fails(r) and outcome.exit_status() == 1
    assert outcome.verdict() == "fail_strict" and verdict_state(outcome) == "fail"
    assert day_verdict(r) == "review"
    lenient = _outcome(verified=False, strict=False)
    assert lenient.verdict() == "pass" and verdict_state(lenient) == "review"


def test_quality_and_limit_hints_name_no_option_and_say_how_in_the_table() -> None:
    for code in ("QUA001", "QUA002", "QUA003", "LIM001"):
        for hint in RULES[code].hint.values():
            assert "--" not in hint and "fxreport" not in hint, (code, hint)
        assert HOW[code] == "verify"
