"""Issue 17.9: `roll` said nothing when PREV had errors or `--date` was not a business
day.  FORMAT.md 7.8: it warns on standard error, naming the errors; the exit status
stays 0."""

from __future__ import annotations

import json

import pytest

from reports import DAY2, Run, SAMPLES

BROKEN = SAMPLES / "broken" / "arithmetic" / "ABP1209.txt"


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_prev_with_errors_is_named(run: Run, lang: str) -> None:
    r = run("roll", str(BROKEN), "--lang", lang)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["date"] == "105/12/12"
    assert "ARI001 ACUST" in r.stderr
    assert ("has errors" if lang == "en" else "有錯誤") in r.stderr


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_date_not_a_business_day(run: Run, lang: str) -> None:
    r = run("roll", str(DAY2), "--date", "105/12/10", "--lang", lang)
    assert r.exit_code == 0 and json.loads(r.stdout)["date"] == "105/12/10"
    assert ("2016-12-10 is not a business day in the bank calendar" if lang == "en"
            else "依銀行營業日行事曆，--date 105/12/10 不是營業日") in r.stderr


def test_a_clean_roll_says_nothing(run: Run) -> None:
    r = run("roll", str(DAY2), "--date", "105/12/12")
    assert r.exit_code == 0 and r.stderr == ""
