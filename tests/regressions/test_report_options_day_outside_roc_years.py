"""An extra open or closed day outside the ROC years the format holds (1911-01-01 is ROC
year 0) made the HTML report raise while it listed the options in Chinese (found by
schemathesis against POST /api/report). Such a day is listed in ISO instead."""

from __future__ import annotations

import datetime as dt

from fxreport.checking.pipeline import CheckOptions, check_contents
from fxreport.outputs.html import render_html
from reports import BYTES2


def test_a_day_outside_roc_years_is_listed_in_iso() -> None:
    options = CheckOptions(lang="zh-TW", open_days=(dt.date(1911, 1, 1),),
                           closed_days=(dt.date(2016, 9, 27),))
    html = render_html(check_contents([("ABP1209.txt", BYTES2)], options))
    assert "另列的上班日</dt><dd>1911-01-01</dd>" in html
    assert "另列的停止上班日</dt><dd>105/09/27</dd>" in html
