"""The JSON Schema of what ``fxreport build`` accepts (``fxreport schema``).

The model's own schema describes a complete report; build input is looser in
exactly two ways, stated here once: a left side of an identity may be left out
(deriving computes it from its formula), and the date is text, ROC (``105/12/09``,
``105/1/2``) or ISO (``2016-12-09``), as ``roll`` writes it and people type it.
"""

from __future__ import annotations

import copy
from typing import Any

from .fields import _ISO_LOOSE, _ROC_LOOSE
from .identities import IDENTITIES

# the forms parse_any_date reads, with the blanks it strips (one statement of each form)
DATE_PATTERN = (r"^\s*(" + _ROC_LOOSE.removesuffix(r"\Z") + "|"
                + _ISO_LOOSE.removesuffix(r"\Z") + r")\s*$")


def build_input_schema() -> dict[str, Any]:
    """The schema of build input: the report's, with the left sides optional and the
    date as ROC or ISO text."""
    from .model import Report  # lazy, heavy: pydantic

    schema = copy.deepcopy(Report.model_json_schema(by_alias=True))
    schema["title"] = "Build input"
    schema["description"] = (
        "What `fxreport build` reads (and `fxreport roll` and `fxreport show --format json` "
        "write): one day's report of one firm. The left side of an identity may be left "
        "out when deriving (build --derive) computes it.")
    date = schema["properties"]["date"]
    date.pop("format", None)
    date["pattern"] = DATE_PATTERN
    formulas = {i.target: i.formula() for i in IDENTITIES}
    for row in schema["$defs"].values():
        props = row.get("properties", {})
        for name, prop in props.items():
            if name in formulas:
                prop["description"] += (f" May be left out when deriving: {formulas[name]}.")
        row["required"] = [n for n in row.get("required", []) if n not in formulas]
    return schema
