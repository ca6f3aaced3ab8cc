""""A warning still to review" is said once, in the pipeline (``pipeline.is_open``):
``--strict`` fails on it, and the month table and the HTML report's days ask to review
it; they cannot disagree about a file."""

from __future__ import annotations

import pytest

from fxreport.checking.pipeline import CheckOptions, check_paths, is_open
from fxreport.checking.sidecar import read_limits, read_verified
from fxreport.outputs.series import day_verdict
from reports import CORPUS


@pytest.mark.parametrize("name", ["verified-quality-strict-passes",
                                  "verified-limit-and-unverified-quality-strict-fails",
                                  "qua001-strict-fails", "nam-letter-case", "ari-ari012-pos",
                                  "series-gap-and-mismatch"])
def test_strict_fails_exactly_the_days_to_review_or_invalid(name: str) -> None:
    folder = CORPUS / name
    verified = folder / "verified.csv"
    lines = tuple(read_verified(verified.read_bytes(), "v")) if verified.exists() else ()
    limits = folder / "limits.csv"
    outcome = check_paths(sorted(str(p) for p in folder.glob("*.txt")), CheckOptions(
        strict=True, verified=lines,
        limits=read_limits(limits.read_bytes(), "l") if limits.exists() else None))
    assert outcome.reports
    for r in outcome.reports:
        assert outcome.fails(r) == (day_verdict(r) != "valid"), r.path
        assert (day_verdict(r) == "review") == (r.valid and any(map(is_open, r.findings)))
    if lines:  # a verified warning is not open, and does not fail --strict
        noted = [f for r in outcome.reports for f in r.findings if f.verified is not None]
        assert noted and not any(map(is_open, noted))
