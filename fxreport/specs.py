"""Writing ``specs/format.md`` and ``specs/rules.md`` from a layout and the catalogue,
and the typed stub of today's report's rows (``fxreport/core/_rows.pyi``).

``python -m fxreport.specs`` rewrites them from ``FX_POSITION``; a test fails when
the committed files differ from what this module writes, so they cannot drift.
Every writer takes a layout value (today's annex's by default).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .core.fields import AMOUNT, AMOUNT_MAX, CODE, ROC_DATE
from .core.layout import FX_POSITION, Layout
from .core.rules import (ANNEX_NOTES, CATEGORIES, RULES, Rule, annex_quote, category_word,
                         severity_word)

_PLACEHOLDER = re.compile(r"\{(\w+)(?:[:!][^}]*)?\}")

# What each value of a message stands for, as a Chinese reader of ``fxreport rules``
# sees it (FORMAT.md 6.9: no English in Chinese output).
PLACEHOLDER_WORDS: dict[str, str] = {
    "actual": "申報金額", "bank": "證券商英文字軌", "byte": "位元組值", "column": "位元組位置",
    "count": "數量", "crlf": "CRLF 列數", "lf": "LF 列數", "date": "日期", "diff": "差額",
    "encoding": "編碼", "start": "起始位置", "end": "結束位置", "expected": "應有值",
    "expected_name": "應有檔名", "field": "欄位", "found": "實際內容", "length": "長度",
    "limit": "上限", "missing": "漏報營業日", "more": "其餘檔案數", "name": "檔名",
    "paths": "其他檔案", "previous": "前一份申報日期", "previous_date": "前一份申報日期",
    "row": "列號", "split": "跨欄說明", "today": "前一份申報的本日欄位", "value": "數值",
    "why": "原因", "width": "位元組數", "label": "欄位說明",
    # the quality and limit edits (FORMAT.md 7.4, 7.5) and CNT001's chosen hint
    "advice": "修正建議", "ratio": "倍數", "median": "中位數", "excess": "超出金額",
    "previous_path": "前一份申報檔案",
    # filled from the layout: a record's width, an identity's formula
    "record_width": "每列位元組數", "record_count": "列數", "formula": "算式",
}


def template(text: str, lang: str = "en", constants: dict[str, str] | None = None) -> str:
    """A message template as documentation: ``{field}`` becomes ``<field>``, or in
    Chinese its Chinese name, ``〈欄位〉``; a constant (the amount bound, and what
    ``constants`` gives: the layout's record width, a rule's formula) is shown as it is."""
    text = text.replace("{amount_max:,}", f"{AMOUNT_MAX:,}")
    for name, value in (constants or {}).items():
        text = text.replace("{" + name + "}", value)
    if lang == "zh-TW":
        return _PLACEHOLDER.sub(lambda m: f"〈{PLACEHOLDER_WORDS.get(m.group(1), m.group(1))}〉", text)
    return _PLACEHOLDER.sub(lambda m: f"<{m.group(1)}>", text)


def constants(rule: Rule, layout: Layout = FX_POSITION) -> dict[str, str]:
    """What a rule's words are given by ``layout`` rather than by a finding, as text."""
    out = {"record_width": str(layout.width), "record_count": str(len(layout.records))}
    out.update(("formula", i.formula()) for i in layout.identities if i.code == rule.code)
    return out


def format_md(layout: Layout = FX_POSITION) -> str:
    out = ["# The report's byte layout", "",
           "Generated from `fxreport/core/layout.py` by `python -m fxreport.specs`; do not edit.",
           f"Each record is {layout.width} bytes; columns are bytes, 1-based, inclusive.",
           "Amounts are S9(9) in thousands of US dollars. The writer emits CRLF after every record.",
           ""]
    for row, fields in enumerate(layout.records, 1):
        zh, en = layout.title(row)
        out += [f"## Row {row}: {en} ({zh})", "",
                "| cols | width | name | attribute | type | 標籤 | label |",
                "|---|---|---|---|---|---|---|"]
        for f in fields:
            out.append(f"| {f.start}-{f.end} | {f.width} | {f.name or '(unnamed)'} | `{f.attr}` | "
                       f"{f.type.doc} | {f.label_zh} | {f.label_en} |")
        out.append("")
    out += ["## Identities", "",
            "| code | identity | severity |", "|---|---|---|"]
    for i in layout.identities:
        out.append(f"| {i.code} | `{i.formula()}` | {'warning (inferred)' if i.inferred else 'error'} |")
    out += ["", "## Prior-day fields carried from the previous report", "",
            "| today's prior-day field | previous report's field |", "|---|---|"]
    out += [f"| {p} | {t} |" for p, t in layout.carried()]
    out += ["", "## Notes of the annex (附件「貳、說明」)", "",
            "The annex's notes word for word, each with an English gloss. The rule catalogue "
            "(`specs/rules.md`) quotes them by number.", ""]
    for n, (zh, en) in ANNEX_NOTES.items():
        out += [f"{n}. {annex_quote(zh)}", f"   {en}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def explain(rule: Rule, lang: str = "en", layout: Layout = FX_POSITION) -> str:
    """What ``fxreport rules CODE`` prints: the rule, where it comes from, its words."""
    given = constants(rule, layout)
    if lang == "zh-TW":
        heads, colon = ("類別", "嚴重程度", "依據", "訊息", "修正"), "："
    else:
        heads, colon = ("category", "severity", "source", "message", "fix"), ": "
    values = (category_word(rule.category, lang), severity_word(rule.severity, lang),
              rule.source[lang], template(rule.message[lang], lang, given),
              template(rule.hint[lang], lang, given))
    lines = [f"{rule.code}{colon}{rule.title[lang]}"]
    lines += [f"  {h}{colon}{v}" for h, v in zip(heads, values)]
    return "\n".join(lines)


def rules_md(layout: Layout = FX_POSITION) -> str:
    out = ["# Rule catalogue", "",
           "Generated from `fxreport/core/rules.py` by `python -m fxreport.specs`; do not edit.",
           "`fxreport rules` lists these; `fxreport rules CODE` explains one.",
           "Severity `error` makes a file invalid; `warning` does not.",
           "Each rule's source says where it comes from: a note of the central bank's annex, "
           "quoted with its number (附件「貳、說明」, listed in `specs/format.md`), a passage of "
           "the annex's layout, a decision of this project in `FORMAT.md`, or an inference "
           "from the annex's labels.", ""]
    for cat in CATEGORIES:
        out += [f"## {cat} ({category_word(cat, 'zh-TW')})", ""]
        for r in RULES.values():
            if r.category != cat:
                continue
            title = r.title["en"] if r.title["en"] == r.title["zh-TW"] else \
                f"{r.title['en']} ({r.title['zh-TW']})"
            given = constants(r, layout)
            out += [f"### {r.code}: {title}", "",
                    f"- severity: {r.severity} ({severity_word(r.severity, 'zh-TW')})",
                    f"- source: {r.source['en']}",
                    f"- 依據：{r.source['zh-TW']}",
                    f"- message: {template(r.message['en'], 'en', given)}",
                    f"- 訊息：{template(r.message['zh-TW'], 'zh-TW', given)}",
                    f"- fix: {template(r.hint['en'], 'en', given)}",
                    f"- 修正：{template(r.hint['zh-TW'], 'zh-TW', given)}", ""]
    return "\n".join(out)


def rows_stub(layout: Layout = FX_POSITION) -> str:
    """The stub type checkers read for ``model.Report`` and its rows (``report.row1.acust``
    is an ``int``): the model ``report_model`` makes of ``layout`` at run time, written
    out as classes."""
    out = ['"""The report\'s rows as a type checker sees them; do not edit.', "",
           "Generated from `fxreport/core/layout.py` by `python -m fxreport.specs` (a test fails",
           "when it is stale).  At run time `model.report_model` makes these classes from the",
           'layout value; `model` imports this stub only under `TYPE_CHECKING`."""', "",
           "import datetime as _dt", "", "from pydantic import BaseModel", "",
           "from .model import ReportBase", ""]
    heads = {CODE: "str", ROC_DATE: "_dt.date"}
    for row, fields in enumerate(layout.records, 1):
        zh, en = layout.title(row)
        out += ["", f"class Row{row}(BaseModel):", f'    """Row {row}: {zh} / {en}."""', ""]
        out += [f"    {f.attr}: int  # {f.name}, columns {f.start}-{f.end}: {f.label_en}"
                for f in fields if f.type is AMOUNT]
        out.append("")
    out += ["", "class Report(ReportBase):", f'    """A day\'s report of one firm ({layout.name})."""', ""]
    out += [f"    {f.attr}: {heads[f.type]}" for f in layout.heads]
    out += [f"    row{row}: Row{row}" for row in range(1, len(layout.records) + 1)]
    return "\n".join(out) + "\n"


GENERATED = {"format.md": format_md, "rules.md": rules_md}
# written into the package, by path under ``fxreport/``
IN_PACKAGE = {"core/_rows.pyi": rows_stub}


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0] if argv else "specs")
    target.mkdir(exist_ok=True)
    for name, make in GENERATED.items():
        (target / name).write_text(make(), encoding="utf-8")
        print(f"wrote {target / name}")
    for name, make in IN_PACKAGE.items():
        path = Path(__file__).parent / name
        path.write_text(make(), encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
