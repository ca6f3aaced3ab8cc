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
