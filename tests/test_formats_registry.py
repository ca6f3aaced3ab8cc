"""`build` takes a file as a format's input by the names ``formats.FORMATS`` gives that
format wherever the content does not decide (``formats.sniff.input_kind``)."""

from __future__ import annotations

import pytest

from fxreport.formats import FORMATS, ReportFormat
from fxreport.formats.sniff import input_kind, is_workbook

PLAIN = b"hello\n"  # not an object, a header, a submission file nor tab-separated


@pytest.mark.parametrize("fmt", [f for f in FORMATS.values() if f.reader and f.suffixes],
                         ids=lambda f: f.name)
def test_each_registered_name_decides_plain_content(fmt: ReportFormat) -> None:
    for suffix in fmt.suffixes:
        assert input_kind("in" + suffix.upper(), PLAIN) == fmt.name
    assert is_workbook("in" + fmt.suffixes[0], PLAIN) == fmt.binary


def test_a_name_the_registry_does_not_know_leaves_it_to_the_content() -> None:
    assert input_kind("in.dat", PLAIN) == "csv"
    assert input_kind("in.dat", b'{"bank": "ABCD"}') == "json"


def test_a_new_entry_with_names_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    made_up = ReportFormat("yaml", "made.up:read", None, False, (".yaml", ".yml"))
    monkeypatch.setitem(FORMATS, "yaml", made_up)
    assert input_kind("in.yml", PLAIN) == "yaml"
    assert input_kind("in.yaml", b"a,b\n") == "yaml"
    assert input_kind("in.yaml", b'{"bank": "ABCD"}') == "json"  # content decides first


def test_every_kind_is_a_registered_reader() -> None:
    names = ["in", "in.csv", "in.json", "in.txt", "in.xlsx", "in.tsv"]
    contents = [PLAIN, b"[1]", b'"x"', b"\xff\xfea\x00", b"PK\x03\x04", b"\xef\xbb\xbf{}",
                b"row,start,end,name,label,value\n"]
    for name in names:
        for data in contents:
            kind = input_kind(name, data)
            assert kind in FORMATS and FORMATS[kind].reader, (name, data)
