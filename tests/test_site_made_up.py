"""The page's warm-up reports (``site.bridge._made_up``) are written field by field with
each type's ``format``, because the project's writer (``core.codec``, construct) is not on
the browser's path; they must be what that writer writes, byte for byte."""

from __future__ import annotations

import datetime as dt

import fxreport
from fxreport.checking.decoder import decode
from fxreport.core.layout import FX_POSITION
from fxreport.site.bridge import _made_up
from fxreport.site.build import OFF_PATH


def test_the_made_up_reports_are_the_writers() -> None:
    assert "construct" in OFF_PATH  # why the bridge writes its own
    day = dt.date(2024, 3, 5)
    name, data = _made_up("WARM", day)
    assert FX_POSITION.naming is not None and name == FX_POSITION.naming("WARM", day)
    d = decode(data)
    assert d.findings == [] and (d.bank, d.date) == ("WARM", day)
    assert set(d.values.values()) == {0} and len(d.values) == len(FX_POSITION.amount_fields())
    assert fxreport.dumps(fxreport.loads(data)) == data  # the construct writer's bytes
