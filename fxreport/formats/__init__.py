"""The external formats of a report, registered in one place.

Each format is a reader (bytes -> build input) and/or a writer (Report -> bytes)
of the same shapes, so ``build INPUT`` picks its reader here by name or content
(``sniff.reader_for``) and ``show --format X`` / ``roll --format X`` find their writer here.  Adding a
format is one module and one entry in ``FORMATS``; the checker never knows.
Entries name their functions as ``"module:function"`` and are imported on first
use, so a command pays only for the formats it touches.

A reader returns ``Input``: the build document (the JSON shape), where each of
its keys came from (``Where``: a JSON key path, a CSV line, a workbook cell),
the left sides it computed itself (a workbook no spreadsheet program has saved)
and warnings that do not refuse it (a value computed from another sheet).  Its
problems raise ``fxreport.core.problems.InputError``.

Reading build input is this package's job, one module each: ``text`` (the one
byte-order-mark strip and decoding), ``sniff`` (which reader, by content and
name), ``json_input``, ``csv_input``, ``xlsx_reading``; ``xlsx`` writes the form.
``fxreport.policy`` decides what may be written from what was read.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, NamedTuple


class Input(NamedTuple):
    doc: dict[str, Any]
    where: dict[str, Any]
    derived: tuple[str, ...] = ()
    warnings: tuple[Any, ...] = ()  # InputProblem: worth saying, not a refusal


class ReportFormat(NamedTuple):
    """A format; ``sniff.input_kind`` recognises a reader's input by content and name."""
    name: str
    reader: str | None  # "module:function" taking bytes, returning Input
    writer: str | None  # "module:function" taking (Report, lang), returning bytes
    binary: bool  # the writer's bytes are not text for a terminal
    # the file names that make `build` take a file as this format's input where its
    # content does not decide (``sniff.input_kind``); none: never build input by its name
    suffixes: tuple[str, ...] = ()

    def read(self, data: bytes) -> Input:
        read: Callable[[bytes], Input] = _load(self.reader)
        return read(data)

    def write(self, report: Any, lang: str = "en") -> bytes:
        write: Callable[[Any, str], bytes] = _load(self.writer)
        return write(report, lang)


def _load(target: str | None) -> Any:
    """The function ``target`` (``"module:function"``) names, imported now; a format
    without that side names none."""
    if target is None:
        raise ValueError("this format has no such function")
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


FORMATS: dict[str, ReportFormat] = {f.name: f for f in (
    ReportFormat("txt", "fxreport.formats.submission:read", "fxreport.formats.submission:write", False),
    ReportFormat("json", "fxreport.formats.json_input:read", "fxreport.formats.json_input:write", False,
                 (".json",)),
    ReportFormat("csv", "fxreport.formats.csv_input:read", "fxreport.formats.csv_input:write", False,
                 (".csv",)),
    ReportFormat("xlsx", "fxreport.formats.xlsx_reading:read_input", "fxreport.formats.xlsx:write", True,
                 (".xlsx", ".xlsm", ".xls", ".ods", ".xltx", ".xltm")),  # the reader names the others
    ReportFormat("table", None, "fxreport.outputs.views:write_table", False),
)}
