"""What kind of build input a file is, by its content and its name together.

A spreadsheet program saves what the clerk chose, not always what the name
says: a workbook named ``.csv``, CSV whose first cell is quoted, an old
``.xls`` or an OpenDocument ``.ods``.  Content decides where it is clear (the
package signatures, a JSON object, the CSV header); the name decides the rest.
Input that is clearly something else (a submission file, tab-separated text)
is refused here with words saying what it is and what ``build`` expects.
"""

from __future__ import annotations

import re

from ..core.fields import CODE, ROC_DATE
from ..core.layout import FX_POSITION
from ..core.problems import InputError, InputProblem, Where
from ..core.text import UTF16_BOMS, strip_bom
from . import FORMATS, Input, ReportFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any encrypted Office file
ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .xlsm, .ods
_ODS_MIME = b"mimetypeapplication/vnd.oasis.opendocument"
# The first record of a submission file: a firm code and a ROC date, then amounts.
_SUBMISSION = re.compile((CODE.PATTERN + ROC_DATE.PATTERN).encode() + rb"[ +\-0-9]{20}")
_CSV_HEAD = ("row", "start", "end", "name", "label", "value")


def is_ods(data: bytes) -> bool:
    """An OpenDocument package: its first member is ``mimetype``, stored, naming the type."""
    return data.startswith(ZIP_MAGIC) and _ODS_MIME in data[30:30 + 80]


def is_workbook(name: str, data: bytes) -> bool:
    """Whether ``data`` is (or is named as) a spreadsheet package, whatever its kind."""
    return data.startswith((OLE_MAGIC, ZIP_MAGIC)) or kind_by_name(name.lower()) == "xlsx"


def kind_by_name(lower: str) -> str | None:
    """The build input format whose file names (``FORMATS``' suffixes) end ``lower``."""
    return next((f.name for f in FORMATS.values()
                 if f.reader and f.suffixes and lower.endswith(f.suffixes)), None)


def input_kind(name: str, data: bytes) -> str:
    """``xlsx``, ``json`` or ``csv``: the reader that takes ``data`` (named ``name``).

    Raises ``InputError`` for input that is clearly not build input."""
    lower = name.lower()
    if is_workbook(name, data):
        return "xlsx"  # the workbook reader names .xls, .ods and encrypted files
    if data.startswith(UTF16_BOMS):
        text_named = kind_by_name(lower) == "csv" or lower.endswith((".txt", ".tsv"))
        return "csv" if text_named else "json"  # decoding says so
    text = strip_bom(data[:4096]).lstrip()
    if text.startswith(b"{"):
        return "json"
    if _SUBMISSION.match(text):
        raise InputError([InputProblem(Where(), "build_got_submission",
                                       record_width=FX_POSITION.width)])
    first = text.split(b"\n", 1)[0].split(b"\r", 1)[0]
    return _text_kind(lower, text, first)


def _text_kind(lower: str, text: bytes, first: bytes) -> str:
    """``json`` or ``csv`` for text that is neither an object nor a submission file, by
    its first line (``first``) and its name (``lower``); a tab-separated file refused."""
    cells = [c.strip(b' "').lower() for c in first.split(b"\t")]
    if len(cells) > 1 and b"," not in first:
        raise InputError([InputProblem(Where(line=1), "build_got_tsv")])
    if [c.strip(b' "').lower() for c in first.split(b",")] == [h.encode() for h in _CSV_HEAD]:
        return "csv"
    named = kind_by_name(lower)  # the name decides what the content does not
    if named:
        return named
    if text.startswith(b"["):
        return "json"
    if text.startswith(b'"') and b"," not in first:
        return "json"  # a JSON string: "the JSON input must be an object"
    return "csv"


def reader_for(name: str, data: bytes) -> ReportFormat:
    """The build-input format of ``data`` named ``name``, by content and name together
    (``input_kind``); raises ``InputError`` for what is clearly not build input."""
    return FORMATS[input_kind(name, data)]


def read_build_input(name: str, data: bytes) -> Input:
    """Build input from any file ``build`` takes (JSON, CSV or a workbook)."""
    return reader_for(name, data).read(data)
