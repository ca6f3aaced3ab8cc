"""Writing ``specs/format.md`` and ``specs/rules.md`` from the layout and the catalogue.

``python -m fxreport.specs`` rewrites them; a test fails when the committed
files differ from what this module writes, so the docs cannot drift.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .core.identities import CARRIED, IDENTITIES
from .core.layout import RECORD_WIDTH, ROW_TITLES, ROWS
from .core.rules import CATEGORIES, RULES, Rule, category_word, severity_word

_PLACEHOLDER = re.compile(r"\{(\w+)(?:[:!][^}]*)?\}")



def template(text: str) -> str:
    """A message template as documentation: ``{field}`` becomes ``<field>``."""
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
    return "\n".join(out) + "\n"


def explain(rule: Rule, lang: str = "en") -> str:
    zh = lang == "zh-TW"
    lines = [f"{rule.code}: {rule.title[lang]}",
             f"  {'類別' if zh else 'category'}: {category_word(rule.category, lang)}",
             f"  {'嚴重性' if zh else 'severity'}: {severity_word(rule.severity, lang)}",
             f"  {'來源' if zh else 'source'}: {rule.source}",
             f"  {'訊息' if zh else 'message'}: {template(rule.message[lang])}",
             f"  {'修正' if zh else 'fix'}: {template(rule.hint[lang])}"]
    return "\n".join(lines)


def rules_md() -> str:
    out = ["# Rule catalogue", "",
           "Generated from `fxreport/core/rules.py` by `python -m fxreport.specs`; do not edit.",
           "`fxreport rules` lists these; `fxreport rules CODE` explains one.",
           "Severity `error` makes a file invalid; `warning` does not.", ""]
    for cat in CATEGORIES:
        out += [f"## {cat}", ""]
        for r in RULES.values():
            if r.category != cat:
                continue
            out += [f"### {r.code}: {r.title['en']} ({r.title['zh-TW']})", "",
                    f"- severity: {r.severity}",
                    f"- source: {r.source}",
                    f"- message: {template(r.message['en'])}",
                    f"- 訊息: {template(r.message['zh-TW'])}",
                    f"- fix: {template(r.hint['en'])}",
                    f"- 修正: {template(r.hint['zh-TW'])}", ""]
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
