"""The API's shapes as pydantic models, so ``/openapi.json`` states the contract.

A model that describes the JSON of a thing the library has a class for is named
with ``JSON`` (``FindingJSON`` is how a ``core.findings.Finding`` is written,
``UnreadableJSON`` a ``checking.batch.Unreadable``, ``RuleJSON`` a ``core.rules.Rule``),
so the two are never taken for each other; the OpenAPI document and ``fxreport schema
check`` show these names.

``CheckResponse`` is the object of FORMAT.md section 5 that ``fxreport check
--format json`` prints; the server returns exactly that object (made by
``fxreport.outputs.outcome_json``), and these models describe it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..checking.calendar import CalendarKind
from ..core.fields import FIRST_DAY, LAST_DAY, ROC_YEAR_MAX, ROC_YEAR_MIN
from ..core.layout import FX_POSITION
from ..core.rules import Category
from ..core.words import Lang
from .limits import MAX_FILES

_WIDTH = FX_POSITION.width  # a finding's columns lie within a record

Severity = Literal["error", "warning"]


class Verified(BaseModel):
    """A person's confirmation that a quality or limit finding's value is right (FORMAT.md 7.6)."""

    note: str = Field(description="Why the value is right, from the verified file's NOTE column.")


class FindingJSON(BaseModel):
    """One problem at one place (FORMAT.md sections 5 and 6.6)."""

    model_config = ConfigDict(extra="allow")

    code: str = Field(description="The rule's stable code, e.g. FLD003; `GET /api/rules` lists them.",
                      examples=["ARI001"])
    severity: Severity = Field(description="`error` makes the file invalid; `warning` does not.")
    category: Category
    row: int | None = Field(description="Record 1, 2 or 3; null for a file-level finding.",
                            ge=1)
    start: int | None = Field(description="First byte column, counted from 1; null where the "
                                          "finding has no columns.", ge=1, le=_WIDTH)
    end: int | None = Field(description="Last byte column (inclusive).", ge=1, le=_WIDTH)
    field: str | None = Field(description="The annex's field name, e.g. ACUST; null for unnamed "
                                          "reserved ranges and file-level findings.")
    message: str = Field(description="What is wrong, in the requested language.")
    hint: str = Field(description="How to fix it, in the requested language.")
    found: str | None = Field(description="The field's text as found (control and non-ASCII "
                                                "bytes escaped as \\xNN), where known.")
    expected: str | None = Field(description="What the rule wanted, where known.")
    verified: Verified | None = Field(
        description="FORMAT.md 7.7: null, or the note of the verified file's line that "
                          "matches this quality or limit finding; a verified finding does not "
                          "count for `strict`.")


class FileResult(BaseModel):
    path: str = Field(description="The path as given (for the API, the uploaded file name).")
    bank: str | None = Field(description="The firm code of row 1; null when unreadable.")
    date: str | None = Field(description="The report date as ISO (Gregorian); null when unreadable.",
                             examples=["2016-12-09"])
    valid: bool = Field(description="True exactly when the file has no error.")
    findings: list[FindingJSON]


class Summary(BaseModel):
    files: int = Field(ge=0)
    valid: int = Field(ge=0)
    errors: int = Field(ge=0)
    warnings: int = Field(ge=0, description="Every warning, verified or not.")
    verified: int = Field(ge=0, description="The findings a verified file's note matches "
                                               "(FORMAT.md 7.7).")


class StaleVerified(BaseModel):
    """A verified file's line for a checked report that matches no finding (FORMAT.md 7.9)."""

    line: int = Field(ge=1, description="The line of the verified file, counted from 1.")
    bank: str
    date: str = Field(description="The report date as ISO (Gregorian).", examples=["2016-12-09"])
    code: str
    field: str | None = Field(description="The field name; null for a file-level finding.")


class UnreadableJSON(BaseModel):
    path: str
    reason: str


class CheckResponse(BaseModel):
    """The JSON of `fxreport check --format json` (FORMAT.md section 5)."""

    version: Literal[1]
    files: list[FileResult] = Field(description="One entry per uploaded file, in upload order.")
    summary: Summary
    unreadable: list[UnreadableJSON] | None = Field(
        None, description="Paths that could not be read (the CLI only; uploads are always read).")
    stale_verified: list[StaleVerified] | None = Field(
        None, description="Lines of the verified file that match no finding of a checked "
                          "report (present only when not empty).")


def check_output_schema() -> dict[str, object]:
    """The JSON Schema of ``fxreport check --format json`` (FORMAT.md sections 5-7): the
    models above, which the OpenAPI document also describes, with the schema's dialect."""
    doc: dict[str, object] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    doc.update(CheckResponse.model_json_schema())
    return doc


class Error(BaseModel):
    """A request the server refused, and why."""

    detail: str | list[dict[str, object]] = Field(description="What is wrong with the request.")


class RuleJSON(BaseModel):
    code: str
    category: Category
    severity: Severity
    title: str = Field(description="The rule's title in the requested language.")
    source: str = Field(description="Where the rule comes from: the central bank's annex "
                                    "(quoted, with its note's number), FORMAT.md, or the labels.")


class Rules(BaseModel):
    rules: list[RuleJSON]


def prefix_pattern() -> str:
    """A regex for ``select``/``ignore`` values: comma-separated codes or prefixes of
    the catalogue's codes, any letter case (generated from the catalogue)."""
    from ..core.rules import RULES

    trie: dict[str, dict] = {}  # type: ignore[type-arg]  # a trie: dicts nested to any depth
    for code in RULES:
        node = trie
        for ch in code:
            node = node.setdefault(ch, {})

    def alternatives(node: dict) -> str:  # type: ignore[type-arg]  # a node of that trie
        parts = []
        for ch, child in sorted(node.items()):
            head = f"[{ch}{ch.lower()}]" if ch.isalpha() else ch
            parts.append(head + (f"(?:{alternatives(child)})?" if child else ""))
        return "|".join(parts)

    one = f"(?:{alternatives(trie)})"
    return f"^[ ,]*(?:{one}(?: *,[ ,]*{one})*)?[ ,]*$"


class CheckForm(BaseModel):
    """The multipart form of `POST /api/check` and `POST /api/report`."""

    files: list[bytes] = Field(min_length=1, max_length=MAX_FILES,
                               description="One or more report files, checked as one series "
                                           "(as `fxreport check FILE...`); each file's name is "
                                           "the path in the answer and is naming-checked.")
    previous: bytes | None = Field(None, description="The previous business day's report, for "
                                                     "the continuity of a single file (as "
                                                     "`--previous`); only with one file.")
    lang: Lang | None = Field(None, description="Language of messages and hints; default: from "
                                                "Accept-Language, else en.")
    select: list[Annotated[str, Field(pattern=prefix_pattern())]] = Field(
        [], description="Only these rule codes or prefixes, as `--select` (comma-separated, "
                        "repeatable, e.g. `ARI,FLD003`). A code that matches no rule is a 422.")
    ignore: list[Annotated[str, Field(pattern=prefix_pattern())]] = Field(
        [], description="Leave out these rule codes or prefixes, as `--ignore` (e.g. `NAM002`).")
    strict: bool = Field(False, description="Warnings fail too (as `--strict`): sets the "
                                            "Fxreport-Exit-Status header and the report's verdict.")
    calendar: CalendarKind | None = Field(
        None, description="The business calendar, as `--calendar` (FORMAT.md 6.1); default bank.")
    open_days: list[_dt.date | Literal[""]] = Field(
        [], description="Extra business days, as `--open-days`: like `closed_days`.")
    closed_days: list[_dt.date | Literal[""]] = Field(
        [], description="Extra non-business days (typhoon days...), as `--closed-days`: one ISO "
                        "date per value (repeatable); a value may also hold several dates, ISO "
                        "or ROC (105/09/28), one per line, `#` starting a comment; a day "
                        f"outside ROC years {ROC_YEAR_MIN:03d}-{ROC_YEAR_MAX:03d} "
                        f"({FIRST_DAY.year}-{LAST_DAY.year}) is refused.")
    limits: bytes | None = Field(
        None, description="Position limits, as `--limits` (FORMAT.md 7.5): a CSV file or its "
                          "text (UTF-8 with or without BOM, or Big5), header `BANK,` and S9(9) "
                          "field names (`POS,SPOT,...`), one line per firm, whole thousands of "
                          "US dollars (`\"1,800\"` allowed, empty for no limit). A value over "
                          "its limit is a LIM001 warning; a malformed file is a 422.")
    verified: bytes | None = Field(
        None, description="Verified findings, as `--verified` (FORMAT.md 7.6): a CSV file or "
                          "its text with the header `BANK,DATE,CODE,FIELD,NOTE`. A quality or "
                          "limit finding a line names carries the note (`verified`) and no "
                          "longer fails `strict`; lines for checked reports that match no "
                          "finding are listed in `stale_verified`; a line naming another "
                          "category's rule is a 422.")
