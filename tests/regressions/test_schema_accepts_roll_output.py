"""Issue 17.6: `fxreport schema` rejected `roll`'s own output (13 errors: ROC date
strings, the left sides that `build --derive` fills missing).  The schema describes
what `build` accepts: left sides optional, ROC or ISO dates."""

from __future__ import annotations

import json

import jsonschema_rs  # the validator schemathesis (a test dependency) brings
import pytest

from fxreport.core.identities import TARGETS
from reports import DAY2, Run


def _schema(run: Run) -> dict:
    r = run("schema")
    assert r.exit_code == 0
    return json.loads(r.stdout)


def _errors(run: Run, doc: object) -> list[str]:
    return [e.message for e in jsonschema_rs.validator_for(_schema(run)).iter_errors(doc)]


def test_roll_output_is_valid_build_input(run: Run) -> None:
    rolled = json.loads(run("roll", str(DAY2)).stdout)
    assert not TARGETS & {*rolled["row1"], *rolled["row2"], *rolled["row3"]}  # left sides out
    assert _errors(run, rolled) == []
    shown = json.loads(run("show", str(DAY2), "--format", "json").stdout)
    assert _errors(run, shown) == []
    for date in ("105/1/2", "2016-12-09", " 105/12/09 "):
        assert _errors(run, {**rolled, "date": date}) == [], date
        r = run("build", "-", "--derive", "-o", "-", input=json.dumps({**rolled, "date": date}))
        assert r.exit_code == 0, (date, r.output)


@pytest.mark.parametrize("bad", [{"date": "2016/12/09"}, {"date": 20161209}, {"bank": "abcd"},
                                 {"row1": {"AB": 1.5}}, {"extra": 1}])
def test_what_build_refuses_the_schema_refuses(run: Run, bad: dict) -> None:
    rolled = json.loads(run("roll", str(DAY2)).stdout)
    doc = {**rolled, **bad}
    if "row1" in bad:
        doc["row1"] = {**rolled["row1"], **bad["row1"]}
    assert _errors(run, doc)
    r = run("build", "-", "--derive", "-o", "-", input=json.dumps(doc))
    assert r.exit_code == 1
