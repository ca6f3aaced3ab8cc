"""JSON and CSV, in the shapes ``show`` prints and ``build`` reads.

Reading is the build-input policy's (``fxreport.policy.making.read_input``: strict
JSON, spreadsheet CSV forms, every problem at its key path or line); this module
plugs it into the format registry and writes the two shapes.
"""

from __future__ import annotations

import json
from typing import Any

from . import Input


def read_json(data: bytes) -> Input:
    """JSON or CSV by content (``{`` starts JSON), as ``show`` prints them."""
    from ..policy.making import read_input

    doc, where = read_input(data)
    return Input(doc, dict(where))


read_csv = read_json  # one reader tells the two apart, so a mislabelled file still reads


def write_json(report: Any, lang: str = "en") -> bytes:
    return (json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_csv(report: Any, lang: str = "en") -> bytes:
    """UTF-8 with a byte order mark, so Excel opens it with the right encoding."""
    from ..policy.making import csv_text

    return b"\xef\xbb\xbf" + csv_text(report, lang).encode("utf-8")
