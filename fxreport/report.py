"""Reporters: the text a person reads and the JSON of FORMAT.md section 5."""

from __future__ import annotations

import json
import os
from typing import IO, Any

from .batch import Outcome
from .checker import FileReport
from .fields import roc_text
from .findings import Finding
from .layout import RECORD_WIDTH
from .rules import ERROR, WARNING, select


def default_lang(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key)
        if value:
            low = value.lower()
            return "zh-TW" if low.startswith(("zh_tw", "zh-tw", "zh_hant", "zh-hant", "zh_hk")) else "en"
    return "en"


def apply_selection(outcome: Outcome, selected: tuple[str, ...], ignored: tuple[str, ...]) -> None:
    """Drop the findings that ``--select``/``--ignore`` leave out (before validity counts)."""
    if not selected and not ignored:
        return
    for r in outcome.reports:
        keep = set(select([f.code for f in r.findings], selected, ignored))
        r.findings = [f for f in r.findings if f.code in keep]


def summary(reports: list[FileReport]) -> dict[str, int]:
    return {"files": len(reports), "valid": sum(1 for r in reports if r.valid),
            "errors": sum(r.count(ERROR) for r in reports),
            "warnings": sum(r.count(WARNING) for r in reports)}


def file_json(r: FileReport, lang: str) -> dict[str, Any]:
    return {"path": r.path, "bank": r.bank,
            "date": r.date.isoformat() if r.date else None,
            "valid": r.valid, "findings": [f.as_json(lang) for f in r.findings]}


JSON_VERSION = 1


def unreadable_json(outcome: Outcome) -> list[dict[str, str]]:
    return [{"path": u.path, "reason": u.reason} for u in outcome.unreadable]


def outcome_json(outcome: Outcome, lang: str) -> dict[str, Any]:
    """The object of FORMAT.md section 5, as ``write_json`` writes it."""
    doc: dict[str, Any] = {"version": JSON_VERSION,
                           "files": [file_json(r, lang) for r in outcome.reports],
                           "summary": summary(outcome.reports)}
    if outcome.unreadable:
        doc["unreadable"] = unreadable_json(outcome)
    return doc


def write_json(outcome: Outcome, out: IO[str], lang: str) -> None:
    """``outcome_json``, written file by file so a long archive is not held twice."""
    out.write('{"version": %d, "files": [' % JSON_VERSION)
    for i, r in enumerate(outcome.reports):
        out.write(("," if i else "") + "\n  " + json.dumps(file_json(r, lang), ensure_ascii=False))
    out.write("\n ],\n \"summary\": " + json.dumps(summary(outcome.reports)))
    if outcome.unreadable:
        out.write(',\n "unreadable": ' + json.dumps(unreadable_json(outcome), ensure_ascii=False))
    out.write("}\n")


_WORDS = {
    "en": {"valid": "valid", "invalid": "INVALID", "unknown": "firm and date unreadable",
           "hint": "hint", "errors": "error(s)", "warnings": "warning(s)", "files": "file(s)",
           "cannot_read": "cannot read", "row": "row", "cols": "columns"},
    "zh-TW": {"valid": "通過", "invalid": "不通過", "unknown": "無法讀取證券商代號與日期",
              "hint": "建議", "errors": "個錯誤", "warnings": "個警告", "files": "個檔案",
              "cannot_read": "無法讀取", "row": "第", "cols": "位元組"},
}


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and text else text


def use_colour(stream: IO[str]) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def write_text(outcome: Outcome, out: IO[str], lang: str, colour: bool = False) -> None:
    w = _WORDS[lang]
    st = _Style(colour)
    for r in outcome.reports:
        head = (f"{r.bank} {r.date.isoformat()} ({roc_text(r.date)})" if r.bank and r.date
                else w["unknown"] if not r.bank and not r.date
                else f"{r.bank or '????'} {r.date.isoformat() if r.date else '????-??-??'}")
        errors, warnings = r.count(ERROR), r.count(WARNING)
        verdict = st(w["valid"], "32") if r.valid else st(w["invalid"], "31;1")
        tail = f", {errors} {w['errors']}, {warnings} {w['warnings']}" if r.findings else ""
        out.write(f"{st(str(r.path), '1')}: {head}: {verdict}{tail}\n")
        for f in r.findings:
            _write_finding(out, r, f, lang, st)
    for u in outcome.unreadable:
        out.write(f"{st(u.path, '1')}: {st(w['cannot_read'], '31;1')}: {u.reason}\n")
    s = summary(outcome.reports)
    out.write(f"{s['files']} {w['files']}: {s['valid']} {w['valid']}, "
              f"{s['files'] - s['valid']} {w['invalid']}; "
              f"{s['errors']} {w['errors']}, {s['warnings']} {w['warnings']}\n")


def _write_finding(out: IO[str], r: FileReport, f: Finding, lang: str, st: _Style) -> None:
    where = str(r.path)
    if f.row:
        where += f":{f.row}"
        if f.start:
            where += f":{f.start}-{f.end}"
    sev = st(f.code, "31" if f.severity == ERROR else "33")
    field = f" {f.field.display}({f.label(lang)})" if f.field is not None else ""
    out.write(f"{where}: {sev}{field} {f.text(lang)}\n")
    records = r.records
    if records and f.row and f.start and f.row <= len(records):
        rec = records[f.row - 1]
        if len(rec) == RECORD_WIDTH:
            shown, marker = excerpt(rec, f.start, f.end or f.start)
            out.write(f"    {st(shown[:8], '2')}{shown[8:]}\n    {st(marker, '31')}\n")
    out.write(f"    {_WORDS[lang]['hint']}: {f.hint(lang)}\n")


def excerpt(rec: bytes, start: int, end: int, margin: int = 12) -> tuple[str, str]:
    """The record's bytes around columns start-end, and a marker line under them.

    Bytes that are not printable ASCII show as a middle dot, one per byte, so
    the marker stays under the right columns.
    """
    lo = max(1, start - margin)
    hi = min(len(rec), end + margin)
    shown = "".join(chr(b) if 0x20 <= b < 0x7F else "\u00b7" for b in rec[lo - 1:hi])
    prefix = f"{lo:>5} | "
    marker = " " * (len(prefix) + start - lo) + "^" * (end - start + 1) + f" {start}-{end}"
    return prefix + shown + " |", marker
