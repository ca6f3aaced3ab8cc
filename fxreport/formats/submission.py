"""The submission file itself as a format: the codec, checked before it writes."""

from __future__ import annotations

from typing import Any

from ..api import dumps, loads
from . import Input


def read(data: bytes) -> Input:
    """A readable submission file as build input (``fxreport.loads``' rules)."""
    return Input(loads(data).to_json_dict(), {})


def write(report: Any, lang: str = "en") -> bytes:
    """The canonical bytes, checked first (``fxreport.dumps``)."""
    return dumps(report)
