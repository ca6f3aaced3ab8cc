"""A report that may not be written: the one exception every writer raises for it.

It lives below both ``fxreport.api`` and ``fxreport.policy.making`` so that
neither imports the other to raise it.
"""

from __future__ import annotations

from ..core.findings import Finding
from ..core.words import word


def finding_lines(findings: list[Finding], lang: str = "en") -> list[str]:
    lines = []
    for f in findings:
        where = (word("finding_place", lang, row=f.row, start=f.start, end=f.end)
                 if f.field and f.row
                 else word("finding_row", lang, row=f.row) if f.row else word("finding_file", lang))
        lines.append("  " + f.line(lang, where, code=f"[{f.code}]"))
    return lines


class ReportInvalidError(ValueError):
    """A report that ``fxreport check`` finds errors in, so it was not written.

    ``findings`` lists every error (each with ``row``, ``start``/``end``
    columns, ``field_name`` and ``message(lang)``); ``warnings`` the check's
    warnings.  Raised by ``dump``/``dumps`` and ``fxreport.policy.writing.write_report``
    unless they are given ``check=False``.
    """

    def __init__(self, findings: list[Finding], name: str = "<report>", *,
                 warnings: list[Finding] | None = None) -> None:
        self.findings = findings
        self.warnings = warnings or []
        self.name = name
        super().__init__(self.text())

    def text(self, lang: str = "en") -> str:
        return "\n".join([f"{self.name}: " + word("report_invalid", lang, count=len(self.findings)),
                          *finding_lines(self.findings, lang)])
