"""Views for people: the labelled table of ``show`` and the byte ruler of ``show --ruler``."""

from __future__ import annotations

import re
import unicodedata

from ..checking.decoder import split_records
from ..core.fields import AMOUNT, roc_text
from ..core.layout import FX_POSITION, Field, Layout
from ..core.model import Report
from ..core.words import word

_GROUP = re.compile(r"^((?:\[[^\]]+\])+)\s*")


def width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - width(text))


def table_text(report: Report, lang: str = "en") -> str:
    """Rows, grouped as the annex groups them, with the labels and the amounts (in English
    both labels; in Chinese the annex's only)."""
    amounts = report.amounts()
    date = roc_text(report.date) if lang == "zh-TW" else f"{roc_text(report.date)} ({report.date.isoformat()})"
    lines = [f"{report.bank}  {date}  {report.filename}", ""]
    for row, fields in enumerate(report.layout.records, 1):
        zh, en = report.layout.title(row)
        lines.append(word("row_title", lang).format(row=row, zh=zh, en=en))
        lines += _row_lines([f for f in fields if f.type == AMOUNT], amounts, lang)
        lines.append("")
    return "\n".join(lines)


def _row_lines(shown: list[Field], amounts: dict[str, int], lang: str) -> list[str]:
    """A row's amounts, under the headings of the annex's groups (``[...]`` prefixes)."""
    zw = max(width(_GROUP.sub("", f.label_zh)) for f in shown)
    ew = 0 if lang == "zh-TW" else max(len(f.label_en) for f in shown)
    lines: list[str] = []
    group = None
    for f in shown:
        m = _GROUP.match(f.label_zh)
        g = m.group(1) if m else ""
        if g != group:
            group = g
            if g:
                lines.append(f"  {g}")
        label = _GROUP.sub("", f.label_zh)
        english = f"{f.label_en:<{ew}}  " if ew else ""
        lines.append(f"    {f.start:>3}-{f.end:<3}  {f.name:<9} {pad(label, zw)}  "
                     f"{english}{amounts[f.name]:>13,}")
    return lines


def ruler_text(data: bytes, lang: str = "en", layout: Layout = FX_POSITION) -> str:
    """Each record's raw bytes under a column ruler, with each field's name beneath
    (``layout``'s); the line above each record in ``lang``."""
    records = split_records(data)[0]
    columns = range(1, layout.width + 1)
    tens = "".join(f"{c // 10 % 10}" if c % 10 == 0 else " " for c in columns)
    ones = "".join(str(c % 10) for c in columns)
    out = []
    for row, rec in enumerate(records, 1):
        shown = "".join(chr(b) if 0x20 <= b < 0x7F else "\u00b7" for b in rec)
        note = word("ruler_record", lang, row=row, length=len(rec))
        if len(rec) != layout.width:
            note += word("ruler_shifted", lang, width=layout.width)
        out += [note, "     " + tens, "     " + ones, "     " + shown]
        if row <= len(layout.records):
            names = "".join(("|" + (f.name or "R"))[:f.width].ljust(f.width)
                            for f in layout.records[row - 1])
            out.append("     " + names)
        out.append("")
    return "\n".join(out)


def write_table(report: Report, lang: str = "en") -> bytes:
    """The table as the format registry's writer (``show --format table``)."""
    return table_text(report, lang).encode("utf-8")
