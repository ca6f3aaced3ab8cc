"""`--select ARX` (a typo) checked nothing and said the file was valid (FORMAT.md 6.8)."""

from __future__ import annotations

import pytest

from reports import BYTES2 as DAY2, Run


@pytest.mark.parametrize("option,value", [("--select", "ARX"), ("--ignore", "NAM9"), ("--select", "ARI,ZZZ")])
def test_a_code_that_matches_no_rule_is_a_usage_error(run: Run, option: str, value: str) -> None:
    r = run("check", str(DAY2), option, value)
    assert r.exit_code == 2
    assert "matches no rule" in r.stderr and "valid" not in r.stdout


def test_rules_prefix_lists_the_matching_rules(run: Run) -> None:
    r = run("rules", "ARI", "--lang", "en")
    assert r.exit_code == 0
    assert [line.split()[0] for line in r.stdout.splitlines()] == [f"ARI{i:03d}" for i in range(1, 13)]
    r = run("rules", "ARX")
    assert r.exit_code == 2
