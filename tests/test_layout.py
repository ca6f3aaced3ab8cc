"""The layout table: it tiles every record, agrees with FORMAT.md, and feeds the docs."""

from __future__ import annotations

import re

import pytest

from fxreport import specs
from fxreport.core.fields import AMOUNT, RESERVED
from fxreport.core.layout import LAYOUT, RECORD_WIDTH, ROWS
from fxreport.core.codec import record_structs
from reports import ROOT

VENDORED = ROOT / "tests" / "data" / "FORMAT.md"


@pytest.mark.parametrize("row", [1, 2, 3])
def test_each_row_tiles_1_to_213(row: int) -> None:
    column = 1
    for f in ROWS[row]:
        assert f.start == column, f"gap or overlap before {f}"
        assert f.end >= f.start
        column = f.end + 1
    assert column == RECORD_WIDTH + 1


@pytest.mark.parametrize("row", [1, 2, 3])
def test_construct_struct_width_is_213(row: int) -> None:
    assert record_structs()[row].sizeof() == RECORD_WIDTH


def test_amount_fields_are_ten_bytes_and_names_unique() -> None:
    names = [f.name for f in LAYOUT if f.name and f.name not in ("BANK", "DATE")]
    assert len(names) == len(set(names))
    assert all(f.width == 10 for f in LAYOUT if f.type == AMOUNT)
    attrs = [(f.row, f.attr) for f in LAYOUT]
    assert len(attrs) == len(set(attrs))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", f.attr) for f in LAYOUT)


def _format_tables(text: str) -> dict[int, list[tuple[int, int, str, str]]]:
    """(start, end, name, label) rows of FORMAT.md's three layout tables."""
    tables: dict[int, list[tuple[int, int, str, str]]] = {}
    row = 0
    for line in text.splitlines():
        m = re.match(r"Row (\d):", line)
        if m:
            row = int(m.group(1))
            tables[row] = []
            continue
        if line.startswith("## 4"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if row and len(cells) == 3 and re.fullmatch(r"\d[\d\-, ]*", cells[0]):
            if cells[0] == "1-4, 5-13":
                tables[row] += [(1, 4, "BANK", "as row 1"), (5, 13, "DATE", "as row 1")]
                continue
            start, end = (int(x) for x in cells[0].split("-"))
            tables[row].append((start, end, cells[1], cells[2]))
    return tables


def test_layout_agrees_with_format_md() -> None:
    tables = _format_tables(VENDORED.read_text(encoding="utf-8"))
    assert set(tables) == {1, 2, 3}
    for row, expected in tables.items():
        fields = ROWS[row]
        assert len(fields) == len(expected), f"row {row}"
        for f, (start, end, name, label) in zip(fields, expected):
            assert (f.start, f.end) == (start, end)
            assert (f.name or "(unnamed)") == name
            if label == "R":
                assert f.type == RESERVED, f
            elif label == "as row 1":
                assert (f.name, f.label_zh) == (ROWS[1][0 if name == "BANK" else 1].name,
                                                ROWS[1][0 if name == "BANK" else 1].label_zh)
            elif f.name in ("BANK", "DATE"):
                assert f.label_en == label, f
            else:
                assert f.label_zh == label, f
                assert f.type == AMOUNT, f


@pytest.mark.parametrize("name", sorted(specs.GENERATED))
def test_specs_are_generated_from_the_code(name: str) -> None:
    committed = (ROOT / "specs" / name).read_text(encoding="utf-8")
    assert committed == specs.GENERATED[name](), (
        f"specs/{name} is stale: run `python -m fxreport.specs`")


def test_the_servers_literals_are_the_librarys_tuples() -> None:
    """Languages, categories and calendars are stated once, each as a Literal type whose
    arguments are the library's tuple; the server's schema uses those same types."""
    from typing import get_args

    from fxreport.checking.calendar import CALENDARS, CalendarKind
    from fxreport.core.rules import CATEGORIES, Category
    from fxreport.core.words import LANGS, Lang
    from fxreport.server import models

    assert models.Lang is Lang and get_args(Lang) == LANGS == ("en", "zh-TW")
    assert models.Category is Category and get_args(Category) == CATEGORIES
    calendar = models.CheckForm.model_fields["calendar"].annotation
    assert get_args(calendar)[0] is CalendarKind and get_args(CalendarKind) == CALENDARS
