"""CNT003's English message mixed ISO and ROC dates in one sentence, and FLD005 for a day
listed in --closed-days blamed "the bank calendar" (issue 17 item 10)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fxreport.checking.pipeline import check_contents
from reports import BYTES1, BYTES2, Run

ISO = r"\d{4}-\d{2}-\d{2}"
ROC = r"\d{3}/\d{2}/\d{2}"


def test_cnt003_writes_each_date_as_iso_with_its_roc_date() -> None:
    out = check_contents([("ABP1208.txt", BYTES1), ("ABP1212.txt", BYTES2.replace(b"105/12/09", b"105/12/12"))])
    f = next(f for f in out.reports[1].findings if f.code == "CNT003")
    en = f.message()
    assert "2016-12-08 (105/12/08)" in en and "2016-12-09 (105/12/09)" in en, en
    # every date of the sentence in the one style: no ROC date without its ISO date before it
    assert len(re.findall(ROC, en)) == len(re.findall(rf"{ISO} \({ROC}\)", en))
    zh = f.message("zh-TW")
    assert "105/12/08" in zh and not re.search(ISO, zh)


def test_fld005_for_a_declared_closed_day_names_the_declaration(run: Run, tmp_path: Path) -> None:
    (tmp_path / "closed.txt").write_text("105/12/09\n", encoding="utf-8")
    (tmp_path / "ABP1209.txt").write_bytes(BYTES2)
    for lang, said, not_said in (("en", "closed days", "bank calendar"), ("zh-TW", "停止營業日", "行事曆")):
        r = run("check", "--format", "json", "--lang", lang, "--closed-days",
                str(tmp_path / "closed.txt"), str(tmp_path / "ABP1209.txt"))
        f = json.loads(r.stdout)["files"][0]["findings"][0]
        assert f["code"] == "FLD005"
        assert said in f["message"] and not_said not in f["message"], f["message"]
    # a day the calendar itself closes still names the calendar
    (tmp_path / "ABP0502.txt").write_bytes(BYTES2.replace(b"105/12/09", b"105/05/02"))
    r = run("check", "--format", "json", str(tmp_path / "ABP0502.txt"))
    assert "bank calendar" in json.loads(r.stdout)["files"][0]["findings"][0]["message"]
