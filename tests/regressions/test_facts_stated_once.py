"""Issue 16 item 5: each fact of the format stated once and read everywhere else.

The amount bound, the ROC year range, the firm-code pattern, the byte order marks, the
typed-date forms, the newline and sign styles and the server's caps each have one
definition; these tests read every place that shows or uses one from that definition, and
no module of those places types the number again.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from fxreport.checking import calendar, sidecar
from fxreport.checking.decoder import decode
from fxreport.core import fields, words
from fxreport.core.fields import AMOUNT_MAX, BOMS, FIRST_DAY, LAST_DAY, parse_any_date

PACKAGE = Path(fields.__file__).resolve().parents[1]
# the modules that once typed a fact again beside its definition
RETYPED = ["core/words.py", "core/rules.py", "core/codec.py", "checking/sidecar.py",
           "checking/calendar.py", "checking/decoder.py", "checking/encoding.py",
           "server/models.py", "server/upload.py", "server/app.py", "api.py",
           "commands/__init__.py"]


# a fact as it was typed again -> the one module that states it (None: core/fields.py)
FACTS = {"999,999,999": None, "999_999_999": None, "1911": None, "1912": None, "2910": None,
         "001 to 999": None, "001-999\"": None, "[A-Z0-9]{4}": None, r"\xef\xbb\xbf": None,
         r"\xff\xfe": None, "max_length=500": None, '["crlf", "lf"]': None, '"crlf": b"': None,
         '"spaces", "zero-fill"': None, '"en", "zh-TW"': "core/words.py",
         '"bank", "exchange", "government"': "checking/calendar.py",
         '"naming", "quality", "limit"': "core/rules.py"}


@pytest.mark.parametrize("module", RETYPED)
def test_no_module_types_a_fact_again(module: str) -> None:
    text = (PACKAGE / module).read_text(encoding="utf-8")
    for fact, home in FACTS.items():
        assert module == home or fact not in text, (module, fact)


def test_messages_take_the_bounds_from_the_constants() -> None:
    assert words.BOUNDS["amount_max"] == AMOUNT_MAX
    limit = words.sidecar_word("limit_value", "en", found="0")
    assert f"from 1 to {AMOUNT_MAX:,} " in limit and "{" not in limit
    zh = words.input_message("date_range", "zh-TW", {"value": "甲"})
    assert zh == "甲 超出申報檔可填的民國 001 年至 999 年"
    en = words.input_message("date_range", "en", {"value": "x"})
    assert f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})" in en
    assert (FIRST_DAY, LAST_DAY) == (dt.date(1912, 1, 1), dt.date(2910, 12, 31))
    assert f"-{AMOUNT_MAX:,} to {AMOUNT_MAX:,}" in words.SHEET["prompt"][0]


def test_the_limits_file_bound_is_the_amount_bound() -> None:
    ok = sidecar.read_limits(f"BANK,POS\r\nABCD,{AMOUNT_MAX}\r\n".encode(), "limits.csv")
    assert ok == {"ABCD": {"POS": AMOUNT_MAX}}
    with pytest.raises(sidecar.SidecarError) as over:
        sidecar.read_limits(f"BANK,POS\r\nABCD,{AMOUNT_MAX + 1}\r\n".encode(), "limits.csv")
    assert over.value.key == "limit_value"
    with pytest.raises(sidecar.SidecarError) as code:  # the firm-code pattern is fields'
        sidecar.read_limits(b"BANK,POS\r\nabcd,1\r\n", "limits.csv")
    assert code.value.key == "bank_form"


@pytest.mark.parametrize(("text", "loose", "exact"), [
    ("105/12/09", dt.date(2016, 12, 9), dt.date(2016, 12, 9)),
    ("2016-12-09", dt.date(2016, 12, 9), dt.date(2016, 12, 9)),
    ("105/1/2", dt.date(2016, 1, 2), None),
    ("2016-1-2", dt.date(2016, 1, 2), None),
    ("5/01/02", dt.date(1916, 1, 2), None),
    ("000/01/02", None, None),
    ("105/02/30", None, None),
    ("2016/12/09", None, None),
])
def test_one_parser_of_typed_dates(text: str, loose: dt.date | None,
                                   exact: dt.date | None) -> None:
    """build's loose forms and the date files' full-width ones: one parser, one flag."""
    for strict, want in ((False, loose), (True, exact)):
        if want is None:
            with pytest.raises(fields.FieldFormatError):
                parse_any_date(text, exact=strict)
        else:
            assert parse_any_date(text, exact=strict) == want
    assert sidecar._date(text) == exact
    assert calendar._date(text) == exact


def test_a_day_file_takes_only_days_the_report_can_name() -> None:
    """The day files refuse an ISO day outside the ROC years; the verified file reads it
    (it then matches no report), as before the parsers were one."""
    assert calendar._date("1911-12-31") is None and calendar._date("2910-12-31") == LAST_DAY
    assert sidecar._date("1911-12-31") == dt.date(1911, 12, 31)


@pytest.mark.parametrize("name", list(BOMS))
def test_every_byte_order_mark_from_one_table(name: str) -> None:
    codes = [f.code for f in decode(BOMS[name] + b"ABCD").findings]
    if name == "UTF-8":
        assert codes == ["ENC002"]
    else:
        found = decode(BOMS[name] + b"A\x00").findings
        assert [f.code for f in found] == ["ENC001"] and found[0].params["encoding"] == name


def test_the_servers_caps_and_choices_read_their_definitions() -> None:
    from fxreport.server import app, limits, models, upload

    files = models.CheckForm.model_fields["files"].metadata
    assert any(getattr(m, "max_length", None) == limits.MAX_FILES for m in files)
    assert upload.MAX_FILES is limits.MAX_FILES  # the reader's cap is the schema's
    described = app._ERRORS[413]["description"]
    assert f"{limits.MAX_FILES} files" in described and "16 MiB" in described


def test_the_cli_choices_are_the_librarys() -> None:
    from fxreport.cli import cli
    from click.testing import CliRunner

    text = CliRunner().invoke(cli, ["fmt", "--help"]).output
    assert re.search(r"--newline \[crlf\|lf\]", text)
    assert re.search(r"--sign-style \[spaces\|zero-fill\]", text)
    roll = " ".join(CliRunner().invoke(cli, ["roll", "--help"]).output.split())
    for kind in calendar.CALENDARS:
        assert f"{kind} (" in roll
