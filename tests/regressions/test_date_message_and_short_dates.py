"""Defect 14: the date message repeated the value and gave an unrelated example;
build input and `roll --date` refused 105/1/2.

The message says the accepted forms once, with the user's own date in them
where it can be told; short months and days are accepted in typed dates, never
in the submission file's DATE field.
"""

from __future__ import annotations

import json

import pytest

import fxreport
from fxreport.core import fields
from reports import DAY2, Run, put


def _build(run: Run, date: str) -> tuple[int, str]:
    doc = fxreport.load(DAY2).to_json_dict()
    doc["date"] = date
    r = run("build", "-", input=json.dumps(doc))
    return r.exit_code, r.stderr


@pytest.mark.parametrize("date,message", [
    ("2016/12/12", '"2016/12/12" is not a date: write it as ROC 105/12/12 or ISO 2016-12-12'),
    ("105.12.9", '"105.12.9" is not a date: write it as ROC 105/12/09 or ISO 2016-12-09'),
    ("someday", '"someday" is not a date: write it as ROC YYY/MM/DD or ISO YYYY-MM-DD, '
                "such as 105/12/09 or 2016-12-09"),
    ("105/02/30", '"105/02/30" is not a real date'),
])
def test_date_messages_say_the_forms_once_with_the_users_date(run: Run, date: str, message: str) -> None:
    code, err = _build(run, date)
    assert code == 1 and message in err, err
    assert err.count(date) == 1


def test_short_months_and_days_are_read_in_typed_dates_only(run: Run) -> None:
    doc = fxreport.load(DAY2).to_json_dict()
    doc["date"] = "105/1/2"
    assert fxreport.Report.model_validate(doc).date.isoformat() == "2016-01-02"
    r = run("roll", str(DAY2), "--date", "106/1/3")
    assert r.exit_code == 0 and json.loads(r.stdout)["date"] == "106/01/03"
    with pytest.raises(fields.FieldFormatError):
        fields.ROC_DATE.parse(b"105/1/2  ")
    with pytest.raises(fxreport.ReportDecodeError):
        fxreport.loads(put(put(put(DAY2.read_bytes(), 1, 5, b"105/12/9 "), 2, 5, b"105/12/9 "),
                           3, 5, b"105/12/9 "))
