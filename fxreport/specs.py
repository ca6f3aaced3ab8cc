"""Writing ``specs/format.md`` and ``specs/rules.md`` from the layout and the catalogue.

``python -m fxreport.specs`` rewrites them; a test fails when the committed
files differ from what this module writes, so the docs cannot drift.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .core.identities import CARRIED, IDENTITIES
from .core.fields import AMOUNT_MAX
from .core.layout import RECORD_WIDTH, ROW_TITLES, ROWS
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
    "why": "原因", "width": "位元組數", "label": "欄位說明", "advice": "依原因的修正方式",
}


def template(text: str, lang: str = "en") -> str:
    """A message template as documentation: ``{field}`` becomes ``<field>``, or in
    Chinese its Chinese name, ``〈欄位〉``; a constant (the amount bound) is shown as it is."""
    text = text.replace("{amount_max:,}", f"{AMOUNT_MAX:,}")
    if lang == "zh-TW":
        return _PLACEHOLDER.sub(lambda m: f"〈{PLACEHOLDER_WORDS.get(m.group(1), m.group(1))}〉", text)
    return _PLACEHOLDER.sub(lambda m: f"<{m.group(1)}>", text)


def format_md() -> str:
    out = ["# The report's byte layout", "",
           "Generated from `fxreport/core/layout.py` by `python -m fxreport.specs`; do not edit.",
           f"Each record is {RECORD_WIDTH} bytes; columns are bytes, 1-based, inclusive.",
           "Amounts are S9(9) in thousands of US dollars. The writer emits CRLF after every record.",
           ""]
    for row, fields in ROWS.items():
        zh, en = ROW_TITLES[row]
        out += [f"## Row {row}: {en} ({zh})", "",
                "| cols | width | name | attribute | type | 標籤 | label |",
                "|---|---|---|---|---|---|---|"]
        for f in fields:
            out.append(f"| {f.start}-{f.end} | {f.width} | {f.name or '(unnamed)'} | `{f.attr}` | "
                       f"{f.type.doc} | {f.label_zh} | {f.label_en} |")
        out.append("")
    out += ["## Identities", "",
            "| code | identity | severity |", "|---|---|---|"]
    for i in IDENTITIES:
        out.append(f"| {i.code} | `{i.formula()}` | {'warning (inferred)' if i.inferred else 'error'} |")
    out += ["", "## Prior-day fields carried from the previous report", "",
            "| today's prior-day field | previous report's field |", "|---|---|"]
    out += [f"| {p} | {t} |" for p, t in CARRIED]
    out += ["", "## Notes of the annex (附件「貳、說明」)", "",
            "The annex's notes word for word, each with an English gloss. The rule catalogue "
            "(`specs/rules.md`) quotes them by number.", ""]
    for n, (zh, en) in ANNEX_NOTES.items():
        out += [f"{n}. {annex_quote(zh)}", f"   {en}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def explain(rule: Rule, lang: str = "en") -> str:
    """What ``fxreport rules CODE`` prints: the rule, where it comes from, its words."""
    if lang == "zh-TW":
        heads, colon = ("類別", "嚴重程度", "依據", "訊息", "修正"), "："
    else:
        heads, colon = ("category", "severity", "source", "message", "fix"), ": "
    values = (category_word(rule.category, lang), severity_word(rule.severity, lang),
              rule.source[lang], template(rule.message[lang], lang), template(rule.hint[lang], lang))
    lines = [f"{rule.code}{colon}{rule.title[lang]}"]
    lines += [f"  {h}{colon}{v}" for h, v in zip(heads, values)]
    return "\n".join(lines)


def rules_md() -> str:
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
            out += [f"### {r.code}: {title}", "",
                    f"- severity: {r.severity} ({severity_word(r.severity, 'zh-TW')})",
                    f"- source: {r.source['en']}",
                    f"- 依據：{r.source['zh-TW']}",
                    f"- message: {template(r.message['en'])}",
                    f"- 訊息：{template(r.message['zh-TW'], 'zh-TW')}",
                    f"- fix: {template(r.hint['en'])}",
                    f"- 修正：{template(r.hint['zh-TW'], 'zh-TW')}", ""]
    return "\n".join(out)


GENERATED = {"format.md": format_md, "rules.md": rules_md}


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0] if argv else "specs")
    target.mkdir(exist_ok=True)
    for name, make in GENERATED.items():
        (target / name).write_text(make(), encoding="utf-8")
        print(f"wrote {target / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
