"""Every human word that is not a rule's: input problems and the commands' own lines.

The rule catalogue (``fxreport.rules``) holds the words of findings; this
module holds the rest, in English and Traditional Chinese, so that no
reader, writer or command builds a sentence of its own.  Chinese follows
FORMAT.md 6.9: ROC dates, full-width punctuation, no English words.
"""

from __future__ import annotations

import json
from typing import Any

LANGS = ("en", "zh-TW")

# Short words and places.
WORDS: dict[str, tuple[str, str]] = {
    "input": ("input", "輸入"),
    "line": ("line {line}", "第 {line} 行"),
    "line_column": ("line {line} column {column}", "第 {line} 行第 {column} 字"),
}

# Problems in build input (JSON, CSV, workbook), by key: (English, Chinese).
INPUT: dict[str, tuple[str, str]] = {
    "empty": ("the input is empty", "輸入內容是空的"),
    "not_text": ("the input is neither UTF-8 nor Big5 text", "輸入內容不是 UTF-8 或 Big5 文字"),
    "json_syntax": ("not valid JSON: {detail}", "不是有效的 JSON：{detail}"),
    "json_not_object": (
        'the JSON input must be an object like {{"bank": "ABCD", "date": "105/12/09", '
        '"row1": {{...}}, ...}}',
        '輸入的 JSON 須為物件，例如 {{"bank": "ABCD", "date": "105/12/09", "row1": {{...}}, ...}}'),
    # CSV (as `show --format csv` prints it, or as a spreadsheet exports it)
    "csv_header": (
        "the CSV header must be {header} (as `fxreport show --format csv` prints it)",
        "CSV 第一行須為 {header}（即 `fxreport show --format csv` 輸出的格式）"),
    "csv_cells": (
        "expected {expected} cells, found {found}; each line is {header}",
        "應有 {expected} 欄，實有 {found} 欄；每行依序為 {header}"),
    "csv_twice": (
        "{name} is given twice (also line {other}); keep one of the two lines",
        "{name} 重複出現（另見第 {other} 行）；請只保留一行"),
    "csv_unknown": (
        "unknown field {name}; the names are the annex's (BAL, AB, ..., ABAL_SW2), "
        "as `fxreport show --format csv` prints them",
        "未知的欄名 {name}；欄名須為附件所列（BAL、AB、…、ABAL_SW2），"
        "即 `fxreport show --format csv` 輸出的欄名"),
    "csv_empty": (
        "the value is empty; fill in a whole number in thousands of USD (0 if there is none)",
        "金額未填；請填入以千美元計的整數（無金額請填 0）"),
    "csv_fraction": (
        "{value} is not a whole number; amounts are whole thousands of USD, so round it",
        "{value} 不是整數；金額以千美元計，須為整數，請四捨五入"),
    "csv_not_number": (
        "{value} is not a whole number; write e.g. 1800, -1800, 1,800, "
        "(1,800) for a negative, or - for zero",
        "{value} 不是整數；請寫成如 1800、-1800、1,800，負數可寫成 (1,800)，零可寫成 -"),
}


def word(key: str, lang: str = "en") -> str:
    return WORDS[key][1 if lang == "zh-TW" else 0]


def value_text(value: Any) -> str:
    """A value as the user typed it: JSON spellings (``true``, ``null``), not Python's."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return str(value)


def input_message(key: str, lang: str, params: dict[str, Any]) -> str:
    text = INPUT[key][1 if lang == "zh-TW" else 0]
    return text.format(**params)
