"""Issue 18.5 and 18.6: a 73 KB sheet of a million rows took 54 s and 901 MB, 30 MiB of styled
empty cells 72 s and 2.49 GB, 100k defined names 12 s; and a normal clerk's book over 1 MiB
(the form and a 60k-row detail sheet) was refused as "build input is one day's JSON or CSV".

Each part that is read has a cap on its unpacked size, checked in the zip directory (and
while unpacking, since the directory may lie); other sheets are never unpacked.  Time and
peak memory of each case: ``python benchmarks/workbooks.py``."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from workbooks import SHEET_PART, WORKBOOK_PART, patched, sheet_xml, with_sheet

from fxreport.core.problems import InputError
from fxreport.formats import xlsx_reading
from fxreport.formats.xlsx_reading import read_workbook
from reports import Run


def _refusal(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_workbook(data)
    return caught.value.problems[0].key


def million_rows_without_numbers() -> bytes:
    return sheet_xml(b"<row><c><v>1</v></c></row>" * 1_000_000)


def detail_rows(count: int) -> bytes:
    rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>trade {i:06d} counterparty '
                   f'{i * 7919 % 100003:06d}</t></is></c><c r="B{i}"><v>{i * 37 % 9973}</v></c>'
                   f'<c r="C{i}"><v>{i * 13 % 997}.25</v></c></row>' for i in range(1, count + 1))
    return sheet_xml(rows)


def test_another_sheet_of_a_million_rows_is_never_unpacked(rolled_form: bytes, tmp_path: Path) -> None:
    data = with_sheet(rolled_form, "Detail", million_rows_without_numbers())
    opened: list[str] = []
    real = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(getattr(name, "filename", name))  # type: ignore[arg-type]
        return real(self, name, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(zipfile.ZipFile, "open", spy)
        book = read_workbook(data)
    assert book.doc["bank"] == "ABCD"
    assert "xl/worksheets/sheet9.xml" not in opened and SHEET_PART in opened


def test_a_form_sheet_of_styled_empty_cells_is_refused_at_once(rolled_form: bytes, tmp_path: Path) -> None:
    filler = b'<c r="Z7" s="1"/>' * (5 * 1024 * 1024 // 16)

    def bloat(body: bytes) -> bytes:
        return body.replace(b"</sheetData>", b'<row r="60">' + filler + b"</row></sheetData>")

    data = patched(rolled_form, {SHEET_PART: bloat})
    assert len(data) < 200_000
    assert _refusal(data) == "xlsx_part_too_large"


def test_a_hundred_thousand_names_are_refused_at_once(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    names = b"".join(b'<definedName name="n%d">Sheet1!$A$1</definedName>' % i
                     for i in range(100_000))
    data = patched(rolled_form, {WORKBOOK_PART: lambda b: b.replace(
        b"<definedNames>", b"<definedNames>" + names)})
    assert _refusal(data) == "xlsx_part_too_large"
    r = run("build", "-", "-o", str(tmp_path), input=data)
    assert r.exit_code == 1 and "unpacks to more than 524,288 bytes" in r.stderr, r.stderr


def test_a_directory_that_lies_about_a_size_is_refused(rolled_form: bytes, tmp_path: Path) -> None:
    names = b"".join(b'<definedName name="n%d">Sheet1!$A$1</definedName>' % i
                     for i in range(100_000))
    data = bytearray(patched(rolled_form, {WORKBOOK_PART: lambda b: b.replace(
        b"<definedNames>", b"<definedNames>" + names)}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(WORKBOOK_PART)
    central = bytes(data).index(b"PK\x01\x02")  # the central directory's first entry
    # every header of the part says it unpacks to 1,000 bytes
    struct.pack_into("<I", data, info.header_offset + 22, 1000)
    pos = central
    while True:
        pos = bytes(data).index(b"PK\x01\x02", pos)
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + name_len]) == WORKBOOK_PART.encode():
            struct.pack_into("<I", data, pos + 24, 1000)
            break
        pos += 4
    assert _refusal(bytes(data)) in ("xlsx_part_too_large", "xlsx_corrupt")


def test_shared_strings_over_their_cap_are_refused(rolled_form: bytes, tmp_path: Path) -> None:
    strings = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + b"<si><t>x</t></si>" * (xlsx_reading.STRINGS_LIMIT // 17 + 1) + b"</sst>")
    data = patched(rolled_form, {"xl/sharedStrings.xml": strings})
    assert _refusal(data) == "xlsx_part_too_large"


def test_a_clerks_book_over_one_mib_with_a_large_detail_sheet_builds(run: Run, rolled_form: bytes, tmp_path: Path) -> None:
    data = with_sheet(rolled_form, "明細", detail_rows(60_000))
    assert len(data) > 1024 * 1024
    book = tmp_path / "book.xlsx"
    book.write_bytes(data)
    r = run("build", str(book), "-o", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "ABP1212.txt").exists()
